/**
 * The one sort order of everything tcgen prints or writes: plain UTF-16 code-unit order, so that
 * output never depends on the machine's locale (as `localeCompare` would).
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
