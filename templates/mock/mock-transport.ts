/**
 * A client transport that delivers every request to a mock server while leaving the request
 * itself untouched: the URL's origin is swapped for the mock's, the Host header (and so the
 * signed host) stays the real service host, e.g. "dts.tencentcloudapi.com". Requests still go
 * over real HTTP through the runtime's node transport.
 */
import { createNodeTransport } from "../runtime/transport-node.js";
import type { HttpRequest, HttpResponse, Transport } from "../runtime/transport.js";

export function createMockTransport(
  mockUrl: string,
  base: Transport = createNodeTransport(),
): Transport {
  const target = new URL(mockUrl);
  return {
    send(request: HttpRequest): Promise<HttpResponse> {
      const original = new URL(request.url);
      const host = request.headers["Host"] ?? request.headers["host"] ?? original.host;
      const url = `${target.protocol}//${target.host}${original.pathname}${original.search}`;
      const headers = { ...withoutHost(request.headers), Host: host };
      return base.send({ ...request, url, headers });
    },
    close() {
      base.close?.();
    },
  };
}

function withoutHost(headers: Readonly<Record<string, string>>): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== "host") copy[name] = value;
  }
  return copy;
}
