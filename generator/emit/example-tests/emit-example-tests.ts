/**
 * Emits each package's example tests as data run by one static harness:
 * - `test/harness/`: templates/test-harness/ copied as it is (the harness and the data's types);
 * - per version, `test/<vXXXXXXXX>/examples.ts`: per action, its examples as sent, the output the
 *   mock answers each with (the page's JSON text, so no digit is lost), the error codes answered
 *   and the class each must come back as (plan-examples.ts decides all of it);
 * - per version, `test/<vXXXXXXXX>/examples.test.ts`: hands the version's module, the mock and the
 *   data to the harness, which sends every example over real HTTP to the package's mock.
 *
 * Page text reaches the data only as string literals (stringLiteral, jsonValueCode) and in
 * comments (commentLine); names are from the closed grammar the check phase enforces.
 */
import { posix } from "node:path";
import { StructureKind, type ImportDeclarationStructure } from "ts-morph";
import type { ErrorCode } from "../../ir/types.js";
import type { ActionNames } from "../naming/plan-names.js";
import type { PackageContext } from "../package-context.js";
import {
  BLANK_LINE,
  templateCopy,
  typescriptFile,
  type PlannedFile,
  type Statements,
} from "../planned-file.js";
import type { VersionContext } from "../version-context.js";
import { commentLine, docCommentText, stringLiteral } from "../typescript/page-text.js";
import { jsonValueCode } from "../typescript/json-code.js";
import {
  planAction,
  unsentReason,
  type PlannedAction,
  type PlannedExample,
} from "./plan-examples.js";

/** The harness module the per-version test file calls, and the module of the data's types. */
const HARNESS_MODULE = "test-version-examples";
const DATA_TYPES_MODULE = "example-data";

export function emitExampleTests(pkg: PackageContext): PlannedFile[] {
  const { folder, versions } = pkg;
  const harnessFolder = versions[0]?.names.testing.harnessFolder;
  if (harnessFolder === undefined) return [];
  return [
    ...pkg.templates
      .sources("test-harness")
      .map(({ name, content }) => templateCopy(`${folder}/${harnessFolder}/${name}`, content)),
    ...versions.flatMap((context) => {
      const { testing } = context.names;
      return [
        typescriptFile(`${folder}/${testing.exampleData}`, dataModule(context, pkg.commonErrors)),
        typescriptFile(`${folder}/${testing.exampleTest}`, testModule(context)),
      ];
    }),
  ];
}

function importFrom(
  moduleSpecifier: string,
  names: readonly string[],
  isTypeOnly = false,
): ImportDeclarationStructure {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier,
    namedImports: [...names],
    isTypeOnly,
  };
}

/** The import specifier of `target` (relative to the package) from the module at `from`. */
function importPath(from: string, target: string): string {
  const relative = posix.relative(posix.dirname(from), target);
  return relative.startsWith(".") ? `${relative}.js` : `./${relative}.js`;
}

function testModule({ service, version, names }: VersionContext): Statements {
  const { testing } = names;
  const from = testing.exampleTest;
  const harness = importPath(from, `${testing.harnessFolder}/${HARNESS_MODULE}`);
  return [
    `/** ${commentLine(`Example tests of ${service.name} ${version.version}: the data of ./examples.ts, run by the package's harness.`)} */`,
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: importPath(from, `src/${names.folder}/index`),
      namespaceImport: "api",
    },
    importFrom(importPath(from, "src/mock/index"), ["MOCK_CREDENTIALS", testing.mockStart]),
    importFrom(harness, ["testVersionExamples"]),
    importFrom(importPath(from, testing.exampleData.replace(/\.ts$/, "")), [
      testing.exampleDataExport,
    ]),
    BLANK_LINE,
    [
      `testVersionExamples({`,
      `  api,`,
      `  Client: api.${names.client},`,
      `  startMock: ${testing.mockStart},`,
      `  apiVersion: ${stringLiteral(version.version)},`,
      `  credentials: MOCK_CREDENTIALS,`,
      `  actions: ${testing.exampleDataExport},`,
      `});`,
    ].join("\n"),
  ];
}

