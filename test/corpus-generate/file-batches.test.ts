/**
 * The batches the corpus check type-checks and lints in (file-batches.ts): bounded in files, whole
 * packages kept together, and the heap collected between batches, which is what keeps the check's
 * memory the same at any corpus size.
 */
import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { batchGroups, collectBetween, slices } from "../../generator/cli/corpus/file-batches.js";

describe("batchGroups", () => {
  it("packs whole groups in order up to the bound; a larger group is a batch alone", () => {
    const groups = [["a1", "a2"], ["b1"], ["c1", "c2", "c3", "c4", "c5"], [], ["d1", "d2"], ["e1"]];
    expect(batchGroups(groups, 3)).toEqual([
      ["a1", "a2", "b1"],
      ["c1", "c2", "c3", "c4", "c5"],
      ["d1", "d2", "e1"],
    ]);
  });

  it("makes more batches, not larger ones, as groups are added", () => {
    const groups = (n: number) => Array.from({ length: n }, (_, i) => [`${i}a`, `${i}b`, `${i}c`]);
    for (const n of [1, 10, 100]) {
      const batches = batchGroups(groups(n), 64);
      expect(Math.max(...batches.map((b) => b.length))).toBeLessThanOrEqual(64);
      expect(batches.flat()).toEqual(groups(n).flat());
    }
  });
});

describe("slices", () => {
  it("cuts a list into consecutive slices of at most the given size", () => {
    expect(slices([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(slices([], 2)).toEqual([]);
  });
});

describe("collectBetween", () => {
  it("starts each batch without the garbage of the one before", async () => {
    const heapAtStart: number[] = [];
    const results = await collectBetween([1, 2, 3, 4, 5, 6], (batch) => {
      heapAtStart.push(getHeapStatistics().used_heap_size);
      // ~40 MB of heap that is garbage once the batch returns, as a TypeScript program is.
      const garbage = Array.from({ length: 40 }, () =>
        new Array<number>(128 * 1024).fill(batch + 0.5),
      );
      return garbage.length * batch;
    });
    expect(results).toEqual([40, 80, 120, 160, 200, 240]);
    const first = heapAtStart[0] ?? 0;
    for (const heap of heapAtStart) expect(heap - first).toBeLessThan(16 * 1024 * 1024);
  });
});
