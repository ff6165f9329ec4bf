/**
 * The JSON body of one generated call, built from its request and the escape hatches for docs
 * that trail the service (issue 11):
 *
 * - `validate: false`: the request is sent as given, unchecked;
 * - `allowUnknownFields: true`: issues for keys the docs do not list are dropped (known fields
 *   are still validated, every other issue still throws), and the request is sent as given;
 * - `extraFields`: fields newer than the docs, merged into the body after validation, so that a
 *   TypeScript caller sends them without a cast while the request type stays exact. A key that is
 *   a documented field (or is also in the request) is a `ValidationError`: a documented field
 *   belongs in the request, where it is typed and validated.
 */
import { ConfigurationError, ValidationError } from "./errors.js";
import { serializeRequestBody } from "./json.js";
import {
  describeReceived,
  formatPath,
  isJsonObject,
  makeIssue,
  type ValidationIssue,
  type Validator,
} from "./validation.js";

/** Request fields the docs do not list yet, by their API name. */
export type ExtraFields = { readonly [name: string]: unknown };

/** How one call's request is checked; each value already resolved from call and client options. */
export interface BodyRules {
  readonly validate: boolean;
  readonly allowUnknownFields: boolean;
  readonly extraFields: ExtraFields | undefined;
}

/** Checks `request` by `rules` and returns the body to sign; throws `ValidationError` otherwise. */
export function checkedRequestBody(
  action: string,
  validator: Validator<unknown>,
  request: unknown,
  rules: BodyRules,
): string {
  if (rules.validate) {
    const checked = validator.validate(request);
    if (!checked.ok) {
      const issues = rules.allowUnknownFields
        ? checked.issues.filter((issue) => issue.unknownKey !== true)
        : checked.issues;
      if (issues.length > 0) throw new ValidationError(issues, action);
    }
  }
  if (rules.extraFields === undefined) return serializeRequestBody(request);
  return serializeRequestBody(
    withExtraFields(action, validator, request, rules.extraFields, rules.validate),
  );
}

function withExtraFields(
  action: string,
  validator: Validator<unknown>,
  request: unknown,
  extraFields: ExtraFields,
  checkDocumented: boolean,
): { readonly [name: string]: unknown } {
  if (!isJsonObject(extraFields)) {
    throw new ConfigurationError(
      `${action}: extraFields must be an object of field names to values, got ${describeReceived(extraFields)}`,
    );
  }
  if (!isJsonObject(request)) {
    throw new ValidationError(
      [makeIssue([], "object (fields can only be added to one)", request)],
      action,
    );
  }
  const requestObject = request as { readonly [name: string]: unknown };
  const names = Object.keys(extraFields);
  const documented = checkDocumented ? documentedNames(validator, names) : new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const name of names) {
    if (Object.hasOwn(requestObject, name)) {
      issues.push(
        extraFieldIssue(
          name,
          extraFields[name],
          "is both in the request and in extraFields; give it once",
        ),
      );
    } else if (documented.has(name)) {
      issues.push(
        extraFieldIssue(
          name,
          extraFields[name],
          `is a documented field of ${validator.name}; put it in the request, where it is typed and validated (extraFields is for fields newer than the docs)`,
        ),
      );
    }
  }
  if (issues.length > 0) throw new ValidationError(issues, action);
  return { ...requestObject, ...extraFields };
}

function extraFieldIssue(name: string, value: unknown, problem: string): ValidationIssue {
  const path = [name];
  const received = describeReceived(value);
  return {
    path,
    expected: "a field the docs do not list",
    received,
    message: `${formatPath(path)} in extraFields ${problem}`,
  };
}

/**
 * A key no documented name can be (names are identifiers), used to learn whether the validator
 * reports unknown keys at all: one of an open object type reports none, so it tells nothing.
 */
const NEVER_A_FIELD = " not a field ";

/**
 * Which of `names` the request validator knows, learnt from the validator itself: an object with
 * just those keys is validated and every name without an `unknownKey` issue is documented.
 */
function documentedNames(validator: Validator<unknown>, names: readonly string[]): Set<string> {
  // fromEntries defines own properties, so even a "__proto__" name is probed as a key.
  const probe = Object.fromEntries([...names, NEVER_A_FIELD].map((name) => [name, undefined]));
  const checked = validator.validate(probe);
  const unknown = new Set<string>();
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const [name] = issue.path;
      if (issue.unknownKey === true && issue.path.length === 1 && typeof name === "string") {
        unknown.add(name);
      }
    }
  }
  if (!unknown.has(NEVER_A_FIELD)) return new Set();
  return new Set(names.filter((name) => !unknown.has(name)));
}
