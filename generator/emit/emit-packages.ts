/**
 * The emit phase: runs every registered emitter over the IR and returns the files sorted by path.
 * Two emitters claiming the same path is a generator bug, reported loudly.
 */
import type { Ir } from "../ir/types.js";
import { FIRST_RELEASES, type EmitContext } from "./emit-context.js";
import { emitters as registeredEmitters, type Emitter } from "./emitters.js";
import type { GeneratedFile } from "./generated-file.js";

export type { GeneratedFile } from "./generated-file.js";

export function emitPackages(
  ir: Ir,
  emitters: readonly Emitter[] = registeredEmitters,
  context: EmitContext = FIRST_RELEASES,
): GeneratedFile[] {
  const byPath = new Map<string, GeneratedFile>();
  for (const emit of emitters) {
    for (const file of emit(ir, context)) {
      if (byPath.has(file.path)) throw new Error(`two emitters produced ${file.path}`);
      byPath.set(file.path, file);
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
