/**
 * The structures of one version: added, removed, and field changes judged by where each
 * structure is used (structure-usage.ts). An open structure (no Data Types page defined it) on
 * either side has no known fields, so only the structure's own presence is compared: comparing
 * an action page alone with its new revision must not report every field as removed.
 */
import type { ApiStructure, ApiVersion } from "./api-model.js";
import { pairByKey, record, type ChangeScope } from "./change-scope.js";
import { diffFields } from "./diff-fields.js";
import { structureUsage } from "./structure-usage.js";

export function diffStructures(scope: ChangeScope, before: ApiVersion, after: ApiVersion): void {
  const usage = structureUsage([before, after]);
  const { removed, added, both } = pairByKey(before.structures, after.structures, (s) => s.name);
  const at = (s: ApiStructure): ChangeScope => ({
    ...scope,
    structure: s.name,
    usage: usage(s.name),
  });
  for (const s of removed) record(at(s), "structure-removed", s.name, s.name, null, s.position);
  for (const s of added) record(at(s), "structure-added", s.name, null, s.name, s.position);
  for (const [old, now] of both) {
    if (old.open || now.open) continue;
    const inner = at(now);
    if (old.descriptionHash !== now.descriptionHash) {
      record(
        inner,
        "description-changed",
        now.name,
        old.descriptionHash,
        now.descriptionHash,
        now.position,
      );
    }
    diffFields(inner, "structure", now.name, old.fields, now.fields);
  }
}
