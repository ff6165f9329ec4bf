/**
 * A small Tencent Cloud API stand-in for runtime tests: a real HTTP server on 127.0.0.1 that
 * checks each request's TC3 signature and answers with scripted behaviours, one per request
 * (fault injection: dropped connections, HTTP 500, hanging responses, error codes, clock skew).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyTc3, type VerifyTc3Result } from "../../templates/mock/verify-signature.js";

export type Behaviour =
  | { kind: "ok"; response?: Record<string, unknown>; rawBody?: string }
  | { kind: "error"; code: string; message?: string; status?: number }
  | { kind: "status"; status: number; body: string }
  | { kind: "drop" }
  | { kind: "hang"; onArrive?: () => void };

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  readonly body: string;
  readonly signature: VerifyTc3Result;
}

export interface FakeServerOptions {
  readonly secretId: string;
  readonly secretKey: string;
  /** Server clock in ms; requests further than 300 s from it get AuthFailure.SignatureExpire. */
  readonly now?: () => number;
}

export class FakeTencentServer {
  readonly received: ReceivedRequest[] = [];
  private readonly script: Behaviour[] = [];
  private readonly server: Server;
  private readonly hanging = new Set<ServerResponse>();
  private counter = 0;

  private constructor(private readonly options: FakeServerOptions) {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  static async start(options: FakeServerOptions): Promise<FakeTencentServer> {
    const fake = new FakeTencentServer(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get endpoint(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Queues behaviours for the next requests; once the queue is empty every request is "ok". */
  next(...behaviours: Behaviour[]): void {
    this.script.push(...behaviours);
  }

  /** Forgets received requests and unused behaviours. */
  reset(): void {
    this.received.length = 0;
    this.script.length = 0;
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v[0] : v;
      const timestamp = Number(headers["x-tc-timestamp"]);
      const signature = verifyTc3({
        authorization: headers["authorization"] ?? "",
        secretKeyFor: (id) => (id === this.options.secretId ? this.options.secretKey : undefined),
        method: req.method ?? "",
        uri: "/",
        query: "",
        headers,
        timestamp,
        payload: body,
      });
      this.received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body,
        signature,
      });
      this.respond(res, signature, timestamp);
    });
  }

  private respond(res: ServerResponse, signature: VerifyTc3Result, timestamp: number): void {
    const requestId = `req-${++this.counter}`;
    const serverNow = this.options.now?.() ?? Date.now();
    const json = (status: number, value: unknown) => {
      res.writeHead(status, {
        "Content-Type": "application/json",
        Date: new Date(serverNow).toUTCString(),
      });
      res.end(JSON.stringify(value));
    };
    const error = (code: string, message: string, status = 200) =>
      json(status, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } });

    if (!signature.ok)
      return error("AuthFailure.SignatureFailure", `signature ${signature.reason}`);
    if (Math.abs(serverNow / 1000 - timestamp) > 300) {
      return error("AuthFailure.SignatureExpire", "Signature expired");
    }
    const behaviour = this.script.shift() ?? { kind: "ok" };
    switch (behaviour.kind) {
      case "ok":
        if (behaviour.rawBody !== undefined) {
          res.writeHead(200, { "Content-Type": "application/json" });
          res.end(behaviour.rawBody.replace("$REQUEST_ID", requestId));
          return;
        }
        return json(200, { Response: { ...behaviour.response, RequestId: requestId } });
      case "error":
        return error(behaviour.code, behaviour.message ?? behaviour.code, behaviour.status);
      case "status":
        res.writeHead(behaviour.status, { "Content-Type": "text/html" });
        res.end(behaviour.body);
        return;
      case "drop":
        res.socket?.destroy();
        return;
      case "hang":
        this.hanging.add(res);
        behaviour.onArrive?.();
        return;
    }
  }
}
