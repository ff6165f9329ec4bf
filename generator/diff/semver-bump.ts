/**
 * The version bump a set of changes implies. A change counts as breaking when its effective
 * severity is "error" (a breaking kind, unless tcgen.diff.json accepted it by lowering its
 * severity; or any kind a team raised to "error").
 *
 * 0.x convention (semver leaves 0.x open; this is what tcgen does): while the major version is 0,
 * a breaking change bumps the minor version (0.1.3 -> 0.2.0) and any other change the patch
 * (0.1.3 -> 0.1.4). From 1.0.0 on: breaking -> major, an addition or loosening -> minor,
 * description-only -> patch. No API change -> no bump.
 */
import type { ApiChange } from "./api-change.js";

export type Bump = "major" | "minor" | "patch" | "none";

export function impliedBump(changes: readonly ApiChange[], currentVersion: string): Bump {
  const real = changes.filter((c) => c.id !== "version-not-bumped");
  if (real.length === 0) return "none";
  const stable = major(currentVersion) >= 1;
  if (real.some((c) => c.severity === "error")) return stable ? "major" : "minor";
  if (!stable) return "patch";
  return real.every((c) => c.id === "description-changed") ? "patch" : "minor";
}

export function bumpVersion(version: string, bump: Bump): string {
  const [x, y, z] = parts(version);
  switch (bump) {
    case "major":
      return `${x + 1}.0.0`;
    case "minor":
      return `${x}.${y + 1}.0`;
    case "patch":
      return `${x}.${y}.${z + 1}`;
    case "none":
      return version;
  }
}

/** The bump that took `from` to `to` ("none" when equal or going down). */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b, c] = parts(from);
  const [x, y, z] = parts(to);
  if (x > a) return "major";
  if (x === a && y > b) return "minor";
  if (x === a && y === b && z > c) return "patch";
  return "none";
}

/** Whether bump `actual` is at least `needed` (major > minor > patch > none). */
export function bumpCovers(actual: Bump, needed: Bump): boolean {
  const rank: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };
  return rank[actual] >= rank[needed];
}

function major(version: string): number {
  return parts(version)[0];
}

function parts(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (match === null) return [0, 1, 0];
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
