/**
 * Progress of a long run on stderr, so that stdout stays data. Two forms:
 *  - on a terminal (stderr is a TTY), one status line rewritten in place, shown only once the run
 *    has taken a second (a fast run prints nothing) and erased when the run ends;
 *  - with `--progress` (for CI logs and pipes), one compact line per step, from the start:
 *    "tcgen generate: parse 120 pages".
 * Otherwise (stderr redirected, no --progress) nothing: tools that read stderr see only the
 * diagnostics and the closing summary.
 */
export type ProgressMode = "terminal" | "lines" | "off";

/** Whether the status line is shown: --progress forces lines, a TTY gets the live line. */
export function progressMode(
  forced: boolean,
  stream: NodeJS.WriteStream = process.stderr,
): ProgressMode {
  if (forced) return "lines";
  return stream.isTTY === true ? "terminal" : "off";
}

/** How long a run goes before the terminal status line appears. */
const QUIET_MS = 1000;

export class Progress {
  private readonly started = Date.now();
  private latest = "";
  private shown = false;
  private readonly timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly label: string,
    private readonly mode: ProgressMode,
    private readonly stream: NodeJS.WritableStream = process.stderr,
  ) {
    if (mode === "terminal") {
      // Redraws the latest step (with the elapsed time) once a second after the first second.
      this.timer = setInterval(() => this.draw(), QUIET_MS);
      this.timer.unref();
    }
  }

  /** Reports the step now running, e.g. "emit 3 packages". */
  step(text: string): void {
    this.latest = text;
    if (this.mode === "lines") this.stream.write(`${this.label}: ${text}\n`);
    else if (this.mode === "terminal" && Date.now() - this.started >= QUIET_MS) this.draw();
  }

  /** Stops and erases the terminal line, before the summary is printed. */
  end(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }

  private draw(): void {
    if (this.latest === "") return;
    const seconds = ((Date.now() - this.started) / 1000).toFixed(0);
    this.stream.write(`\r\x1b[K${this.label}: ${this.latest} (${seconds} s)`);
    this.shown = true;
  }
}
