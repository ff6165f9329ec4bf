/**
 * The shape every generated validator has, and the small helpers generated validator code calls.
 *
 * Generated validators come in two halves per type: a fast `is` check that allocates nothing and
 * answers true or false, and a slower `collect` walk that runs only when `is` said false and
 * reports every issue with its path. So a valid value costs one pass and one result object.
 * Both halves of a type are printed from one plan of its properties (tcgen's
 * emit/validators/object-plan.ts): the `collect` half walks a {@link PropertyRule} table.
 *
 * Validators implement Standard Schema v1 (https://standardschema.dev); its interface is declared
 * here so the package keeps zero runtime dependencies.
 */

/** A path into the validated value: object keys and array indices. */
export type ValidationPath = readonly (string | number)[];

export interface ValidationIssue {
  readonly path: ValidationPath;
  /** What the schema wanted, e.g. "integer". */
  readonly expected: string;
  /** What was there, e.g. `"1"` (strings are quoted) or `undefined`. */
  readonly received: string;
  /** e.g. `MigrateOption.RunMode: expected integer, received "1"`. */
  readonly message: string;
  /**
   * True when the issue is a key the schema does not know (a typo, or a field newer than the
   * docs). The client drops these issues under `allowUnknownFields`; the mock answers them with
   * `UnknownParameter` instead of `InvalidParameter`.
   */
  readonly unknownKey?: boolean;
  /**
   * For an unknown key: the known key it most likely misspells (e.g. "JobName" for "JobNmae"),
   * when one is close. The message says it too.
   */
  readonly suggestion?: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

/**
 * Standard Schema v1, declared locally (the spec asks libraries to copy it rather than depend on
 * it).
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1Props<Input, Output>;
}

export interface StandardSchemaV1Props<Input = unknown, Output = Input> {
  readonly version: 1;
  readonly vendor: string;
  readonly validate: (
    value: unknown,
  ) => StandardSchemaV1Result<Output> | Promise<StandardSchemaV1Result<Output>>;
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
}

export type StandardSchemaV1Result<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardSchemaV1Issue[] };

export interface StandardSchemaV1Issue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined;
}

export interface Validator<T> extends StandardSchemaV1<T, T> {
  /** The type name, e.g. "ModifyMigrateJobRequest". */
  readonly name: string;
  /** Checks `value` and reports every issue at once. */
  validate(value: unknown): ValidationResult<T>;
  /** True when `value` is valid; never allocates. */
  is(value: unknown): value is T;
}

/** Fast check generated code emits per type. */
export type IsValid = (value: unknown) => boolean;
/** Slow walk generated code emits per type; appends one issue per problem found. */
export type CollectIssues = (
  value: unknown,
  path: ValidationPath,
  issues: ValidationIssue[],
) => void;

/** Builds a validator from its generated halves. */
export function createValidator<T>(
  name: string,
  is: IsValid,
  collect: CollectIssues,
): Validator<T> {
  const validate = (value: unknown): ValidationResult<T> => {
    if (is(value)) return { ok: true, value: value as T };
    const issues: ValidationIssue[] = [];
    collect(value, [], issues);
    // `is` and `collect` are generated from the same schema; an empty list would mean a generator
    // bug.
    if (issues.length === 0) issues.push(makeIssue([], name, value));
    return { ok: false, issues };
  };
  return {
    name,
    validate,
    is: (value: unknown): value is T => is(value),
    "~standard": {
      version: 1,
      vendor: "tcgen",
      validate: (value: unknown): StandardSchemaV1Result<T> => {
        const result = validate(value);
        return result.ok ? { value: result.value } : { issues: result.issues };
      },
    },
  };
}

// ---- fast checks (no allocation) ----

export const isString: IsValid = (v) => typeof v === "string";
export const isInteger: IsValid = (v) =>
  (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";
const INTEGER_TEXT = /^-?\d+$/;
/** A decimal integer string: how json.ts returns response integers beyond 2^53. */
export const isIntegerText: IsValid = (v) => typeof v === "string" && INTEGER_TEXT.test(v);
/** A response-side integer (`ResponseInteger`): a number, a bigint, or its decimal string. */
export const isResponseInteger: IsValid = (v) => isInteger(v) || isIntegerText(v);
export const isNumber: IsValid = (v) => typeof v === "number" && Number.isFinite(v);
export const isBoolean: IsValid = (v) => typeof v === "boolean";
export const isStringOrNumber: IsValid = (v) =>
  typeof v === "string" || (typeof v === "number" && Number.isFinite(v));
export const isJsonObject: IsValid = (v) =>
  typeof v === "object" && v !== null && !Array.isArray(v);
export const isAnything: IsValid = () => true;

/** True when `v` is an array whose every element passes `element`. */
export function isArrayOf(v: unknown, element: IsValid): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!element(v[i])) return false;
  return true;
}

// ---- issue collection (only runs for invalid values) ----

/** Collector for a scalar: one issue when `is` fails. */
export function collectScalar(is: IsValid, expected: string): CollectIssues {
  return (value, path, issues) => {
    if (!is(value)) issues.push(makeIssue(path, expected, value));
  };
}

