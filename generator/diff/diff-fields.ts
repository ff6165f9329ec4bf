/**
 * Field-by-field comparison of a request, a response or a structure. The three sides differ only
 * in which kind ids they report (a new required field is breaking in a request, harmless in a
 * response) and in how a type change is judged.
 */
import type { ApiField } from "./api-model.js";
import { accepts } from "./canonical-type.js";
import type { ChangeKindId } from "./change-kinds.js";
import { pairByKey, record, type ChangeScope } from "./change-scope.js";

export type FieldSide = "request" | "response" | "structure";

interface SideKinds {
  readonly addedRequired: ChangeKindId;
  readonly addedOptional: ChangeKindId;
  readonly removed: ChangeKindId;
  readonly becameRequired: ChangeKindId;
  readonly becameOptional: ChangeKindId;
  /** The kind for a type change from `before` to `after`. */
  readonly typeChange: (before: string, after: string) => ChangeKindId;
}

const KINDS: Record<FieldSide, SideKinds> = {
  request: {
    addedRequired: "request-parameter-added-required",
    addedOptional: "request-parameter-added-optional",
    removed: "request-parameter-removed",
    becameRequired: "request-parameter-became-required",
    becameOptional: "request-parameter-became-optional",
    // What a caller sent before must still be accepted.
    typeChange: (before, after) =>
      accepts(after, before) ? "request-parameter-type-widened" : "request-parameter-type-changed",
  },
  response: {
    addedRequired: "response-field-added",
    addedOptional: "response-field-added",
    removed: "response-field-removed",
    becameRequired: "response-field-became-required",
    becameOptional: "response-field-became-optional",
    // What a caller reads now must be something its code already handled.
    typeChange: (before, after) =>
      accepts(before, after) ? "response-field-type-narrowed" : "response-field-type-changed",
  },
  structure: {
    addedRequired: "structure-field-added-required",
    addedOptional: "structure-field-added-optional",
    removed: "structure-field-removed",
    becameRequired: "structure-field-became-required",
    becameOptional: "structure-field-became-optional",
    typeChange: () => "structure-field-type-changed",
  },
};

/** Compares two field lists; `owner` prefixes the paths ("ModifyMigrateJob", "MigrateOption"). */
export function diffFields(
  scope: ChangeScope,
  side: FieldSide,
  owner: string,
  before: readonly ApiField[],
  after: readonly ApiField[],
): void {
  const kinds = KINDS[side];
  const path = (field: ApiField): string => `${owner}.${field.name}`;
  const { removed, added, both } = pairByKey(before, after, (f) => f.name);
  for (const field of removed) {
    record(scope, kinds.removed, path(field), describe(field), null, field.position);
  }
  for (const field of added) {
    const id = field.required ? kinds.addedRequired : kinds.addedOptional;
    record(scope, id, path(field), null, describe(field), field.position);
  }
  for (const [old, now] of both) {
    if (old.required !== now.required) {
      const id = now.required ? kinds.becameRequired : kinds.becameOptional;
      record(scope, id, path(now), requiredness(old), requiredness(now), now.position);
    }
    if (old.type !== now.type) {
      record(
        scope,
        kinds.typeChange(old.type, now.type),
        path(now),
        old.type,
        now.type,
        now.position,
      );
    }
    if (old.descriptionHash !== now.descriptionHash) {
      record(
        scope,
        "description-changed",
        path(now),
        old.descriptionHash,
        now.descriptionHash,
        now.position,
      );
    }
  }
}

function requiredness(field: ApiField): string {
  return field.required ? "required" : "optional";
}

/** "String, required": the field as a before/after value. */
function describe(field: ApiField): string {
  return `${field.type}, ${requiredness(field)}`;
}
