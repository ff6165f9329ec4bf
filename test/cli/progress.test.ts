/**
 * The progress line's rules, on a fake stream and a fake clock: on a terminal nothing for the
 * first second, then one line rewritten in place (with the elapsed time) and erased at the end;
 * with --progress one line per step from the start; otherwise nothing at all.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Progress, progressMode } from "../../generator/cli/progress.js";

function fakeStream(): { stream: NodeJS.WritableStream; text: () => string } {
  const chunks: string[] = [];
  const stream = { write: (chunk: string) => (chunks.push(chunk), true) };
  return { stream: stream as unknown as NodeJS.WritableStream, text: () => chunks.join("") };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("progress", () => {
  it("picks lines with --progress, the live line on a TTY, else nothing", () => {
    const tty = { isTTY: true } as NodeJS.WriteStream;
    const pipe = { isTTY: false } as NodeJS.WriteStream;
    expect(progressMode(true, pipe)).toBe("lines");
    expect(progressMode(false, tty)).toBe("terminal");
    expect(progressMode(false, pipe)).toBe("off");
  });

  it("on a terminal: silent for a second, then a rewritten line, erased at the end", () => {
    const out = fakeStream();
    const progress = new Progress("tcgen generate", "terminal", out.stream);
    progress.step("parse 120 page(s)");
    vi.advanceTimersByTime(900);
    expect(out.text()).toBe("");
    vi.advanceTimersByTime(200);
    expect(out.text()).toBe("\r\x1b[Ktcgen generate: parse 120 page(s) (1 s)");
    progress.step("check");
    expect(out.text().endsWith("\r\x1b[Ktcgen generate: check (1 s)")).toBe(true);
    progress.end();
    expect(out.text().endsWith("\r\x1b[K")).toBe(true);
    const length = out.text().length;
    vi.advanceTimersByTime(5000);
    expect(out.text().length).toBe(length);
  });

  it("a run shorter than a second prints nothing on a terminal", () => {
    const out = fakeStream();
    const progress = new Progress("corpus", "terminal", out.stream);
    progress.step("parse");
    vi.advanceTimersByTime(500);
    progress.end();
    expect(out.text()).toBe("");
  });

  it("with --progress: one line per step; off: nothing", () => {
    const lines = fakeStream();
    const logged = new Progress("corpus", "lines", lines.stream);
    logged.step("parse 0/3 pages");
    logged.step("generate");
    logged.end();
    expect(lines.text()).toBe("corpus: parse 0/3 pages\ncorpus: generate\n");
    const off = fakeStream();
    const silent = new Progress("corpus", "off", off.stream);
    silent.step("parse");
    vi.advanceTimersByTime(3000);
    silent.end();
    expect(off.text()).toBe("");
  });
});
