/**
 * The harness's checks against a real package: the dts-seed fixture emitted with its mock and
 * example data (inside the repository, so that the harness resolves vitest), and one example. Given the data as
 * emitted, every check passes; given data that says something else than the client and mock do
 * (one digit of the output, a class, a code, a request the validator refuses), the check fails.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitters } from "../../generator/emit/emitters.js";
import {
  checkErrorCase,
  checkExample,
  connect,
  disconnect,
  type Connection,
  type VersionUnderTest,
} from "../../templates/test-harness/check-examples.js";
import type {
  ActionExamples,
  ErrorCases,
  SentExample,
} from "../../templates/test-harness/example-data.js";
import { loadFixtureIr, renderEmitted, REPO_ROOT, writeTree } from "../emit/emit-fixture.js";

let dir: string;
let version: VersionUnderTest<"2018-03-30">;
let strict: Connection;

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, "tmp"), { recursive: true });
  dir = writeTree(
    renderEmitted(loadFixtureIr("dts-seed"), emitters),
    mkdtempSync(join(REPO_ROOT, "tmp", "test-harness-")),
  );
  const load = (path: string): Promise<Record<string, unknown>> =>
    import(pathToFileURL(join(dir, "dts", path)).href) as Promise<Record<string, unknown>>;
  const api = await load("src/v20180330/index.ts");
  const mock = await load("src/mock/index.ts");
  const data = await load("test/v20180330/examples.ts");
  const startDtsMock = mock["startDtsMock"] as (options: object) => Promise<never>;
  version = {
    api,
    Client: api["DtsClient"] as VersionUnderTest<"2018-03-30">["Client"],
    startMock: startDtsMock,
    apiVersion: "2018-03-30",
    credentials: mock["MOCK_CREDENTIALS"] as VersionUnderTest<"2018-03-30">["credentials"],
    actions: data["dtsV20180330Examples"] as readonly ActionExamples[],
  };
  strict = await connect(version, false);
}, 60_000);

afterAll(async () => {
  await disconnect(strict);
  rmSync(dir, { recursive: true, force: true });
});

function modifyMigrateJob(): ActionExamples {
  const action = version.actions.find((a) => a.action === "ModifyMigrateJob");
  if (action === undefined) throw new Error("fixture changed: no ModifyMigrateJob data");
  return action;
}

/**
 * A valid request that equals no example of the page, so the mock answers with the first
 * example's output (the seed's example itself leaves out the then required DstInfo.Region).
 */
function firstExample(): SentExample {
  const output = loadFixtureIr("dts-seed").services[0]?.versions[0]?.actions[0]?.examples[0];
  if (output?.responseJson == null) throw new Error("fixture changed: no example output");
  return {
    index: 1,
    title: "A job renamed",
    request: { JobId: "dts-1kl0iy0v", JobName: "renamed" },
    expected: { kind: "success", responseJson: output.responseJson, addsRequestId: false },
  };
}

function errorCases(): ErrorCases {
  const cases = modifyMigrateJob().errorCases;
  if (cases === undefined) throw new Error("fixture changed: no error cases");
  return cases;
}

describe("checkExample", () => {
  it("passes for the example as emitted: the client returns the documented output", async () => {
    await checkExample(strict, modifyMigrateJob(), firstExample());
    expect(strict.mock.lastRequest()?.action).toBe("ModifyMigrateJob");
  });

  it("fails when the documented output differs from what comes back", async () => {
    const example = firstExample();
    if (example.expected.kind !== "success") throw new Error("fixture changed");
    const changed = example.expected.responseJson.replace(/[0-9]/, (d) => String((+d + 1) % 10));
    await expect(
      checkExample(strict, modifyMigrateJob(), {
        ...example,
        expected: { ...example.expected, responseJson: changed },
      }),
    ).rejects.toThrow(/expected/);
  });

  it("fails when an error is expected and the client succeeds", async () => {
    await expect(
      checkExample(strict, modifyMigrateJob(), {
        ...firstExample(),
        expected: { kind: "error", code: "FailedOperation", message: "no" },
      }),
    ).rejects.toThrow(/TencentCloudError/);
  });

  it("fails when the validator refuses the request", async () => {
    const example = firstExample();
    await expect(
      checkExample(strict, modifyMigrateJob(), {
        ...example,
        request: { ...example.request, JobId: 7 },
      }),
    ).rejects.toThrow(/JobId/);
  });

  it("says which name is missing when the data names an operation the module lacks", async () => {
    await expect(
      checkExample(strict, { ...modifyMigrateJob(), operation: "noSuchOperation" }, firstExample()),
    ).rejects.toThrow("the example data names the operation noSuchOperation, which is not there");
  });
});

describe("checkErrorCase", () => {
  it("passes for every code as emitted: the code's class, its category's and the base class", async () => {
    expect(errorCases().cases.length).toBeGreaterThan(3);
    for (const errorCase of errorCases().cases) {
      await checkErrorCase(strict, modifyMigrateJob(), errorCases(), errorCase);
    }
  });

  it("fails when the data expects another class than the one thrown", async () => {
    const [first, second] = errorCases().cases;
    if (first === undefined || second === undefined) throw new Error("fixture changed");
    await expect(
      checkErrorCase(strict, modifyMigrateJob(), errorCases(), {
        ...first,
        className: second.className === first.className ? "TencentCloudError" : second.className,
      }),
    ).rejects.toThrow(/expected/);
  });

  it("fails when the thrown class is not of the expected category", async () => {
    const errorCase = errorCases().cases.find((c) => c.code.startsWith("ResourceNotFound."));
    if (errorCase === undefined) throw new Error("fixture changed");
    await expect(
      checkErrorCase(strict, modifyMigrateJob(), errorCases(), {
        ...errorCase,
        categoryClassName: "AuthFailureError",
      }),
    ).rejects.toThrow(/instance of/);
  });

  it("fails when the message differs from the documented one", async () => {
    const [first] = errorCases().cases;
    if (first === undefined) throw new Error("fixture changed");
    await expect(
      checkErrorCase(strict, modifyMigrateJob(), errorCases(), { ...first, message: "other" }),
    ).rejects.toThrow(/expected/);
  });
});
