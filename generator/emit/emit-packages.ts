/**
 * The emit phase: plans each package's context once, runs every registered emitter over it and
 * returns the planned files sorted by path. Two emitters claiming the same path is a generator
 * bug, reported loudly.
 */
import { compareCodeUnits } from "../code-unit-order.js";
import type { Ir } from "../ir/types.js";
import { emitters as registeredEmitters, type Emitter } from "./emitters.js";
import { packageContexts, type EmitOptions } from "./package-context.js";
import type { PlannedFile } from "./planned-file.js";

export type { PlannedFile } from "./planned-file.js";

export function emitPackages(
  ir: Ir,
  emitters: readonly Emitter[] = registeredEmitters,
  options: EmitOptions = {},
): PlannedFile[] {
  const byPath = new Map<string, PlannedFile>();
  for (const pkg of packageContexts(ir, options)) {
    for (const emit of emitters) {
      for (const file of emit(pkg)) {
        if (byPath.has(file.path)) throw new Error(`two emitters produced ${file.path}`);
        byPath.set(file.path, file);
      }
    }
  }
  return [...byPath.values()].sort((a, b) => compareCodeUnits(a.path, b.path));
}
