/**
 * `tcgen mock --specs DIR [--port N] [--secret-id ID] [--secret-key KEY] [--allow-unknown-fields]`:
 * serves a mock Tencent Cloud API for the pages in DIR. A request field the pages do not list is
 * answered with UnknownParameter, as the real service does, unless `--allow-unknown-fields`.
 *
 * How: the mock needs the request validators, which are generated code. So the command runs the
 * whole pipeline into a temporary folder, imports each generated package's own mock entry point
 * (`<service>/src/mock/index.ts`; the CLI runs under tsx, so TypeScript imports work) and starts
 * one server per service version: what it serves is exactly what the generated package ships.
 * With several service versions, `--port N` gives the first N, the next N+1, and so on.
 * Keys default to TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, else the mock's fixed test
 * pair. One line per server, "<service> <version> <url>", is printed when it is ready.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { runPipeline } from "../pipeline.js";
import type { MockServer, MockServerOptions } from "../../templates/mock/mock-api.js";
import { MOCK_CREDENTIALS } from "../../templates/mock/server.js";
import { toPascalCase } from "../emit/naming/identifiers.js";

const USAGE =
  "Usage: tcgen mock --specs DIR [--port N] [--secret-id ID] [--secret-key KEY] [--allow-unknown-fields]\n";

interface MockEntryPoint {
  readonly [name: string]: unknown;
}

type StartMock = (
  options: MockServerOptions & { readonly version?: string },
) => Promise<MockServer>;

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        specs: { type: "string", multiple: true },
        port: { type: "string" },
        "secret-id": { type: "string" },
        "secret-key": { type: "string" },
        "allow-unknown-fields": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`tcgen mock: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`tcgen mock: --port must be an integer from 0 to 65535\n`);
    return 2;
  }
  const secretId = values["secret-id"] ?? process.env["TENCENTCLOUD_SECRET_ID"];
  const secretKey = values["secret-key"] ?? process.env["TENCENTCLOUD_SECRET_KEY"];
  if ((secretId === undefined) !== (secretKey === undefined)) {
    process.stderr.write("tcgen mock: give both a secret id and a secret key, or neither\n");
    return 2;
  }
  const credentials =
    secretId !== undefined && secretKey !== undefined ? { secretId, secretKey } : MOCK_CREDENTIALS;

  const outDir = await mkdtemp(join(tmpdir(), "tcgen-mock-"));
  const servers: MockServer[] = [];
  const shutdown = async (): Promise<void> => {
    await Promise.allSettled(servers.map((s) => s.close()));
    await rm(outDir, { recursive: true, force: true });
  };
  try {
    const result = await runPipeline({ inputs: values.specs ?? ["specs"], outDir });
    for (const d of result.diagnostics) {
      if (d.severity === "error") process.stderr.write(`${JSON.stringify(d)}\n`);
    }
    if (result.ir.services.length === 0) {
      process.stderr.write("tcgen mock: the specs describe no service\n");
      await shutdown();
      return 1;
    }
    let nextPort = port;
    for (const service of result.ir.services) {
      const entry = pathToFileURL(join(outDir, service.name, "src", "mock", "index.ts")).href;
      const module = (await import(entry)) as MockEntryPoint;
      const start = module[`start${toPascalCase(service.name)}Mock`] as StartMock;
      for (const version of service.versions) {
        const server = await start({
          version: version.version,
          port: nextPort,
          credentials,
          allowUnknownFields: values["allow-unknown-fields"] === true,
        });
        servers.push(server);
        if (nextPort !== 0) nextPort++;
        process.stdout.write(`${service.name} ${version.version} ${server.url}\n`);
      }
    }
    if (credentials === MOCK_CREDENTIALS) {
      process.stdout.write(
        `accepting the test key pair ${credentials.secretId} / ${credentials.secretKey}\n`,
      );
    }
  } catch (error) {
    await shutdown();
    throw error;
  }

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  await shutdown();
  return 0;
}
