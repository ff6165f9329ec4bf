/**
 * The e2e benchmarks' server: a bare node:http server on 127.0.0.1 that reads the body and
 * answers the seed's output example. It does no signature checking while timing (that would
 * blur the client cost we want to see); instead it can capture requests, and the benchmark
 * checks the captured ones before it starts timing. (The mock server in templates/mock/ checks
 * everything per request; it is not used here for that reason.)
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { CapturedRequest } from "../floor/floor-signer.js";
import { MODIFY_MIGRATE_JOB_RESPONSE_BODY } from "../fixtures/modify-migrate-job.js";

export interface BareServer {
  readonly port: number;
  /** Requests received while `capturing` is true. */
  readonly captured: CapturedRequest[];
  capturing: boolean;
  close(): Promise<void>;
}

export async function startBareServer(): Promise<BareServer> {
  const response = Buffer.from(MODIFY_MIGRATE_JOB_RESPONSE_BODY);
  const state: { captured: CapturedRequest[]; capturing: boolean } = {
    captured: [],
    capturing: false,
  };
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (state.capturing) {
        state.captured.push({
          method: req.method ?? "",
          url: req.url ?? "",
          headers: { ...req.headers },
          body: Buffer.concat(chunks).toString("utf8"),
        });
      }
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": response.length,
      });
      res.end(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    captured: state.captured,
    get capturing() {
      return state.capturing;
    },
    set capturing(value: boolean) {
      state.capturing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
