/**
 * Per package: `api.json`, the recorded API (what the package exposes, sorted, descriptions only
 * as hashes, with the package version it was released as), and `CHANGELOG.md`. Both come from
 * the release planned against the previous record (generator/diff/release/), so a reviewer of a
 * doc change sees the API change itself, and the next run versions from this record.
 */
import { CHANGELOG_FILE, RECORD_FILE } from "../../diff/release/previous-release.js";
import { recordText } from "../../diff/record-file.js";
import type { Ir } from "../../ir/types.js";
import { releaseOf, type EmitContext } from "../emit-context.js";
import type { GeneratedFile } from "../generated-file.js";
import { packageFolder } from "../version-context.js";

export function emitApiRecord(ir: Ir, context: EmitContext): GeneratedFile[] {
  return ir.services.flatMap((service) => {
    const release = releaseOf(ir, service, context);
    const folder = packageFolder(service.name);
    return [
      { path: `${folder}/${RECORD_FILE}`, content: recordText(release.record) },
      { path: `${folder}/${CHANGELOG_FILE}`, content: release.changelog },
    ];
  });
}
