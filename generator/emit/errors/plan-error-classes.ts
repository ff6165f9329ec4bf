/**
 * Which error classes a version gets. Codes are dotted: the text before the first "." is the
 * category. Every category gets a class under the runtime's `TencentCloudError`; every documented
 * code gets a class under its category's class, except a code that is its own category
 * ("InvalidParameter"), which is the category class. Deeper dots ("A.B.C") stay one class under "A".
 */
import { compareCodeUnits } from "../../code-unit-order.js";
import type { ErrorCode, SourcePosition } from "../../ir/types.js";
import { toPascalCase } from "../naming/identifiers.js";

export interface ErrorClassPlan {
  /** The category ("ResourceNotFound") or the full code ("ResourceNotFound.JobNotExist"). */
  readonly code: string;
  readonly className: string;
  /** The parent class name, or undefined for `TencentCloudError`. */
  readonly parentClassName: string | undefined;
  readonly isCategory: boolean;
  /** True when the docs list this exact code (a category may only appear as a prefix). */
  readonly documented: boolean;
  /** The documented description; for a category without its own row, empty. */
  readonly description: string;
  /** The code's row; for a category without its own row, the row of its first code. */
  readonly position: SourcePosition;
}

/** `claim` turns the wanted class names (best first) into a unique one. */
export function planErrorClasses(
  codes: readonly ErrorCode[],
  claim: (preferred: readonly [string, ...string[]]) => string,
): ErrorClassPlan[] {
  const descriptions = new Map<string, string>();
  const positions = new Map<string, SourcePosition>();
  for (const { code, description, position } of codes) {
    if (code.trim() === "" || descriptions.has(code)) continue;
    descriptions.set(code, description);
    positions.set(code, position);
  }
  const categories = new Map<string, string[]>();
  for (const code of [...descriptions.keys()].sort(compareCodeUnits)) {
    const category = categoryOf(code);
    const members = categories.get(category) ?? [];
    if (code !== category) members.push(code);
    categories.set(category, members);
  }
  const plans: ErrorClassPlan[] = [];
  for (const category of [...categories.keys()].sort(compareCodeUnits)) {
    const categoryClass = claim(errorClassNames(category));
    const members = categories.get(category) ?? [];
    // Every category has its own row or at least one code, so a position is always found.
    const position = positions.get(category) ?? positions.get(members[0] ?? "");
    if (position === undefined) throw new Error(`no documented code in category ${category}`);
    plans.push({
      code: category,
      className: categoryClass,
      parentClassName: undefined,
      isCategory: true,
      documented: descriptions.has(category),
      description: descriptions.get(category) ?? "",
      position,
    });
    for (const code of members) {
      plans.push({
        code,
        className: claim(errorClassNames(code)),
        parentClassName: categoryClass,
        isCategory: false,
        documented: true,
        description: descriptions.get(code) ?? "",
        position: positions.get(code) ?? position,
      });
    }
  }
  return plans;
}

/**
 * The class names for a code, best first: "ResourceNotFound.JobNotExist" ->
 * ResourceNotFoundJobNotExistError; a code that already ends in "Error" is not given a second one
 * ("InternalError.DatabaseError" -> InternalErrorDatabaseError), but keeps the doubled form as
 * its second choice for when that name is taken (a runtime class such as TimeoutError, or another
 * code: "A.Db" and "A.DbError"). A code that is only "Error" would shadow the global: ErrorError.
 */
function errorClassNames(code: string): [string, ...string[]] {
  const base = toPascalCase(code.split(".").join(" "));
  const suffixed = `${base}Error`;
  return base.endsWith("Error") && base !== "Error" ? [base, suffixed] : [suffixed];
}

export function categoryOf(code: string): string {
  const dot = code.indexOf(".");
  return dot === -1 ? code : code.slice(0, dot);
}
