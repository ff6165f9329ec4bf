/**
 * Serves a test page and its script from 127.0.0.1, and answers POST / like a Tencent Cloud
 * endpoint through `answer`. WebCrypto exists only in secure contexts; http://127.0.0.1 is one,
 * a file:// page is not reliably one. Page and endpoint share the origin, so fetch needs no CORS.
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedCall {
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ServedPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `html` at GET /, each `scripts` entry at GET /<name>, and POST / with `answer`. */
export async function servePage(
  html: string,
  scripts: Readonly<Record<string, string>>,
  answer: (call: ReceivedCall) => string,
): Promise<ServedPage> {
  const server = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1);
    if (req.method === "POST" && name === "") {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        const body = answer({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(200, { "content-type": "application/json" }).end(body);
      });
    } else if (name === "") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else if (Object.hasOwn(scripts, name)) {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(scripts[name]);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
