/**
 * Descriptions enter the API model only as a short hash of their words: the record stays free of
 * page prose, and a description edit still shows as a change. Whitespace and line breaks are
 * normalised first, so re-wrapping a paragraph is not an edit.
 */
import { createHash } from "node:crypto";

export function descriptionHash(text: string): string {
  const words = text.replace(/\s+/g, " ").trim();
  return createHash("sha256").update(words, "utf8").digest("hex").slice(0, 16);
}
