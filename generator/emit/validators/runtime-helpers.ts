/**
 * How generated validators name the runtime (templates/runtime/validation.ts, imported as `$rt`):
 * only through these typed names, so a helper renamed or removed in the runtime fails tsc here
 * instead of failing the generated package.
 */
import type * as runtime from "../../../templates/runtime/validation.js";
import type { RuntimeHelper } from "../../types/type-rules.js";

/** The namespace import of the runtime's validation module in a generated validators.ts. */
export const RT = "$rt";

/** `$rt.<name>`, for a value the runtime exports. */
export function rt(name: RuntimeHelper): string {
  return `${RT}.${name}`;
}

/** The runtime's types that generated validators write. */
interface RuntimeTypes {
  ValidationPath: runtime.ValidationPath;
  ValidationIssue: runtime.ValidationIssue;
  PropertyRule: runtime.PropertyRule;
  CollectIssues: runtime.CollectIssues;
  Validator: runtime.Validator<unknown>;
}

/** `$rt.<Name>`, for a type the runtime exports. */
export function rtType(name: keyof RuntimeTypes): string {
  return `${RT}.${name}`;
}
