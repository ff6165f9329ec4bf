/**
 * Turns one HTTP response into the content of its `Response` object, or the error it stands for:
 * the class registered for the Tencent error code when the client has an error registry,
 * otherwise the base `TencentCloudError` carrying the same code, message and request id.
 */
import {
  createServiceError,
  TencentCloudError,
  UnexpectedResponseError,
  type ErrorRegistry,
} from "./errors.js";
import { parseResponseBody } from "./json.js";
import { isTransientCode } from "./retry.js";
import type { HttpResponse } from "./transport.js";

export const SIGNATURE_EXPIRE = "AuthFailure.SignatureExpire";

// The Date header of a SignatureExpire response, kept beside the error rather than on it.
const serverDates = new WeakMap<TencentCloudError, string | undefined>();

/** The server's Date header that came with a SignatureExpire error, if any. */
export function serverDateOf(error: TencentCloudError): string | undefined {
  return serverDates.get(error);
}

export function interpretResponse(
  action: string,
  response: HttpResponse,
  errors: ErrorRegistry | undefined,
): unknown {
  let parsed: unknown;
  try {
    parsed = parseResponseBody(response.body);
  } catch {
    parsed = undefined;
  }
  const content =
    typeof parsed === "object" && parsed !== null
      ? (parsed as { Response?: unknown }).Response
      : undefined;
  if (typeof content !== "object" || content === null) {
    throw new UnexpectedResponseError({
      code: `HttpStatus${response.status}`,
      message: `${action}: unexpected HTTP ${response.status} response without a Tencent Cloud "Response" body`,
      action,
      httpStatus: response.status,
      retryable: response.status >= 500 || response.status === 429,
    });
  }
  const record = content as {
    Error?: { Code?: unknown; Message?: unknown };
    RequestId?: unknown;
  };
  const requestId = typeof record.RequestId === "string" ? record.RequestId : undefined;
  if (record.Error !== undefined) {
    const code = typeof record.Error.Code === "string" ? record.Error.Code : "UnknownError";
    const message = typeof record.Error.Message === "string" ? record.Error.Message : code;
    const init = {
      code,
      message,
      action,
      httpStatus: response.status,
      retryable: isTransientCode(code, response.status),
      ...(requestId !== undefined && { requestId }),
    };
    const error =
      errors === undefined ? new TencentCloudError(init) : createServiceError(errors, init);
    if (code === SIGNATURE_EXPIRE) serverDates.set(error, response.headers["date"]);
    throw error;
  }
  if (response.status >= 300) {
    throw new UnexpectedResponseError({
      code: `HttpStatus${response.status}`,
      message: `${action}: HTTP ${response.status}`,
      action,
      httpStatus: response.status,
      retryable: response.status >= 500,
      ...(requestId !== undefined && { requestId }),
    });
  }
  return content;
}
