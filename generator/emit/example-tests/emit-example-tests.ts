/**
 * Emits one vitest file per action and version into `<service>/test/<vXXXXXXXX>/`: every example
 * goes through the validator, the generated client, real HTTP and the package's own mock server
 * (body and signature checked there, typed result compared with the example output); every
 * documented error code (and a sample of common codes) comes back as its generated class.
 *
 * The check phase widened the contract so that the docs' own examples are accepted, so every
 * example is sent as written (a misspelt key already under its documented name) and expects its
 * documented output; none asserts a rejection. Keys that are no parameter names stay data in the
 * example: such an example is sent with `allowUnknownFields` to a mock started with that option.
 * An example whose input could not be read is not sent, and the header comment says why.
 */
import type { Action, ErrorCode, Ir, JsonValue, Service, ServiceVersion } from "../../ir/types.js";
import type { GeneratedFile } from "../generated-file.js";
import { startMockName } from "../mock/emit-mock.js";
import { versionFolder } from "../naming/identifiers.js";
import { planVersionNames, type VersionNames } from "../naming/plan-names.js";
import { commentLine, stringLiteral } from "../typescript/page-text.js";
import { checkExampleRequest, type ExampleProblem } from "./check-example.js";
import { jsonValueCode, responseValueCode } from "./json-code.js";
import { mockAnswer, type MockAnswer } from "./mock-answer.js";
import { requiredOnly } from "./placeholder-values.js";

/** How many common error codes (beyond the action's own) each action's tests exercise. */
const COMMON_ERROR_SAMPLE = 3;

/** 2026-01-01T00:00:00Z: the clock of the client and the mock in every generated test. */
const PINNED_MS = 1_767_225_600_000;

export function emitExampleTests(ir: Ir): GeneratedFile[] {
  const files: GeneratedFile[] = [];
  for (const service of ir.services) {
    for (const version of service.versions) {
      const names = planVersionNames(service.name, version, ir.commonErrors);
      for (const action of version.actions) {
        files.push({
          path: `${service.name}/test/${versionFolder(version.version)}/${kebabCase(action.name)}.test.ts`,
          content: actionTestFile(service, version, action, ir, names),
        });
      }
    }
  }
  return files;
}

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

/** "ModifyMigrateJob" -> "modify-migrate-job"; "DescribeDBInstances" -> "describe-db-instances". */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/[^A-Za-z0-9-]+/g, "-")
    .toLowerCase();
}

interface ErrorCase {
  readonly code: string;
  readonly message: string;
  /** Generated class of the code (the category class for a code that is its own category). */
  readonly className: string;
  readonly categoryClassName: string;
}

/** The action's codes and a sample of the service's own and of common codes, with their classes. */
function planErrorCases(
  action: Action,
  serviceErrors: readonly ErrorCode[],
  ir: Ir,
  names: VersionNames,
): ErrorCase[] {
  const own = new Map<string, ErrorCode>();
  for (const e of action.errors) if (!own.has(e.code)) own.set(e.code, e);
  const sample = (codes: readonly ErrorCode[]) =>
    codes.filter((e) => !own.has(e.code)).slice(0, COMMON_ERROR_SAMPLE);
  const common = [...sample(serviceErrors), ...sample(ir.commonErrors)];
  const classes = new Map(names.errorClasses.map((plan) => [plan.code, plan.className]));
  return [...own.values(), ...common].flatMap((e) => {
    const category = e.code.split(".")[0] ?? e.code;
    const className = classes.get(e.code);
    const categoryClassName = classes.get(category);
    if (className === undefined || categoryClassName === undefined) return [];
    return [{ code: e.code, message: e.description, className, categoryClassName }];
  });
}

