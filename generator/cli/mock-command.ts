/**
 * `tcgen mock --specs DIR [--port N] [--host ADDR] [--cors-origin ORIGIN]... [--secret-id ID]
 * [--secret-key KEY] [--allow-unknown-fields]`: serves a mock Tencent Cloud API for the pages in
 * DIR. A request field the pages do not list is answered with UnknownParameter, as the real
 * service does, unless `--allow-unknown-fields`.
 *
 * How: the mock needs the request validators, which are generated code. So the command runs the
 * whole pipeline into a temporary folder, imports each generated package's own mock entry point
 * (`<service>/src/mock/index.ts`; the CLI runs under tsx, so TypeScript imports work) and starts
 * one server per service version: what it serves is exactly what the generated package ships.
 * With several service versions, `--port N` gives the first N, the next N+1, and so on.
 * Keys default to TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, else the mock's fixed test
 * pair. One line per server, "<service> <version> <url>", is printed when it is ready. A port
 * that is taken or an address this machine does not have is one line and exit 2 (listen-error.ts).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runPipeline } from "../pipeline.js";
import type { MockServer, MockServerOptions } from "../../templates/mock/mock-api.js";
import { MOCK_CREDENTIALS } from "../../templates/mock/server.js";
import { toPascalCase } from "../emit/naming/identifiers.js";
import { missingInput } from "./check-inputs.js";
import {
  EXIT_FAILED,
  EXIT_OK,
  parseCommandLine,
  usageError,
  type CommandDoc,
  type OptionDocs,
} from "./command-line.js";
import { listenErrorMessage } from "./listen-error.js";

export const MOCK_DOC = {
  name: "mock",
  synopsis: [
    "tcgen mock --specs DIR [--port N] [--host ADDR] [--cors-origin ORIGIN]...",
    "           [--secret-id ID --secret-key KEY] [--allow-unknown-fields]",
  ],
  summary: "serve a signature-checking mock Tencent Cloud API",
  description: [
    'Generates the packages of the pages in a temporary folder and serves each service version\'s mock: it checks TC3 signatures, timestamps, hosts, actions and request bodies as the real service does and answers with the documented examples or errors. stdout gets one line per server when it is ready, "<service> <version> <url>". Stop it with Ctrl-C (SIGINT) or SIGTERM.',
    "In a container, listen on every interface so that other containers reach the mock by its service name: `tcgen mock --specs specs --host 0.0.0.0 --port 8080` (docker-compose: `command: npx tcgen mock --specs specs --host 0.0.0.0 --port 8080`, clients use http://mock:8080). Listening on every interface, the mock accepts any Host header.",
    "Browser pages may call the mock: it answers CORS preflights and allows any origin unless --cors-origin names the allowed ones.",
  ],
  options: {
    specs: {
      type: "string",
      multiple: true,
      value: "DIR",
      help: "Required. A folder of Markdown pages (searched for *.md at any depth) or one page.",
    },
    port: {
      type: "string",
      value: "N",
      default: "0",
      help: "Port of the first server (0 picks a free one); further service versions get N+1, N+2, ...",
    },
    host: {
      type: "string",
      value: "ADDR",
      default: "127.0.0.1",
      help: 'Address to listen on. 127.0.0.1 is this machine only; 0.0.0.0 (or "::") is every interface, for a container; ::1 or another local address also works.',
    },
    "cors-origin": {
      type: "string",
      multiple: true,
      value: "ORIGIN",
      defaultText: "any origin",
      help: "An origin (e.g. http://localhost:5173) that browser pages may call the mock from; when given, other origins get no CORS headers.",
    },
    "secret-id": {
      type: "string",
      value: "ID",
      help: "SecretId whose signatures are accepted (default: TENCENTCLOUD_SECRET_ID, else the mock's test pair, printed at start). Give --secret-key with it.",
    },
    "secret-key": {
      type: "string",
      value: "KEY",
      help: "SecretKey of --secret-id (default: TENCENTCLOUD_SECRET_KEY).",
    },
    "allow-unknown-fields": {
      type: "boolean",
      help: "Accept request fields the pages do not list (known fields are still checked), instead of answering UnknownParameter.",
    },
  },
  exitCodes: [
    "0 stopped by a signal; 1 the pages describe no service; 2 bad arguments, a missing --specs or folder, a port that is taken, or an address this machine does not have.",
  ],
} as const satisfies CommandDoc<OptionDocs>;

interface MockEntryPoint {
  readonly [name: string]: unknown;
}

type StartMock = (
  options: MockServerOptions & { readonly version?: string },
) => Promise<MockServer>;

export async function run(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(MOCK_DOC, argv);
  if (typeof parsed === "number") return parsed;
  const { values } = parsed;
  if (values.specs === undefined) {
    return usageError(MOCK_DOC, "--specs DIR is required (the pages to serve)");
  }
  const missing = missingInput(values.specs);
  if (missing !== undefined) return usageError(MOCK_DOC, `--specs ${missing}`);
  const port = Number(values.port ?? "0");
  if (!/^\d+$/.test(values.port ?? "0") || port > 65535) {
    return usageError(MOCK_DOC, "--port must be an integer from 0 to 65535");
  }
  const host = values.host ?? "127.0.0.1";
  if (host === "") return usageError(MOCK_DOC, "--host needs an address");
  const corsOrigins = values["cors-origin"] ?? "*";
  const badOrigin = corsOrigins === "*" ? undefined : corsOrigins.find((o) => !isOrigin(o));
  if (badOrigin !== undefined) {
    return usageError(
      MOCK_DOC,
      `--cors-origin ${JSON.stringify(badOrigin)} is not an origin (scheme://host[:port], e.g. http://localhost:5173)`,
    );
  }
  const secretId = values["secret-id"] ?? process.env["TENCENTCLOUD_SECRET_ID"];
  const secretKey = values["secret-key"] ?? process.env["TENCENTCLOUD_SECRET_KEY"];
  if ((secretId === undefined) !== (secretKey === undefined)) {
    return usageError(MOCK_DOC, "give both a secret id and a secret key, or neither");
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
    const result = await runPipeline({ inputs: values.specs, outDir });
    for (const d of result.diagnostics) {
      if (d.severity === "error") process.stderr.write(`${JSON.stringify(d)}\n`);
    }
    if (result.ir.services.length === 0) {
      process.stderr.write("tcgen mock: the specs describe no service\n");
      await shutdown();
      return EXIT_FAILED;
    }
    let nextPort = port;
    for (const service of result.ir.services) {
      const entry = pathToFileURL(join(outDir, service.name, "src", "mock", "index.ts")).href;
      const module = (await import(entry)) as MockEntryPoint;
      const start = module[`start${toPascalCase(service.name)}Mock`] as StartMock;
      for (const version of service.versions) {
        let server: MockServer;
        try {
          server = await start({
            version: version.version,
            port: nextPort,
            host,
            corsOrigins,
            credentials,
            allowUnknownFields: values["allow-unknown-fields"] === true,
          });
        } catch (error) {
          const message = listenErrorMessage(error, host, nextPort);
          if (message === undefined) throw error;
          await shutdown();
          return usageError(MOCK_DOC, message);
        }
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
  return EXIT_OK;
}

/** scheme://host[:port] and nothing more, as a browser sends it in the Origin header. */
function isOrigin(text: string): boolean {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}