export const collectString = collectScalar(isString, "string");
export const collectInteger = collectScalar(isInteger, "integer");
export const collectResponseInteger = collectScalar(isResponseInteger, "integer");
export const collectNumber = collectScalar(isNumber, "number");
export const collectBoolean = collectScalar(isBoolean, "boolean");
export const collectStringOrNumber = collectScalar(isStringOrNumber, "string or number");
export const collectJsonObject = collectScalar(isJsonObject, "object");
export const collectAnything: CollectIssues = () => {};

/** Collector for an array: an issue for a non-array, else the element issues with their index. */
export function collectArrayOf(element: CollectIssues, expected = "array"): CollectIssues {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push(makeIssue(path, expected, value));
      return;
    }
    for (let i = 0; i < value.length; i++) element(value[i], [...path, i], issues);
  };
}

/**
 * Checks one property of an object that already passed `isJsonObject`: missing required keys,
 * `null` where not allowed, then the value itself. Only an own property counts: an absent
 * `constructor` or `toString` is absent, not the member every object inherits.
 */
export function collectProperty(
  object: { readonly [key: string]: unknown },
  key: string,
  required: boolean,
  nullable: boolean,
  collect: CollectIssues,
  path: ValidationPath,
  issues: ValidationIssue[],
  expected: string,
): void {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  if (value === undefined) {
    if (required) issues.push(makeIssue([...path, key], expected, value));
    return;
  }
  if (value === null && nullable) return;
  collect(value, [...path, key], issues);
}

/** One property of a generated object type: key, required, nullable, collector, expected. */
export type PropertyRule = readonly [
  key: string,
  required: boolean,
  nullable: boolean,
  collect: CollectIssues,
  expected: string,
];

/** The known keys of an object type: those of its property table, in the docs' order. */
export function ruleKeys(rules: readonly PropertyRule[]): ReadonlySet<string> {
  return new Set(rules.map(([key]) => key));
}

/**
 * Collects the issues of an object type from its generated property table. `keyOwner` is what a
 * known key is, in an unknown key's message: "parameter of ModifyMigrateJob" for a request,
 * "field of MigrateOption" for a structure (the default is a field of `typeName`).
 */
export function collectObject(
  value: unknown,
  path: ValidationPath,
  issues: ValidationIssue[],
  typeName: string,
  known: ReadonlySet<string>,
  rules: readonly PropertyRule[],
  keyOwner = `field of ${typeName}`,
): void {
  if (!isJsonObject(value)) {
    issues.push(makeIssue(path, `object (${typeName})`, value));
    return;
  }
  const object = value as { readonly [key: string]: unknown };
  collectUnknownKeys(object, known, keyOwner, path, issues);
  for (const [key, required, nullable, collect, expected] of rules) {
    collectProperty(object, key, required, nullable, collect, path, issues, expected);
  }
}

/**
 * Reports every key of `object` that `known` does not list, naming the known key it most likely
 * misspells: "JobNmae is not a parameter of ModifyMigrateJob; did you mean JobName?". Only the
 * slow path calls this, so the suggestion costs nothing for a valid value.
 */
export function collectUnknownKeys(
  object: { readonly [key: string]: unknown },
  known: ReadonlySet<string>,
  keyOwner: string,
  path: ValidationPath,
  issues: ValidationIssue[],
): void {
  for (const key of Object.keys(object)) {
    if (known.has(key)) continue;
    const keyPath = [...path, key];
    const suggestion = closestKey(key, known);
    const subject = `${formatPath(keyPath)} is not a ${keyOwner}`;
    issues.push({
      path: keyPath,
      expected: `a ${keyOwner}`,
      received: describeReceived(object[key]),
      unknownKey: true,
      ...(suggestion === undefined ? {} : { suggestion }),
      message: suggestion === undefined ? `${subject}.` : `${subject}; did you mean ${suggestion}?`,
    });
  }
}

/** Farther than this many edits, a known key is not offered as what the caller meant. */
const MAX_SUGGESTION_EDITS = 2;

/**
 * The known key closest to `key`: equal but for case, else the fewest edits (insertions,
 * deletions, substitutions, swaps of two neighbours; case ignored), at most 2 and fewer than
 * `key` has characters (so "X" is not taken for "Id"). Ties go to the first key in `known`'s
 * order, which is the docs' order. Undefined when no key is that close.
 */
export function closestKey(key: string, known: Iterable<string>): string | undefined {
  const wanted = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(MAX_SUGGESTION_EDITS, wanted.length - 1) + 1;
  for (const candidate of known) {
    // The length difference alone is a lower bound on the edits: skip long comparisons early.
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = editDistance(wanted, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of a substring).
 */
function editDistance(a: string, b: string): number {
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        distance = Math.min(distance, before[j - 2]! + 1);
      }
      current.push(distance);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

export function makeIssue(path: ValidationPath, expected: string, value: unknown): ValidationIssue {
  const received = describeReceived(value);
  return {
    path,
    expected,
    received,
    message: `${formatPath(path)}: expected ${expected}, received ${received}`,
  };
}

const MAX_QUOTED = 60;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A short, safe description of a value: strings quoted (and cut), containers by kind. */
export function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
    case "number":
    case "boolean":
      return String(value);
    case "bigint":
      return `${value}n`;
    case "undefined":
      return "undefined";
    case "object":
      return "object";
    default:
      return typeof value;
  }
}

/** `MigrateOption.RunMode`, `InstanceIds[0]`, `Tags["a b"]`; the root is "value". */
export function formatPath(path: ValidationPath): string {
  if (path.length === 0) return "value";
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === "" ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}
