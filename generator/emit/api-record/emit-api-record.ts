/**
 * Per package: `api.json`, the recorded API (what the package exposes, sorted, descriptions only
 * as hashes, with the package version it was released as), and `CHANGELOG.md`. Both come from
 * the release planned against the previous record (generator/diff/release/), so a reviewer of a
 * doc change sees the API change itself, and the next run versions from this record.
 */
import { CHANGELOG_FILE, RECORD_FILE } from "../../diff/release/previous-release.js";
import { recordText } from "../../diff/record-file.js";
import type { PackageContext } from "../package-context.js";
import { textFile, type PlannedFile } from "../planned-file.js";

export function emitApiRecord({ folder, release }: PackageContext): PlannedFile[] {
  return [
    // The record's own serialiser (diff/record-file.ts) is also what reads it back.
    textFile(`${folder}/${RECORD_FILE}`, recordText(release.record)),
    textFile(`${folder}/${CHANGELOG_FILE}`, release.changelog),
  ];
}
