/**
 * Checks an example request against its page's parameter tables, in the IR, to decide at
 * generation time whether the example can be sent by the typed client (the client validates
 * first, so an example the tables contradict would never reach the mock). Problems are reported
 * with the wire path, e.g. "MigrateOption.RunMode".
 */
import type { Action, Field, JsonValue, Structure, TypeRef } from "../../ir/types.js";

export interface ExampleProblem {
  /** Dotted wire path; array elements as indices, e.g. "Filters.0.Name". */
  readonly path: string;
  readonly reason: string;
  /** Set for a key no table lists (the check phase keeps only keys that are no names so). */
  readonly unknownKey?: true;
}

export function checkExampleRequest(
  action: Action,
  structures: readonly Structure[],
  request: { readonly [key: string]: JsonValue },
): ExampleProblem[] {
  const byName = new Map(structures.map((s) => [s.name, s]));
  const problems: ExampleProblem[] = [];
  checkObject(action.input, request, "", byName, problems);
  return problems;
}

function checkObject(
  fields: readonly Field[],
  value: { readonly [key: string]: JsonValue },
  prefix: string,
  structures: ReadonlyMap<string, Structure>,
  problems: ExampleProblem[],
): void {
  const known = new Map(fields.map((f) => [f.name, f]));
  for (const field of fields) {
    if (field.required && !Object.hasOwn(value, field.name)) {
      problems.push({
        path: prefix + field.name,
        reason: "required by the page but missing",
      });
    }
  }
  for (const [key, item] of Object.entries(value)) {
    const field = known.get(key);
    if (field === undefined) {
      problems.push({
        path: prefix + key,
        reason: "not a parameter on the page",
        unknownKey: true,
      });
      continue;
    }
    if (item === null && field.nullable) continue;
    checkValue(field.type, item, prefix + key, structures, problems);
  }
}

function checkValue(
  type: TypeRef,
  value: JsonValue,
  path: string,
  structures: ReadonlyMap<string, Structure>,
  problems: ExampleProblem[],
): void {
  const mismatch = (): void => {
    problems.push({
      path,
      reason: `expected ${type.docType}, the example has ${JSON.stringify(value)}`,
    });
  };
  switch (type.kind) {
    case "unknown":
      return;
    case "array":
      if (!Array.isArray(value)) return mismatch();
      (value as readonly JsonValue[]).forEach((element, index) =>
        checkValue(type.element, element, `${path}.${index}`, structures, problems),
      );
      return;
    case "struct": {
      if (!isObject(value)) return mismatch();
      const structure = structures.get(type.name);
      if (structure === undefined || structure.open) return;
      checkObject(structure.fields, value, `${path}.`, structures, problems);
      return;
    }
    case "primitive":
      if (!primitiveAccepts(type.name, value)) mismatch();
      return;
    case "union": {
      // Accepted when some option accepts it (a field widened to fit an example).
      const fits = type.options.some((option) => {
        const found: ExampleProblem[] = [];
        checkValue(option, value, path, structures, found);
        return found.length === 0;
      });
      if (!fits) mismatch();
      return;
    }
  }
}

function primitiveAccepts(name: string, value: JsonValue): boolean {
  switch (name) {
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "float":
      return typeof value === "number";
    case "boolean":
      return typeof value === "boolean";
    case "object":
      return isObject(value);
    case "stringOrNumber":
      return typeof value === "string" || typeof value === "number";
    default:
      return typeof value === "string";
  }
}

function isObject(value: JsonValue): value is { readonly [key: string]: JsonValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
