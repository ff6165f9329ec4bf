/**
 * Turning documentation names into TypeScript names. Wire names never change; only the names of
 * generated declarations are adjusted, and always the same way for the same input.
 */
import { stringLiteral } from "../typescript/page-text.js";

/** Words that cannot name a type, class, function or variable in a module. */
const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // ECMAScript reserved words (strict mode and modules included)
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete"],
  ...["do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if"],
  ...["import", "in", "instanceof", "new", "null", "return", "super", "switch", "this", "throw"],
  ...["true", "try", "typeof", "var", "void", "while", "with", "yield", "let", "static"],
  ...["implements", "interface", "package", "private", "protected", "public", "await"],
  ...["arguments", "eval", "undefined", "NaN", "Infinity"],
  // TypeScript names that cannot be declared as types
  ...["any", "unknown", "never", "object", "string", "number", "bigint", "boolean", "symbol"],
  ...["type", "as", "satisfies", "keyof", "infer", "is", "asserts", "readonly", "unique"],
  ...["declare", "namespace", "module", "global", "abstract", "accessor", "out", "intrinsic"],
]);

/** True when `name` can be written as a bare property name (otherwise it must be quoted). */
export function isPlainPropertyName(name: string): boolean {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name);
}

/** The property name as written in generated code: bare when possible, else a quoted string. */
export function propertyNameText(name: string): string {
  return isPlainPropertyName(name) ? name : stringLiteral(name);
}

/**
 * A declaration name for a documentation name: characters outside [A-Za-z0-9_] become "_", a
 * leading digit gets a "_" prefix, a reserved word gets a "_" suffix. `$` is never produced, so
 * generated internals can use it without clashing.
 */
export function toIdentifier(name: string): string {
  let id = name.replace(/[^A-Za-z0-9_]/g, "_");
  if (id === "") id = "_";
  if (/^[0-9]/.test(id)) id = `_${id}`;
  if (RESERVED_WORDS.has(id)) id = `${id}_`;
  return id;
}

/** "DescribeDBInstances" -> "describeDBInstances"; "DBInstances" -> "dbInstances"; "URL" -> "url". */
export function toCamelCase(name: string): string {
  const id = toIdentifier(name);
  const leadingUpper = /^[A-Z]+/.exec(id)?.[0] ?? "";
  if (leadingUpper.length <= 1) return lowerFirst(id);
  const rest = id.slice(leadingUpper.length);
  // In "DBInstances" the last capital starts the next word ("Instances").
  const keep = /^[a-z]/.test(rest) ? 1 : 0;
  const head = leadingUpper.slice(0, leadingUpper.length - keep).toLowerCase();
  return toIdentifier(head + leadingUpper.slice(leadingUpper.length - keep) + rest);
}

/** "dts" -> "Dts"; "tke-edge" -> "TkeEdge". */
export function toPascalCase(name: string): string {
  return toIdentifier(
    name
      .split(/[^A-Za-z0-9]+/)
      .filter((part) => part !== "")
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join(""),
  );
}

function lowerFirst(id: string): string {
  return toIdentifier(id.charAt(0).toLowerCase() + id.slice(1));
}

/** "2018-03-30" -> "v20180330": the subpath and folder of a version. */
export function versionFolder(version: string): string {
  return `v${version.replace(/[^0-9A-Za-z]/g, "")}`;
}
