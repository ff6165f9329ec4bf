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

  /**
   * Claims the first free name of `preferred` (best first), or numbers the first one when all are
   * taken: a readable second choice ("TimeoutErrorError") beats a number ("TimeoutError_2").
   */
  claimFirstFree(preferred: readonly [string, ...string[]]): string {
    const free = preferred.find((name) => !this.#taken.has(name));
    return this.claim(free ?? preferred[0]);
  }
}
