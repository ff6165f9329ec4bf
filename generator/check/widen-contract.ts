/**
 * Widens the documented contract just enough that the page's own examples are accepted (issue 11:
 * the docs trail the service, and a generated SDK must not refuse what the docs themselves send).
 * Typing an example (type-examples.ts) records each contradiction with the tables; here they are
 * applied: a parameter the table lacks becomes an optional field of the example's type, a required
 * field an example leaves out becomes optional, and a field whose value has another type takes
 * the union of both. Every change is listed in the field's `widened` (rendered in its JSDoc) and
 * was reported as a warning where the example was typed.
 *
 * Structure fields are widened on the structure, which every action of the version shares.
 */
import type { Field, FieldWidening, TypeRef } from "../ir/types.js";
import { union } from "./example-value-type.js";

/** Whose field an example contradicts: the action's input table, or a structure's table. */
export type ContractOwner =
  { readonly kind: "input" } | { readonly kind: "structure"; readonly name: string };

export interface Contradiction {
  readonly owner: ContractOwner;
  readonly field: string;
  readonly widening: FieldWidening;
  /** The example's type: the new field's type, or the option joined to the documented type. */
  readonly type?: TypeRef;
  /** The example gives null where the field is not documented as nullable. */
  readonly gaveNull?: true;
}

/** `fields` with `contradictions` (those of one owner) applied; new fields come last. */
export function widenFields(
  fields: readonly Field[],
  contradictions: readonly Contradiction[],
): readonly Field[] {
  if (contradictions.length === 0) return fields;
  const widened = new Map<string, Field>(fields.map((f) => [f.name, f]));
  const added: string[] = [];
  for (const c of contradictions) {
    const current = widened.get(c.field);
    if (current === undefined) {
      if (c.widening.kind !== "added-from-example") continue;
      added.push(c.field);
      widened.set(c.field, {
        name: c.field,
        required: false,
        type: c.type ?? { kind: "unknown", docType: "" },
        description: "",
        nullable: c.gaveNull === true,
        widened: [c.widening],
        position: c.widening.position,
      });
      continue;
    }
    widened.set(c.field, applyOne(current, c));
  }
  return [
    ...fields.map((f) => widened.get(f.name) ?? f),
    ...added.map((name) => widened.get(name)).filter((f): f is Field => f !== undefined),
  ];
}

function applyOne(field: Field, c: Contradiction): Field {
  const list = field.widened ?? [];
  const repeated = list.some(
    (w) =>
      w.kind === c.widening.kind &&
      w.example === c.widening.example &&
      w.detail === c.widening.detail,
  );
  const widened = repeated ? list : [...list, c.widening];
  switch (c.widening.kind) {
    case "required-omitted-by-example":
      return { ...field, required: false, widened };
    case "added-from-example":
    case "type-from-example":
      return {
        ...field,
        type: c.type === undefined ? field.type : union([field.type, c.type]),
        nullable: field.nullable || c.gaveNull === true,
        widened,
      };
  }
}

/** Splits contradictions by owner: the input table's, and each structure's by name. */
export function byOwner(contradictions: readonly Contradiction[]): {
  input: Contradiction[];
  structures: Map<string, Contradiction[]>;
} {
  const input: Contradiction[] = [];
  const structures = new Map<string, Contradiction[]>();
  for (const c of contradictions) {
    if (c.owner.kind === "input") {
      input.push(c);
      continue;
    }
    const list = structures.get(c.owner.name) ?? [];
    list.push(c);
    structures.set(c.owner.name, list);
  }
  return { input, structures };
}
