/**
 * fast-check inputs for a request type, from its IR: valid values (every field of its type, some
 * optional ones left out), near-valid ones (a valid value with one thing wrong: a required key
 * removed, an unknown or prototype-named key added, a field of another type, a null), and hostile
 * JSON (any value; objects whose keys are the type's own names, `__proto__` and prototype members,
 * with any values).
 */
import fc from "fast-check";
import type { Field, JsonValue, Structure, TypeRef } from "../../generator/ir/types.js";

type JsonObject = { [key: string]: JsonValue };

/** Structures nest at most this deep in generated values (a structure may contain itself). */
const MAX_DEPTH = 3;

const anyJson = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

export class RequestArbitraries {
  readonly #structures: ReadonlyMap<string, Structure>;
  readonly #responseSide: ReadonlySet<string>;

  /** `responseSide`: structures whose integers may be decimal strings (they appear in responses). */
  constructor(structures: readonly Structure[], responseSide: ReadonlySet<string>) {
    this.#structures = new Map(structures.map((s) => [s.name, s]));
    this.#responseSide = responseSide;
  }

  valid(fields: readonly Field[]): fc.Arbitrary<JsonObject> {
    return this.#object(fields, false, 0);
  }

  nearValid(fields: readonly Field[]): fc.Arbitrary<JsonObject> {
    return fc
      .tuple(this.valid(fields), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 5 }), anyJson)
      .map(([value, where, pick, mutation, junk]) => {
        // The change happens in one object of the value: the request or a structure inside it.
        const copy = structuredClone(value);
        const nodes = this.#objectNodes(fields, copy);
        const [nodeFields, node] = nodes[where % nodes.length] ?? [fields, copy];
        nearMiss(nodeFields, node, pick, mutation, junk);
        return copy;
      });
  }

  /** Every object in `value` that a documented structure (or the request) describes. */
  #objectNodes(fields: readonly Field[], value: JsonObject): [readonly Field[], JsonObject][] {
    const nodes: [readonly Field[], JsonObject][] = [[fields, value]];
    const visit = (type: TypeRef, item: JsonValue): void => {
      if (type.kind === "array" && Array.isArray(item)) {
        for (const element of item as JsonValue[]) visit(type.element, element);
      } else if (type.kind === "struct" && isObject(item)) {
        const structure = this.#structures.get(type.name);
        if (structure !== undefined && !structure.open) {
          nodes.push(...this.#objectNodes(structure.fields, item));
        }
      }
    };
    for (const field of fields) {
      const item = value[field.name];
      if (item !== undefined) visit(field.type, item);
    }
    return nodes;
  }

  hostile(fields: readonly Field[]): fc.Arbitrary<JsonValue> {
    const names = [...fields.map((f) => f.name), ...PROTOTYPE_NAMES, "Unknown"];
    const keyed = fc
      .array(fc.tuple(fc.constantFrom(...names), anyJson), { maxLength: 6 })
      .map((entries) => Object.fromEntries(entries) as JsonValue);
    return fc.oneof(anyJson, keyed);
  }

  #object(
    fields: readonly Field[],
    responseSide: boolean,
    depth: number,
  ): fc.Arbitrary<JsonObject> {
    const entries = fields.map((field) => {
      const value = this.#value(field.type, responseSide, depth);
      const orNull = field.nullable ? fc.oneof(value, fc.constant(null)) : value;
      return fc.tuple(
        fc.constant(field.name),
        field.required
          ? orNull.map((v) => [v])
          : fc.option(
              orNull.map((v) => [v]),
              { nil: undefined },
            ),
      );
    });
    return fc
      .tuple(...entries)
      .map(
        (pairs) =>
          Object.fromEntries(
            pairs.flatMap(([name, boxed]) => (boxed === undefined ? [] : [[name, boxed[0]]])),
          ) as JsonObject,
      );
  }

  #value(type: TypeRef, responseSide: boolean, depth: number): fc.Arbitrary<JsonValue> {
    switch (type.kind) {
      case "unknown":
        return anyJson;
      case "union":
        return fc.oneof(...type.options.map((o) => this.#value(o, responseSide, depth)));
      case "array":
        return depth >= MAX_DEPTH
          ? fc.constant([])
          : fc.array(this.#value(type.element, responseSide, depth + 1), { maxLength: 3 });
      case "struct": {
        const structure = this.#structures.get(type.name);
        if (structure === undefined || structure.open)
          return fc.dictionary(fc.string(), anyJson, { maxKeys: 3 });
        // Past the depth only a structure without required fields can stop the recursion.
        if (depth >= MAX_DEPTH && structure.fields.every((f) => !f.required))
          return fc.constant({});
        return this.#object(structure.fields, this.#responseSide.has(structure.name), depth + 1);
      }
      case "primitive":
        switch (type.name) {
          case "integer":
            return responseSide
              ? fc.oneof(
                  fc.integer(),
                  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
                )
              : fc.oneof(fc.integer(), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, 1e21));
          case "float":
            return fc.double({ noNaN: true, noDefaultInfinity: true });
          case "boolean":
            return fc.boolean();
          case "object":
            return fc.dictionary(fc.string(), anyJson, { maxKeys: 3 });
          case "stringOrNumber":
            return fc.oneof(fc.string(), fc.double({ noNaN: true, noDefaultInfinity: true }));
          default:
            return fc.string();
        }
    }
  }
}

/** Changes one thing in `node` (when the chosen change is not possible, it may stay valid). */
function nearMiss(
  fields: readonly Field[],
  node: JsonObject,
  pick: number,
  mutation: number,
  junk: JsonValue,
): void {
  const field = fields[pick % Math.max(fields.length, 1)];
  switch (mutation) {
    case 0: // a required (or any) key removed
      if (field !== undefined) delete node[field.name];
      return;
    case 1: // an unknown key
      node[`${field?.name ?? "Key"}X`] = junk;
      return;
    case 2: // a key Object.prototype has, as an own property
      Object.defineProperty(node, PROTOTYPE_NAMES[pick % PROTOTYPE_NAMES.length] ?? "constructor", {
        value: junk,
        enumerable: true,
        configurable: true,
        writable: true,
      });
      return;
    case 3: // a field with any JSON value
      if (field !== undefined) node[field.name] = junk;
      return;
    case 4: // a fraction, a numeric string
      if (field !== undefined) node[field.name] = pick % 2 === 0 ? 1.5 : "12";
      return;
    default: // a field set to null
      if (field !== undefined) node[field.name] = null;
  }
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
