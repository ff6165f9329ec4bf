/**
 * Serves a test page and its script from 127.0.0.1. WebCrypto exists only in secure contexts;
 * http://127.0.0.1 is one, a file:// page is not reliably one.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ServedPage {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `html` at / and each `scripts` entry at /<name>. */
export async function servePage(
  html: string,
  scripts: Readonly<Record<string, string>>,
): Promise<ServedPage> {
  const server = createServer((req, res) => {
    const name = (req.url ?? "/").slice(1);
    if (name === "") {
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
