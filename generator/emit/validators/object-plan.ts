/**
 * The one definition of each object type a version validates (a request, a response or a
 * structure): its properties in the docs' order, each with its check planned once from the type
 * rules (validator-checks.ts, generator/types/type-rules.ts). The fast `$is_X` check and the
 * `$rules_X` table the issue collector walks are both printed from this plan
 * (print-object-validator.ts), so the two cannot disagree on a key, a requiredness or a type.
 */
import type { Field } from "../../ir/types.js";
import type { TypeSide } from "../../types/type-rules.js";
import { structuresInResponses } from "../types/response-side.js";
import type { VersionContext } from "../version-context.js";
import type { Check, ValidatorChecks } from "./validator-checks.js";

export interface PlannedProperty {
  /** The wire key, as the docs write it. */
  readonly key: string;
  readonly required: boolean;
  readonly nullable: boolean;
  readonly check: Check;
}

export interface ObjectPlan {
  readonly typeName: string;
  readonly validatorName: string;
  /** Undefined for an open structure: any JSON object. */
  readonly properties: readonly PlannedProperty[] | undefined;
  /** What the validator's JSDoc says. */
  readonly summary: string;
  /** What a known key is, for an unknown key's message: "parameter of ModifyMigrateJob". */
  readonly keyOwner: string;
}

/** Every object type of a version, requests and responses by action, then structures. */
export function planObjects(
  { version, names }: VersionContext,
  checks: ValidatorChecks,
): ObjectPlan[] {
  const properties = (fields: readonly Field[], side: TypeSide): PlannedProperty[] =>
    fields.map((field) => ({
      key: field.name,
      required: field.required,
      nullable: field.nullable,
      check: checks.checkFor(field.type, side),
    }));
  const plans: ObjectPlan[] = [];
  for (const action of version.actions) {
    const own = names.actions.get(action.name);
    if (own === undefined) continue;
    plans.push(
      {
        typeName: own.requestType,
        validatorName: own.requestValidator,
        properties: properties(action.input, "request"),
        summary: `Validates a ${action.name} request; unknown keys are issues.`,
        keyOwner: `parameter of ${action.name}`,
      },
      {
        typeName: own.responseType,
        validatorName: own.responseValidator,
        properties: properties(action.output, "response"),
        summary: `Validates the content of a ${action.name} response (for tests; the client does not).`,
        keyOwner: `field of the ${action.name} response`,
      },
    );
  }
  // A structure that can arrive in a response may hold integers as decimal strings.
  const inResponses = structuresInResponses(version);
  for (const structure of version.structures) {
    const own = names.structures.get(structure.name);
    if (own === undefined) continue;
    const side: TypeSide = inResponses.has(structure.name) ? "response" : "request";
    plans.push({
      typeName: own.type,
      validatorName: own.validator,
      properties: structure.open ? undefined : properties(structure.fields, side),
      summary: `Validates a ${structure.name} structure.`,
      keyOwner: `field of ${structure.name}`,
    });
  }
  return plans;
}
