/**
 * Hands out unique names in one module namespace. The first claimant of a name keeps it; later
 * ones get a numeric suffix ("Foo_2", "Foo_3"), so the result depends only on the claim order,
 * which callers keep stable (sorted IR walks).
 */
export class NameAllocator {
  readonly #taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.#taken.add(name);
  }

  /** Claims `wanted`, or the first free `wanted_N` (N >= 2). */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.#taken.has(name); n++) name = `${wanted}_${n}`;
    this.#taken.add(name);
    return name;
  }
}
