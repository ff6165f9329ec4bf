/**
 * The package README's per-action examples: every action of a version, each with a call built from
 * its page's first example the tables accept (so the README type-checks against the package).
 *
 * Size is capped per action, so a package with hundreds of actions keeps a readable README: an
 * example longer than `MAX_EXAMPLE_LINES` is cut to the action's required parameters (still a
 * valid request); when even that is too long, or no example is accepted, the action is listed with
 * a comment saying where its example is. Each action costs at most `MAX_EXAMPLE_LINES + 1` lines.
 */
import type { Action } from "../../ir/types.js";
import { actionNames, type VersionContext } from "../version-context.js";
import { exampleCallCode, requiredPart, sendableExample } from "./example-call.js";

const MAX_EXAMPLE_LINES = 15;

/** One action's README lines: a `// Action` heading comment, then the call or why there is none. */
function readmeActionLines(context: VersionContext, action: Action): string[] {
  const call = shortExampleCall(context, action, "client", []);
  const method = actionNames(context, action).method;
  if (call !== undefined) return [`// ${action.name}`, `await ${call};`];
  const why =
    action.examples.length === 0
      ? "its page has no example"
      : sendableExample(action, context.version.structures) === undefined
        ? "no example on its page fits its types"
        : `its example is long: see the JSDoc @example of ${method}`;
  return [`// ${action.name}: client.${method}(request); ${why}`];
}

/**
 * The call of `receiver.method(request)` (or `method(...leading, request)` when `receiver` is
 * undefined) with the action's example, within `MAX_EXAMPLE_LINES`; undefined when none fits.
 */
export function shortExampleCall(
  context: VersionContext,
  action: Action,
  receiver: string | undefined,
  leading: readonly string[],
): string | undefined {
  const example = sendableExample(action, context.version.structures);
  if (example === undefined) return undefined;
  const method = actionNames(context, action).method;
  const callee = receiver === undefined ? method : `${receiver}.${method}`;
  for (const request of [example.request, requiredPart(action.input, example.request)]) {
    const call = exampleCallCode(callee, request, leading);
    if (call.split("\n").length <= MAX_EXAMPLE_LINES) return call;
  }
  return undefined;
}

/** The ```ts block of a version's actions: its client, then every action's example. */
export function readmeActionsBlock(context: VersionContext, importPath: string): string {
  const client = context.names.client;
  const lines = [
    `import { ${client} } from "${importPath}";`,
    "",
    `const client = new ${client}({ region: "ap-guangzhou" });`,
  ];
  for (const action of context.version.actions) {
    lines.push("", ...readmeActionLines(context, action));
  }
  return lines.join("\n");
}
