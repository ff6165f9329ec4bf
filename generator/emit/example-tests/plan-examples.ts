/**
 * What each action's example tests check, decided from the IR: which examples are sent and what
 * the mock answers each with, which error codes are answered and with which request, and the notes
 * that say why when an example is not sent or not answered with its own output.
 *
 * The check phase widened the contract so that the docs' own examples are accepted, so every
 * example is sent as written (a misspelt key already under its documented name) and expects its
 * documented output; none asserts a rejection. Keys that are no parameter names stay data in the
 * example: such an example is sent with `allowUnknownFields` to a mock started with that option.
 * An example whose input could not be read is not sent, and a note says why.
 */
import type { Action, ErrorCode, JsonValue, ServiceVersion } from "../../ir/types.js";
import type { VersionNames } from "../naming/plan-names.js";
import { checkExampleRequest, type ExampleProblem } from "./check-example.js";
import { mockAnswer, type MockAnswer } from "./mock-answer.js";
import { requiredOnly } from "./placeholder-values.js";

/** How many common error codes (beyond the action's own) each action's tests exercise. */
const COMMON_ERROR_SAMPLE = 3;

export interface PlannedExample {
  readonly index: number;
  readonly title: string;
  readonly request: { readonly [key: string]: JsonValue };
  readonly response: { readonly [key: string]: JsonValue } | null;
  /** Keys no table lists, kept as data by the check phase: the example is sent with allowUnknownFields. */
  readonly dataKeys: readonly string[];
  /** Why the example cannot be sent (e.g. its input could not be read); empty when it is sent. */
  readonly unsendable: readonly ExampleProblem[];
  /** The request as written, or nothing when it cannot be sent. */
  readonly sent: { readonly [key: string]: JsonValue } | undefined;
  /** What the mock answers to `sent` (undefined when nothing is sent). */
  readonly answer: MockAnswer | undefined;
  /** Why the example's action name is suspicious, if it is. */
  readonly actionNote?: string;
}

export function planExamples(version: ServiceVersion, action: Action): PlannedExample[] {
  return action.examples.map((example, index) => {
    const problems = checkExampleRequest(action, version.structures, example.request);
    // Only keys that are no names may remain unknown after the check phase: they go as data.
    const sendable = problems.every((p) => p.unknownKey === true);
    const unsendable = sendable ? [] : problems;
    const sent = sendable ? example.request : undefined;
    return {
      index: index + 1,
      title: example.title,
      request: example.request,
      response: example.response,
      dataKeys: problems.filter((p) => p.unknownKey === true).map((p) => p.path),
      unsendable,
      sent,
      answer: sent === undefined ? undefined : mockAnswer(action.examples, sent),
      ...(example.action !== undefined && example.action !== action.name
        ? { actionNote: `the example names action ${example.action}; tested as ${action.name}` }
        : {}),
    };
  });
}

/** "MigrateOption.RunMode: expected Integer, ...; JobId: required by the page but missing". */
export function unsentReason(e: PlannedExample): string {
  return e.unsendable.map((p) => `${p.path}: ${p.reason}`).join("; ");
}

interface PlannedErrorCase {
  readonly code: string;
  readonly message: string;
  /** Generated class of the code (the category class for a code that is its own category). */
  readonly className: string;
  readonly categoryClassName: string;
}

export interface PlannedAction {
  readonly action: Action;
  readonly examples: readonly PlannedExample[];
  /** The codes answered and the request sent for them; undefined when none can be tested. */
  readonly errors:
    | {
        readonly request: { readonly [key: string]: JsonValue };
        readonly cases: readonly PlannedErrorCase[];
      }
    | undefined;
  /** Why an example is not sent or not answered with its own output, for a reader of the data. */
  readonly notes: readonly string[];
}

export function planAction(
  version: ServiceVersion,
  action: Action,
  commonErrors: readonly ErrorCode[],
  names: VersionNames,
): PlannedAction {
  const examples = planExamples(version, action);
  const cases = planErrorCases(action, version.serviceErrors ?? [], commonErrors, names);
  const structures = new Map(version.structures.map((s) => [s.name, s]));
  const firstSent = examples.find((e) => e.sent !== undefined && e.dataKeys.length === 0)?.sent;
  const errorRequest = firstSent ?? requiredOnly(action.input, structures);
  const notes = examples.flatMap(exampleNotes);
  if (examples.length === 0) notes.push("The page has no examples.");
  if (firstSent === undefined && cases.length > 0) {
    notes.push(
      errorRequest === undefined
        ? "Error codes are not tested: no example can be sent, and the required parameters include a structure that requires itself (or nests too deep), so no request passes the validator."
        : "Error codes are tested with a request of placeholders for the required parameters.",
    );
  }
  const errors =
    cases.length > 0 && errorRequest !== undefined ? { request: errorRequest, cases } : undefined;
  return { action, examples, errors, notes };
}

function exampleNotes(e: PlannedExample): string[] {
  const label = `Example ${e.index} (${e.title})`;
  const notes: string[] = [];
  if (e.unsendable.length > 0) {
    notes.push(`${label} cannot be sent as written (${unsentReason(e)}): it is not sent.`);
  }
  if (e.sent !== undefined && e.dataKeys.length > 0) {
    notes.push(
      `${label} sets keys that are no parameter names (${e.dataKeys.join(", ")}): sent as data with allowUnknownFields, to a mock that allows unknown fields.`,
    );
  }
  if (e.answer !== undefined && e.answer.from !== e.index) {
    notes.push(
      `${label} is answered with Example ${e.answer.from}'s output: the mock answers with the first example whose request equals the one sent, else the first example.`,
    );
  }
  if (e.answer?.kind === "empty") {
    notes.push(
      `${label} is answered with no output example: only success and the RequestId are checked.`,
    );
  }
  if (e.answer?.kind === "error") {
    notes.push(`${label} is answered with an error output: the test expects ${e.answer.code}.`);
  }
  if (e.answer?.kind === "success" && e.answer.addsRequestId) {
    notes.push(`${label} is answered with an output without RequestId: the mock adds one.`);
  }
  if (e.actionNote !== undefined) notes.push(`${label}: ${e.actionNote}.`);
  return notes;
}

/** The action's codes and a sample of the service's own and of common codes, with their classes. */
function planErrorCases(
  action: Action,
  serviceErrors: readonly ErrorCode[],
  commonErrors: readonly ErrorCode[],
  names: VersionNames,
): PlannedErrorCase[] {
  const own = new Map<string, ErrorCode>();
  for (const e of action.errors) if (!own.has(e.code)) own.set(e.code, e);
  const sample = (codes: readonly ErrorCode[]) =>
    codes.filter((e) => !own.has(e.code)).slice(0, COMMON_ERROR_SAMPLE);
  const common = [...sample(serviceErrors), ...sample(commonErrors)];
  const classes = new Map(names.errorClasses.map((plan) => [plan.code, plan.className]));
  return [...own.values(), ...common].flatMap((e) => {
    const category = e.code.split(".")[0] ?? e.code;
    const className = classes.get(e.code);
    const categoryClassName = classes.get(category);
    if (className === undefined || categoryClassName === undefined) return [];
    return [{ code: e.code, message: e.description, className, categoryClassName }];
  });
}
