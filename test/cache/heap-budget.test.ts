/**
 * heapBudget (generator/cache/heap-budget.ts): `collect()` collects at once, and `settle()` only
 * once the heap has grown by the slack since the last collection.
 */
import { getHeapStatistics } from "node:v8";
import { describe, expect, it } from "vitest";
import { heapBudget } from "../../generator/cache/heap-budget.js";

const MB = 1024 * 1024;
const used = () => getHeapStatistics().used_heap_size;
const committed = () => getHeapStatistics().total_heap_size;

/** About `mb` MB of objects, garbage once the caller drops them. */
function allocate(mb: number): number[][] {
  const arrays: number[][] = [];
  for (let i = 0; i < mb * 32; i++) arrays.push(new Array<number>(8192).fill(i));
  return arrays;
}

describe("heapBudget", () => {
  it("collect() frees garbage at once", () => {
    const budget = heapBudget(1024 * MB);
    budget.collect();
    const holder = { garbage: allocate(40) };
    const grown = used();
    expect(holder.garbage.length).toBe(40 * 32);
    holder.garbage = [];
    budget.collect();
    expect(used()).toBeLessThan(grown - 20 * MB);
  });

  it("settle() collects only once the heap has grown by the slack", () => {
    const loose = heapBudget(1024 * MB);
    loose.collect();
    const tight = heapBudget(10 * MB);
    const holder = { garbage: allocate(40) };
    const grown = used();
    expect(holder.garbage.length).toBe(40 * 32);
    holder.garbage = [];
    loose.settle();
    expect(used()).toBeGreaterThan(grown - 5 * MB);
    tight.settle();
    expect(used()).toBeLessThan(grown - 20 * MB);
  });

  it("collect() also compacts the pages one collection leaves sparse", () => {
    heapBudget(MB).collect();
    // Every eighth of a million small objects survives: each page they filled stays mostly empty.
    let all: { i: number; s: string }[] = [];
    for (let i = 0; i < 1_000_000; i++) all.push({ i, s: `x${i}` });
    const survivors = all.filter((_, i) => i % 8 === 0);
    all = [];
    const before = committed();
    heapBudget(MB).collect();
    const compacted = committed();
    // A further collection finds little left to give back (after one alone it gave back ~35 MB).
    heapBudget(0).settle();
    expect(compacted).toBeLessThan(before);
    expect(committed()).toBeGreaterThan(compacted - 8 * MB);
    expect(survivors.length + all.length).toBe(125_000);
  });
});