function dataModule(context: VersionContext, commonErrors: readonly ErrorCode[]): Statements {
  const { service, version, names } = context;
  const { testing } = names;
  const types = importPath(testing.exampleData, `${testing.harnessFolder}/${DATA_TYPES_MODULE}`);
  const planned = version.actions.map((action) => planAction(version, action, commonErrors, names));
  const actions = planned.map((p) => actionData(p, names.actions.get(p.action.name)));
  // Request types of the actions whose data holds a typed request (unused imports fail lint).
  const requestTypes = planned
    .filter((p) => p.errors !== undefined || p.examples.some(typedRequest))
    .map((p) => names.actions.get(p.action.name)?.requestType ?? "")
    .sort();
  const api = importPath(testing.exampleData, `src/${names.folder}/index`);
  return [
    blockComment(
      "",
      `Example tests of ${service.name} ${version.version}, from its documentation pages, as data: per action, each example as sent and the output it must come back with, and the documented error codes with the class each must come back as.`,
    ).join("\n"),
    importFrom(types, ["ActionExamples"], true),
    ...(requestTypes.length === 0 ? [] : [importFrom(api, requestTypes, true)]),
    BLANK_LINE,
    [
      `export const ${testing.exampleDataExport}: readonly ActionExamples[] = [`,
      ...actions,
      `];`,
    ].join("\n"),
  ];
}

function actionData(planned: PlannedAction, names: ActionNames | undefined): string {
  const { action, examples, errors, notes } = planned;
  if (names === undefined) throw new Error(`no names planned for ${action.name}`);
  // Notes quote example titles, paths and values from the page: commentLine keeps each one a
  // single list item that cannot end the comment (docCommentText then wraps it).
  const comment = blockComment(
    "  ",
    `${action.name}, from its documentation page.`,
    ...(notes.length === 0
      ? ["Every example is sent to the mock."]
      : notes.map((n) => `- ${commentLine(n)}`)),
  );
  const errorCases =
    errors === undefined
      ? []
      : [
          `    errorCases: {`,
          `      request: ${jsonValueCode(errors.request)} satisfies ${names.requestType},`,
          `      cases: [`,
          ...errors.cases.map(
            (e) =>
              `        { code: ${stringLiteral(e.code)}, message: ${stringLiteral(e.message)}, className: ${stringLiteral(e.className)}, categoryClassName: ${stringLiteral(e.categoryClassName)} },`,
          ),
          `      ],`,
          `    },`,
        ];
  return [
    ...comment,
    `  {`,
    `    action: ${stringLiteral(action.name)},`,
    `    method: ${stringLiteral(names.method)},`,
    `    operation: ${stringLiteral(names.operation)},`,
    `    examples: [`,
    ...examples.map((e) => `      ${exampleData(e, names.requestType)},`),
    `    ],`,
    ...errorCases,
    `  },`,
  ].join("\n");
}

/** A block comment of `lines` (page text made safe and wrapped by docCommentText), indented. */
function blockComment(indent: string, ...lines: readonly string[]): string[] {
  const text = docCommentText(lines.join("\n")) ?? "";
  return [
    `${indent}/**`,
    ...text.split("\n").map((line) => `${indent} * ${line}`.trimEnd()),
    `${indent} */`,
  ];
}

/**
 * A request that is sent with no unknown key is checked against its request type by tsc (as the
 * typed client call it stands for would be); one with keys that are no names cannot be, and is
 * checked by the validator only.
 */
function typedRequest(e: PlannedExample): boolean {
  return e.sent !== undefined && e.answer !== undefined && e.dataKeys.length === 0;
}

function exampleData(e: PlannedExample, requestType: string): string {
  const head = `index: ${e.index}, title: ${stringLiteral(e.title)}`;
  if (e.sent === undefined || e.answer === undefined) {
    return `{ ${head}, notSent: ${stringLiteral(unsentReason(e))} }`;
  }
  const request = typedRequest(e)
    ? `${jsonValueCode(e.sent)} satisfies ${requestType}`
    : `${jsonValueCode(e.sent)}, allowUnknownFields: true`;
  return `{ ${head}, request: ${request}, expected: ${expectedData(e.answer)} }`;
}

function expectedData(answer: NonNullable<PlannedExample["answer"]>): string {
  switch (answer.kind) {
    case "empty":
      return `{ kind: "empty" }`;
    case "error":
      return `{ kind: "error", code: ${stringLiteral(answer.code)}, message: ${stringLiteral(answer.message)} }`;
    case "success":
      // The page's text, as written: the harness reads it losslessly (big integers as digits).
      return `{ kind: "success", responseJson: ${stringLiteral(answer.contentJson)}, addsRequestId: ${String(answer.addsRequestId)} }`;
  }
}
