/**
 * Per package: `api.json`, the recorded API (what the package exposes, sorted, descriptions only
 * as hashes, with the package version it was released as), and `CHANGELOG.md`. Both come from
 * the release planned against the previous record (generator/diff/release/), so a reviewer of a
 * doc change sees the API change itself, and the next run versions from this record.
 */
import { CHANGELOG_FILE, RECORD_FILE } from "../../diff/release/previous-release.js";
import { recordData } from "../../diff/record-file.js";
import type { PackageContext } from "../package-context.js";
import { isPrettierStable, type PlannedChangelog } from "../../diff/release/changelog.js";
import { formattedText, jsonFile, textFile, type PlannedFile } from "../planned-file.js";

export function emitApiRecord({ folder, release }: PackageContext): PlannedFile[] {
  return [
    // The data diff/record-file.ts writes and reads back (recordText is its JSON text).
    jsonFile(`${folder}/${RECORD_FILE}`, recordData(release.record)),
    changelogFile(`${folder}/${CHANGELOG_FILE}`, release.changelog),
  ];
}

/**
 * The changelog as written when prettier would leave its new part as it is (the earlier entries
 * were formatted by the run that wrote them), else its new part to format.
 */
function changelogFile(path: string, { text, kept }: PlannedChangelog): PlannedFile {
  return isPrettierStable(text) ? formattedText(path, text + kept) : textFile(path, text, kept);
}
