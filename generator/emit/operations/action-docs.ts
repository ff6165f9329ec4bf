/**
 * The JSDoc of an action's function (operations.ts) and client method (client.ts): the page's
 * description and facts, then `@example` (the page's first example the tables accept, else its
 * first example, as a call)
 * and `@throws` (the classes of the action's own error codes, then the common ones), then `@see`.
 * Everything goes through `docs()`, the doc-comment sink, so a `*\/` in example data cannot end
 * the comment.
 */
import type { Action } from "../../ir/types.js";
import { categoryOf } from "../errors/plan-error-classes.js";
import type { ActionNames } from "../naming/plan-names.js";
import { actionRenameNote } from "../naming/rename-note.js";
import { actionFacts } from "../typescript/action-facts.js";
import { docs } from "../typescript/jsdoc.js";
import { commentLine } from "../typescript/page-text.js";
import type { SeeLine } from "../typescript/provenance.js";
import type { VersionContext } from "../version-context.js";
import { exampleCallCode, sendableExample } from "./example-call.js";

/** How the example calls the action: through the client class or the standalone function. */
export type CallStyle = "method" | "function";

export function actionDocs(
  context: VersionContext,
  action: Action,
  own: ActionNames,
  see: SeeLine,
  style: CallStyle,
): string[] {
  return docs(
    action.description,
    actionFacts(action),
    actionRenameNote(action.name, own.method),
    exampleTag(context, action, own, style),
    throwsTags(context, action),
    see(action.position),
  );
}

function exampleTag(
  context: VersionContext,
  action: Action,
  own: ActionNames,
  style: CallStyle,
): string | undefined {
  // The first example the tables accept, so that the snippet type-checks; else the page's first.
  const example = sendableExample(action, context.version.structures) ?? action.examples[0];
  if (example === undefined) return undefined;
  const call =
    style === "method"
      ? exampleCallCode(`client.${own.method}`, example.request)
      : exampleCallCode(own.method, example.request, ["client"]);
  return [
    `@example ${commentLine(example.title)}`,
    "```ts",
    `const response = await ${call};`,
    "```",
  ].join("\n");
}

/**
 * One `@throws` per class of the action's own codes (in the page's order), then the base class
 * with the common codes' category classes, which every action can meet.
 */
function throwsTags(context: VersionContext, action: Action): string {
  const classByCode = new Map(context.names.errorClasses.map((p) => [p.code, p.className]));
  const own = [...new Set(action.errors.map((e) => e.code))].flatMap((code) => {
    const className = classByCode.get(code);
    return className === undefined ? [] : [`@throws {${className}} \`${code}\``];
  });
  const commonCategories = [...new Set(context.commonErrors.map((e) => categoryOf(e.code)))];
  const common = commonCategories.flatMap((category) => classByCode.get(category) ?? []);
  const commonText =
    common.length === 0 ? "" : ` (${common.map((name) => `\`${name}\``).join(", ")})`;
  return [...own, `@throws {TencentCloudError} and the common error classes${commonText}`].join(
    "\n",
  );
}
