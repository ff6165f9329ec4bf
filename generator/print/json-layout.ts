/**
 * JSON laid out as prettier lays out a .json file that was written by JSON.stringify(v, null, 2),
 * so that the print phase need not run prettier over it (JSON was about a fifth of a corpus
 * run's formatting). Prettier keeps every non-empty object broken (it was broken in the input)
 * and puts an array on one line when it fits within the print width and holds no broken value.
 *
 * Only the plain cases are laid out here; for anything else (an array holding text that is not
 * ASCII, whose width prettier measures by East Asian width; an array of numbers too long for a
 * line, which prettier fills) the answer is undefined and prettier formats the file. Tests compare the
 * layout with prettier over every JSON file of the fixtures and the corpus.
 */
const PRINT_WIDTH = 100;
const INDENT = "  ";

/** `value` laid out, with a final newline; undefined when prettier must decide. */
export function layOutJson(value: unknown): string | undefined {
  try {
    return `${layOut(value, "", 0)}\n`;
  } catch (error) {
    if (error instanceof NotPlain) return undefined;
    throw error;
  }
}

class NotPlain extends Error {}

/**
 * `value` printed at `indent`; `used` is the width already taken on its first line (indent and
 * key), `trailing` the width that follows it on its last line (a comma or nothing).
 */
function layOut(value: unknown, indent: string, used: number, trailing = 0): string {
  if (Array.isArray(value)) return layOutArray(value, indent, used, trailing);
  if (value !== null && typeof value === "object") return layOutObject(value, indent);
  return scalar(value);
}

function layOutObject(value: object, indent: string): string {
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const inner = indent + INDENT;
  const lines = entries.map(([key, item], index) => {
    const head = `${inner}${scalar(key)}: `;
    const comma = index < entries.length - 1 ? 1 : 0;
    return `${head}${layOut(item, inner, head.length, comma)}${comma === 1 ? "," : ""}`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

function layOutArray(items: readonly unknown[], indent: string, used: number, trailing: number) {
  if (items.length === 0) return "[]";
  const flat = flatArray(items);
  if (flat !== undefined && !breaksByShape(items) && used + flat.length + trailing <= PRINT_WIDTH) {
    return flat;
  }
  // Prettier fills an array of numbers several to a line rather than one per line.
  if (items.every((item) => typeof item === "number")) throw new NotPlain();
  const inner = indent + INDENT;
  const lines = items.map((item, index) => {
    const comma = index < items.length - 1 ? 1 : 0;
    return `${inner}${layOut(item, inner, inner.length, comma)}${comma === 1 ? "," : ""}`;
  });
  return `[\n${lines.join("\n")}\n${indent}]`;
}

/** The array on one line, or undefined when a value in it is broken (a non-empty object). */
function flatArray(items: readonly unknown[]): string | undefined {
  const parts: string[] = [];
  for (const item of items) {
    if (Array.isArray(item)) {
      const inner = item.length === 0 ? "[]" : flatArray(item);
      if (inner === undefined) return undefined;
      parts.push(inner);
    } else if (item !== null && typeof item === "object") {
      if (Object.keys(item).length > 0) return undefined;
      parts.push("{}");
    } else {
      const text = scalar(item);
      // Prettier measures non-ASCII text by its display width; leave such arrays to it.
      if (!/^[\x20-\x7e]*$/.test(text)) throw new NotPlain();
      parts.push(text);
    }
  }
  return `[${parts.join(", ")}]`;
}

/** Prettier breaks an array of two or more arrays (or objects) of two or more members each. */
function breaksByShape(items: readonly unknown[]): boolean {
  if (items.length < 2) return false;
  const sizeOf = (item: unknown) =>
    Array.isArray(item)
      ? item.length
      : item !== null && typeof item === "object"
        ? Object.keys(item).length
        : 0;
  return (
    (items.every(Array.isArray) ||
      items.every((i) => i !== null && typeof i === "object" && !Array.isArray(i))) &&
    items.every((item) => sizeOf(item) > 1)
  );
}

function scalar(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new NotPlain();
  return text;
}
