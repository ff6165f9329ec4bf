/**
 * The floor for a request on loopback: keep-alive http.request with headers and body computed
 * once up front (a valid signature included), reading and parsing the response.
 */
import http from "node:http";
import { floorAuthorization } from "../floor/floor-signer.js";
import {
  ACTION,
  CONTENT_TYPE,
  CREDENTIALS,
  HOST,
  MODIFY_MIGRATE_JOB_REQUEST,
  REGION,
  SERVICE,
  VERSION,
} from "../fixtures/modify-migrate-job.js";

export interface BareClient {
  send(): Promise<unknown>;
  close(): void;
}

export function createBareClient(port: number, maxSockets: number): BareClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const body = JSON.stringify(MODIFY_MIGRATE_JOB_REQUEST);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    Host: HOST,
    "Content-Type": CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(body),
    "X-TC-Action": ACTION,
    "X-TC-Version": VERSION,
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Region": REGION,
    Authorization: floorAuthorization({
      ...CREDENTIALS,
      service: SERVICE,
      host: HOST,
      contentType: CONTENT_TYPE,
      timestamp,
      body,
    }),
  };
  const options: http.RequestOptions = {
    host: "127.0.0.1",
    port,
    method: "POST",
    path: "/",
    headers,
    agent,
  };
  return {
    send: () =>
      new Promise((resolve, reject) => {
        const req = http.request(options, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
            } catch (error) {
              reject(error);
            }
          });
          res.on("error", reject);
        });
        req.on("error", reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
}

/** Runs `count` calls of `send` with at most `concurrency` in flight. */
export async function runConcurrently(
  count: number,
  concurrency: number,
  send: () => Promise<unknown>,
): Promise<void> {
  let started = 0;
  const worker = async () => {
    while (started < count) {
      started++;
      await send();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}
