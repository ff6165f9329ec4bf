/**
 * Integers beyond 2^53 in responses, end to end: the emitted types say `ResponseInteger`
 * (number | string) on the response side only, tsc holds a consumer to that, and the emitted
 * client returns such an integer as its exact decimal string over a real HTTP exchange.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitFixture, typeCheck, writeTree } from "./emit-fixture.js";

const UNSAFE = "9007199254740993"; // 2^53 + 1: Number() would give ...992
const files = await emitFixture("edge-cases");
const packageDir = writeTree(files);
const versionDir = join(packageDir, "cvm", "src", "v20170312");
const typesText = files.find((f) => f.path === "cvm/src/v20170312/types.ts")?.content ?? "";

function declaredType(interfaceName: string, field: string): string | undefined {
  const body = new RegExp(`export interface ${interfaceName} \\{([\\s\\S]*?)\\n\\}`).exec(
    typesText,
  )?.[1];
  return new RegExp(`\\n  ${field}\\??: ([^;]+);`).exec(body ?? "")?.[1];
}

describe("emitted types", () => {
  it.each([
    { given: "DescribeDBInstancesResponse.TotalCount", want: "ResponseInteger" },
    { given: "DescribeDBInstancesRequest.Limit", want: "number" },
  ])("$given is $want", ({ given, want }) => {
    const [name, field] = given.split(".") as [string, string];
    expect(declaredType(name, field)).toBe(want);
  });

  it("declares ResponseInteger as number | string", () => {
    expect(typesText).toContain("export type ResponseInteger = number | string;");
  });

  it("hold a consumer to the string case (tsc)", () => {
    const consumer = join(versionDir, "consumer.ts");
    writeFileSync(
      consumer,
      [
        'import type { DescribeDBInstancesResponse } from "./index.js";',
        "export function total(response: DescribeDBInstancesResponse): bigint {",
        "  // @ts-expect-error a response integer may be a decimal string, not only a number",
        "  const asNumber: number | undefined = response.TotalCount;",
        "  void asNumber;",
        "  const exact: number | string | undefined = response.TotalCount;",
        "  return exact === undefined ? 0n : BigInt(exact);",
        "}",
        "",
      ].join("\n"),
    );
    expect(typeCheck([consumer])).toEqual([]);
  });
});

describe("emitted validators agree with the types", () => {
  interface Validator {
    validate(value: unknown): { ok: boolean };
  }
  const load = async () =>
    (await import(pathToFileURL(join(versionDir, "index.ts")).href)) as Record<string, Validator>;

  it.each([
    { given: { TotalCount: UNSAFE, RequestId: "r" }, want: true },
    { given: { TotalCount: 42, RequestId: "r" }, want: true },
    { given: { TotalCount: "-12", RequestId: "r" }, want: true },
    { given: { TotalCount: "12.5", RequestId: "r" }, want: false },
    { given: { TotalCount: "many", RequestId: "r" }, want: false },
    { given: { TotalCount: 1.5, RequestId: "r" }, want: false },
  ])("response $given.TotalCount: valid is $want", async ({ given, want }) => {
    const validators = await load();
    expect(validators["validateDescribeDBInstancesResponse"]?.validate(given).ok).toBe(want);
  });

  it("a request-side integer stays a number: its decimal string is an issue", async () => {
    const validators = await load();
    const validate = validators["validateDescribeDBInstancesRequest"]?.validate;
    expect(validate?.({ InstanceIds: ["i"], Limit: 5 }).ok).toBe(true);
    expect(validate?.({ InstanceIds: ["i"], Limit: "5" }).ok).toBe(false);
  });
});

describe("emitted client against a server answering 2^53 + 1", () => {
  let server: Server;
  let endpoint: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        res.writeHead(200, { "Content-Type": "application/json" });
        // Written as text: a JavaScript number could not even hold the value to send.
        res.end(`{"Response":{"TotalCount":${UNSAFE},"Small":42,"RequestId":"req-big"}}`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("returns the unsafe integer as its exact decimal string and safe ones as numbers", async () => {
    const module = (await import(pathToFileURL(join(versionDir, "index.ts")).href)) as {
      CvmClient: new (options: object) => {
        describeDBInstances(request: object): Promise<Record<string, unknown>>;
        close(): void;
      };
    };
    const client = new module.CvmClient({
      region: "ap-guangzhou",
      credentials: { secretId: "AKIDbigint", secretKey: "bigint-secret" },
      endpoint,
      rateLimit: false,
    });
    const response = await client.describeDBInstances({ InstanceIds: ["ins-1"] });
    client.close();
    expect(response["TotalCount"]).toBe(UNSAFE);
    expect(BigInt(response["TotalCount"] as string)).toBe(2n ** 53n + 1n);
    expect(response["Small"]).toBe(42);
    expect(response["RequestId"]).toBe("req-big");
  });
});
