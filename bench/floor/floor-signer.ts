/**
 * The physical floor for "sign a request": JSON.stringify once, then exactly 2 SHA-256 and
 * 4 HMAC-SHA256 with node:crypto, nothing cached and nothing else. Also used, independently of
 * the code under test, to check that signatures seen on the wire are valid TC3 signatures.
 */
import { createHash, createHmac } from "node:crypto";

export interface FloorSignInput {
  readonly secretId: string;
  readonly secretKey: string;
  readonly service: string;
  readonly host: string;
  readonly contentType: string;
  readonly timestamp: number;
  readonly body: string;
}

/** TC3 Authorization header for a POST / with `content-type;host` signed. */
export function floorAuthorization(input: FloorSignInput): string {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const scope = `${date}/${input.service}/tc3_request`;
  const payloadHash = createHash("sha256").update(input.body).digest("hex");
  const canonical = `POST\n/\n\ncontent-type:${input.contentType}\nhost:${input.host}\n\ncontent-type;host\n${payloadHash}`;
  const toSign = `TC3-HMAC-SHA256\n${input.timestamp}\n${scope}\n${createHash("sha256").update(canonical).digest("hex")}`;
  const kDate = createHmac("sha256", `TC3${input.secretKey}`).update(date).digest();
  const kService = createHmac("sha256", kDate).update(input.service).digest();
  const kSigning = createHmac("sha256", kService).update("tc3_request").digest();
  const signature = createHmac("sha256", kSigning).update(toSign).digest("hex");
  return `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
}

/** The floor side of the signing benchmark: serialise once, sign once. */
export function floorSign(
  request: unknown,
  input: Omit<FloorSignInput, "body">,
): { body: string; authorization: string } {
  const body = JSON.stringify(request);
  return { body, authorization: floorAuthorization({ ...input, body }) };
}

/** A request as a server received it (header names lowercase). */
export interface CapturedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

/**
 * Checks a captured request's TC3 signature against the key, recomputing it from the headers
 * and body received. Returns a reason when it is not valid.
 */
export function checkCapturedSignature(
  request: CapturedRequest,
  key: { readonly secretId: string; readonly secretKey: string },
  service: string,
): string | undefined {
  const header = (name: string) => {
    const value = request.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  const authorization = header("authorization");
  const timestamp = Number(header("x-tc-timestamp"));
  const contentType = header("content-type");
  const host = header("host")?.replace(/:\d+$/, "");
  if (authorization === undefined) return "no Authorization header";
  if (!Number.isInteger(timestamp)) return "no valid X-TC-Timestamp header";
  if (contentType === undefined || host === undefined) return "no Content-Type or Host header";
  if (request.method !== "POST" || request.url !== "/")
    return `unexpected ${request.method} ${request.url}`;
  const expected = floorAuthorization({
    ...key,
    service,
    host,
    contentType,
    timestamp,
    body: request.body,
  });
  return expected === authorization ? undefined : `signature mismatch: got ${authorization}`;
}
