/**
 * The debug switch: with TENCENTCLOUD_SDK_DEBUG=1 (or `true`) in the environment and no `logger`
 * option, a client logs every line (debug, info, warn) to stderr as
 * `[tcgen <service>] <level> <message> {"action":...}`.
 *
 * What a line can hold is what the client passes: action, attempt, URL, status, duration, error
 * code, request id, delays, region and endpoint; never keys, tokens, headers or bodies. As a
 * second guard only string, number and boolean values are written, so an object handed to the
 * logger by mistake (an error with its cause, a request) is never dumped.
 */
import type { Logger } from "./client-core.js";
import type { Environment } from "./default-credentials.js";

export const DEBUG_VARIABLE = "TENCENTCLOUD_SDK_DEBUG";

/** Whether the environment turns the debug logger on. */
export function debugEnabled(env: Environment): boolean {
  const value = env[DEBUG_VARIABLE]?.trim().toLowerCase();
  return value === "1" || value === "true";
}

/** A logger that writes each line with `write` (default: console.error, i.e. stderr). */
export function debugLogger(
  service: string,
  write: (line: string) => void = (line) => console.error(line),
): Logger {
  const line =
    (level: string) =>
    (message: string, data?: Readonly<Record<string, unknown>>): void => {
      write(`[tcgen ${service}] ${level} ${message}${data === undefined ? "" : ` ${plain(data)}`}`);
    };
  return { debug: line("debug"), info: line("info"), warn: line("warn") };
}

function plain(data: Readonly<Record<string, unknown>>): string {
  const kept: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      kept[key] = value;
    }
  }
  return JSON.stringify(kept);
}