function actionTestFile(
  service: Service,
  version: ServiceVersion,
  action: Action,
  ir: Ir,
  names: VersionNames,
): string {
  const actionNames = names.actions.get(action.name);
  if (actionNames === undefined) throw new Error(`no names planned for ${action.name}`);
  const { method, operation } = actionNames;
  const examples = planExamples(version, action);
  const errors = planErrorCases(action, version.serviceErrors ?? [], ir, names);
  const structures = new Map(version.structures.map((s) => [s.name, s]));
  const firstSent = examples.find((e) => e.sent !== undefined && e.dataKeys.length === 0)?.sent;
  const errorRequest = firstSent ?? requiredOnly(action.input, structures);

  const notes: string[] = [];
  for (const e of examples) {
    const label = `Example ${e.index} (${e.title})`;
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
  }
  if (examples.length === 0) notes.push("The page has no examples.");
  if (firstSent === undefined && errors.length > 0) {
    notes.push(
      errorRequest === undefined
        ? "Error codes are not tested: no example can be sent, and the required parameters include a structure that requires itself (or nests too deep), so no request passes the validator."
        : "Error codes are tested with a request of placeholders for the required parameters.",
    );
  }
  const anyDataKeys = examples.some((e) => e.sent !== undefined && e.dataKeys.length > 0);
  const errorClassNames = [...new Set(errors.flatMap((e) => [e.className, e.categoryClassName]))];
  const withErrors = errors.length > 0 && errorRequest !== undefined;
  const throwsTencentError = withErrors || examples.some((e) => e.answer?.kind === "error");
  // Import only what the file uses, so generated tests are lint-clean.
  const imports = [
    names.client,
    ...(examples.length > 0 ? [operation] : []),
    ...(throwsTencentError ? ["TencentCloudError"] : []),
    ...(withErrors ? errorClassNames : []),
  ];

  // Notes quote example titles, paths and values from the page: commentLine keeps each one a
  // single comment line that cannot end the comment.
  const lines: string[] = [
    `/**`,
    ` * ${commentLine(`Example-driven tests for ${service.name} ${version.version} ${action.name}, from its documentation page.`)}`,
    ...(notes.length === 0
      ? [` * Every example is sent to the mock.`]
      : notes.map((n) => ` * - ${commentLine(n)}`)),
    ` */`,
    `import { afterAll, beforeAll, describe, expect, it } from "vitest";`,
    `import { ${imports.join(", ")} } from "../../src/${names.folder}/index.js";`,
    `import { MOCK_CREDENTIALS, ${startMockName(service.name)}, type MockServer } from "../../src/mock/index.js";`,
    ``,
    `const PINNED_MS = ${PINNED_MS};`,
    `let mock: MockServer;`,
    `let client: ${names.client};`,
    ``,
    `beforeAll(async () => {`,
    `  mock = await ${startMockName(service.name)}({ version: ${stringLiteral(version.version)}, now: () => PINNED_MS${anyDataKeys ? ", allowUnknownFields: true" : ""} });`,
    `  client = new ${names.client}({`,
    `    region: "ap-guangzhou",`,
    `    credentials: { ...MOCK_CREDENTIALS },`,
    `    endpoint: mock.url,`,
    `    clock: { now: () => PINNED_MS, sleep: () => Promise.resolve() },`,
    `    rateLimit: false,`,
    `    maxAttempts: 1,`,
    `  });`,
    `});`,
    ``,
    `afterAll(async () => {`,
    `  client.close();`,
    `  await mock.close();`,
    `});`,
    ``,
    `describe(${stringLiteral(`${action.name} examples`)}, () => {`,
    ...examples.flatMap((e) =>
      e.sent === undefined || e.answer === undefined
        ? [`  it.todo(${stringLiteral(`${e.index}. ${e.title} (not sent: ${unsentReason(e)})`)});`]
        : sentExample(e, e.sent, e.answer, method, operation, action.name),
    ),
    ...(examples.length === 0 ? [`  it.todo("the page has no examples");`] : []),
    `});`,
  ];
  if (withErrors) lines.push(...errorTests(action.name, method, errorRequest, errors));
  lines.push("");
  return lines.join("\n");
}

function unsentReason(e: PlannedExample): string {
  return e.unsendable.map((p) => `${p.path}: ${p.reason}`).join("; ");
}

function sentExample(
  e: PlannedExample,
  sent: { readonly [key: string]: JsonValue },
  answer: MockAnswer,
  method: string,
  operation: string,
  action: string,
): string[] {
  const title = `${e.index}. ${e.title}`;
  const withData = e.dataKeys.length > 0;
  const call = withData
    ? `client.${method}(request, { allowUnknownFields: true })`
    : `client.${method}(request)`;
  const checkReceived = [
    `    const received = mock.lastRequest();`,
    `    expect(received?.action).toBe(${stringLiteral(action)});`,
    `    expect(received?.signatureValid).toBe(true);`,
    `    expect(received?.body).toEqual(request);`,
  ];
  const head = [
    `  it(${stringLiteral(title)}, async () => {`,
    `    const request = ${jsonValueCode(sent)};`,
    `    const checked = ${operation}.request.validate(request);`,
    withData
      ? `    expect(checked.ok ? [] : checked.issues.filter((issue) => issue.unknownKey !== true)).toEqual([]);`
      : `    expect(checked.ok ? [] : checked.issues).toEqual([]);`,
  ];
  if (answer.kind === "error") {
    return [
      ...head,
      `    const error: unknown = await ${call}.then(`,
      `      () => undefined,`,
      `      (caught: unknown) => caught,`,
      `    );`,
      ...checkReceived,
      `    expect(error).toBeInstanceOf(TencentCloudError);`,
      `    expect(error).toMatchObject(${jsonValueCode({ code: answer.code, message: answer.message })});`,
      `  });`,
    ];
  }
  // The expected result is written from the output's text as the client parses it (big integers
  // as decimal strings), so no digit of the page is lost on the way into the test.
  const expectResult =
    answer.kind === "empty"
      ? `    expect(result.RequestId).toBe(received?.requestId);`
      : answer.addsRequestId
        ? `    expect(result).toEqual({ ...${responseValueCode(answer.contentJson)}, RequestId: received?.requestId });`
        : `    expect(result).toEqual(${responseValueCode(answer.contentJson)});`;
  return [...head, `    const result = await ${call};`, ...checkReceived, expectResult, `  });`];
}

function errorTests(
  action: string,
  method: string,
  request: { readonly [key: string]: JsonValue },
  errors: readonly ErrorCase[],
): string[] {
  const cases = errors.map(
    (e) =>
      `    { code: ${stringLiteral(e.code)}, message: ${stringLiteral(e.message)}, specific: ${e.className}, category: ${e.categoryClassName} },`,
  );
  return [
    ``,
    `describe(${stringLiteral(`${action} documented errors`)}, () => {`,
    `  it.each([`,
    ...cases,
    `  ])("$code", async ({ code, message, specific, category }) => {`,
    `    // The client corrects its clock and retries once after AuthFailure.SignatureExpire.`,
    `    mock.failNext(${stringLiteral(action)}, code, { times: code === "AuthFailure.SignatureExpire" ? 2 : 1 });`,
    `    const error: unknown = await client.${method}(${jsonValueCode(request)}).then(`,
    `      () => undefined,`,
    `      (caught: unknown) => caught,`,
    `    );`,
    `    expect((error as object | undefined)?.constructor).toBe(specific);`,
    `    expect(error).toBeInstanceOf(category);`,
    `    expect(error).toBeInstanceOf(TencentCloudError);`,
    `    expect(error).toMatchObject({ code, message, requestId: mock.lastRequest()?.requestId });`,
    `  });`,
    `});`,
  ];
}
