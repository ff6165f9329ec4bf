/**
 * Where the differ is (service, version, action or structure) and how it records a change there:
 * the breaking verdict comes from the rules and the severity from the kind's default (overrides
 * are applied afterwards, severity-config.ts).
 */
import type { SourcePosition } from "../ir/types.js";
import type { ApiChange } from "./api-change.js";
import { isBreaking } from "./breaking-rules.js";
import { CHANGE_KINDS, type ChangeKindId } from "./change-kinds.js";
import type { StructureUsage } from "./structure-usage.js";

export interface ChangeScope {
  readonly service: string;
  readonly version: string | null;
  readonly action: string | null;
  readonly structure: string | null;
  /** Usage of the structure in scope; undefined outside structures. */
  readonly usage?: StructureUsage;
  readonly changes: ApiChange[];
}

export function record(
  scope: ChangeScope,
  id: ChangeKindId,
  path: string,
  before: string | null,
  after: string | null,
  position: SourcePosition | undefined,
): void {
  const breaking = isBreaking(id, before, after, scope.usage);
  scope.changes.push({
    id,
    service: scope.service,
    version: scope.version,
    action: scope.action,
    structure: scope.structure,
    path,
    before,
    after,
    breaking,
    severity: breaking ? "error" : CHANGE_KINDS[id].severity,
    position: position ?? null,
  });
}

/** Items of two sorted-or-not lists paired by key: removed, added, and present in both. */
export function pairByKey<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string,
): { removed: T[]; added: T[]; both: [T, T][] } {
  const afterByKey = new Map(after.map((item) => [key(item), item]));
  const beforeKeys = new Set(before.map(key));
  const both: [T, T][] = [];
  const removed: T[] = [];
  for (const item of before) {
    const match = afterByKey.get(key(item));
    if (match === undefined) removed.push(item);
    else both.push([item, match]);
  }
  const added = after.filter((item) => !beforeKeys.has(key(item)));
  return { removed, added, both };
}
