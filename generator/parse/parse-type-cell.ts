/**
 * Type cells to `TypeRef`: "String", "Array of [Filter](...#Filter)", "String Array", a bare
 * structure name, ... An unknown spelling gives kind "unknown" and `known: false`.
 */
import type { PrimitiveName, TypeRef } from "../ir/types.js";
import type { Cell } from "./read-table.js";

// A Map, not an object literal: a cell reading "constructor" or "__proto__" must not find
// Object.prototype's members.
const PRIMITIVES: ReadonlyMap<string, PrimitiveName> = new Map<string, PrimitiveName>(
  Object.entries({
    string: "string",
    integer: "integer",
    int: "integer",
    long: "integer",
    uint64: "integer",
    int64: "integer",
    float: "float",
    double: "float",
    number: "float",
    boolean: "boolean",
    bool: "boolean",
    timestamp: "timestamp",
    "timestamp iso8601": "timestampIso8601",
    date: "date",
    datetime: "timestamp",
    object: "object",
    json: "object",
    "string/number": "stringOrNumber",
    binary: "binary",
  } satisfies Record<string, PrimitiveName>),
);

export interface ParsedType {
  readonly type: TypeRef;
  /** False when some part of the cell was not understood (the type contains kind "unknown"). */
  readonly known: boolean;
}

/** Parses a table cell from its Markdown source, so `docType` is the cell as written. */
export function parseTypeCell(cell: Pick<Cell, "source">): ParsedType {
  const type = parseTypeText(cell.source.replace(/\s+/g, " "));
  return { type, known: isKnown(type) };
}

const LINK = /^\[([^\]]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)$/;
/**
 * "[Placement](# placement)": a space in the target makes it no Markdown link, but the page means
 * the structure the link text names (its target, spaces removed, is kept as the link).
 */
const SPACED_LINK = /^\[([^\]]+)\]\(([^)"]*)\)$/;

/** Parses the Markdown source of a type cell, e.g. "Array of [Filter](/document/api/1/2#Filter)". */
export function parseTypeText(text: string): TypeRef {
  const docType = text.trim();
  const bare = docType.replace(/[.;,]+$/, "").replace(/^`(.*)`$/, "$1");
  const arrayOf = /^array\s+of\s+(.+)$/i.exec(bare);
  if (arrayOf?.[1] !== undefined) {
    return { kind: "array", element: parseTypeText(arrayOf[1]), docType };
  }
  const suffixArray = /^(.+?)\s*(?:array|\[\])$/i.exec(bare);
  if (suffixArray?.[1] !== undefined) {
    return { kind: "array", element: parseTypeText(suffixArray[1]), docType };
  }
  const primitive = PRIMITIVES.get(bare.toLowerCase());
  if (primitive !== undefined) return { kind: "primitive", name: primitive, docType };
  const link = LINK.exec(bare) ?? SPACED_LINK.exec(bare);
  if (link?.[1] !== undefined && link[2] !== undefined && IDENTIFIER.test(link[1].trim())) {
    return { kind: "struct", name: link[1].trim(), link: link[2].replace(/\s+/g, ""), docType };
  }
  if (IDENTIFIER.test(bare)) return { kind: "struct", name: bare, docType };
  return { kind: "unknown", docType };
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function isKnown(type: TypeRef): boolean {
  if (type.kind === "unknown") return false;
  if (type.kind === "array") return isKnown(type.element);
  return true;
}

/** Whether a cell's text reads as a type at all (used to find the type cell of a broken row). */
export function looksLikeType(cell: Pick<Cell, "source">): boolean {
  if (cell.source === "" || cell.source.length > 200) return false;
  const parsed = parseTypeCell(cell);
  if (!parsed.known) return false;
  // A bare word is a structure name only when it starts with a capital letter.
  return (
    parsed.type.kind !== "struct" || /^[A-Z[]/.test(parsed.type.docType.replace(/^array of /i, ""))
  );
}
