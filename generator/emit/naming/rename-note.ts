/**
 * The JSDoc sentence of a declaration whose TypeScript name is not the one the docs give, so a
 * reader searching for the documented name finds it and learns why it changed.
 */
import { toCamelCase, toIdentifier } from "./identifiers.js";
import { CLIENT_MEMBERS, GLOBALS_IN_GENERATED_CODE } from "./runtime-names.js";

/** For structure `documented`, declared as type `chosen`; undefined when nothing changed. */
export function structureRenameNote(documented: string, chosen: string): string | undefined {
  if (chosen === documented) return undefined;
  return `Named \`${documented}\` in the docs; declared as \`${chosen}\` because ${whyNotAsIs(documented, toIdentifier(documented))}.`;
}

/**
 * For action `action`, whose function and client method are named `chosen`; undefined when that
 * is the action's name in camel case (reserved words aside, which only gain a "_").
 */
export function actionRenameNote(action: string, chosen: string): string | undefined {
  const wanted = toCamelCase(action);
  if (chosen === wanted) return undefined;
  return `Sends the \`${action}\` action; named \`${chosen}\` rather than \`${wanted}\` because ${whyNotAsIs(wanted, wanted)}.`;
}

/** Why `wanted` (the documented name, or its camel case) could not be used as it is. */
function whyNotAsIs(wanted: string, identifier: string): string {
  if (identifier !== wanted) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(wanted)
      ? `\`${wanted}\` is a reserved word`
      : `\`${wanted}\` is not a TypeScript identifier`;
  }
  if (wanted === "then")
    return "an export or method named `then` would make the module and the client thenable (`await import()` and `await client` would call it)";
  if (GLOBALS_IN_GENERATED_CODE.includes(wanted))
    return `\`${wanted}\` is a JavaScript global the generated code uses`;
  if (CLIENT_MEMBERS.includes(wanted)) return `every client already has a member \`${wanted}\``;
  return `\`${wanted}\` is taken by another generated or runtime name`;
}
