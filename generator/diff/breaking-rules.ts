/**
 * Applies a kind's breaking rule (change-kinds.ts) to one change.
 */
import { accepts } from "./canonical-type.js";
import { CHANGE_KINDS, type ChangeKindId } from "./change-kinds.js";
import type { StructureUsage } from "./structure-usage.js";

const BOTH_SIDES: StructureUsage = { inRequest: true, inResponse: true };

export function isBreaking(
  id: ChangeKindId,
  before: string | null,
  after: string | null,
  usage: StructureUsage = BOTH_SIDES,
): boolean {
  const rule = CHANGE_KINDS[id].breaking;
  switch (rule) {
    case "always":
      return true;
    case "never":
      return false;
    case "in-request":
      return usage.inRequest;
    case "in-response":
      return usage.inResponse;
    case "type-direction": {
      if (before === null || after === null) return true;
      return (
        (usage.inRequest && !accepts(after, before)) ||
        (usage.inResponse && !accepts(before, after))
      );
    }
  }
}
