/**
 * Tencent Cloud's error response shape and the messages of the errors the mock raises by itself.
 */

/** Error codes the mock raises while checking a request, with the messages it uses for them. */
export const BUILT_IN_ERROR_MESSAGES = {
  "AuthFailure.SignatureFailure":
    "The provided credentials could not be validated. Please check your signature is correct.",
  "AuthFailure.SignatureExpire":
    "Signature expired. The difference between the timestamp and the server time cannot exceed 5 minutes.",
  "AuthFailure.InvalidAuthorization": "The Authorization header is missing or malformed.",
  "AuthFailure.SecretIdNotFound": "The SecretId is not found.",
  InvalidAction: "The action does not exist.",
  NoSuchVersion: "The API version does not exist.",
  InvalidParameter: "Parameter error.",
  MissingParameter: "A required parameter is missing.",
  // Tencent's wording for a parameter the action does not define (common error codes page).
  UnknownParameter: "Unknown parameter error.",
  UnsupportedProtocol: "Only POST requests with a JSON body are supported by this mock.",
  RequestLimitExceeded: "The request rate limit is exceeded.",
  RequestSizeLimitExceeded: "The request is larger than allowed.",
  InternalError: "Internal error.",
} as const;

export type BuiltInErrorCode = keyof typeof BUILT_IN_ERROR_MESSAGES;

/** `{"Response":{"Error":{"Code","Message"},"RequestId"}}` */
export function tencentErrorBody(code: string, message: string, requestId: string): string {
  return JSON.stringify({
    Response: { Error: { Code: code, Message: message }, RequestId: requestId },
  });
}

/** `{"Response":{...content,"RequestId"}}`; the content's own RequestId wins when it has one. */
export function tencentSuccessBody(
  content: { readonly [key: string]: unknown } | null,
  requestId: string,
): string {
  const response =
    content !== null && "RequestId" in content ? content : { ...content, RequestId: requestId };
  return JSON.stringify({ Response: response });
}

/**
 * `tencentSuccessBody` for content given as JSON object text: the text is sent as written (big
 * numbers, `"__proto__"` keys), with `"RequestId"` appended when the text has none.
 */
export function tencentSuccessBodyFromText(content: string, requestId: string): string {
  const text = content.trim();
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new TypeError("an example's responseJson must be JSON object text");
  }
  if (Object.hasOwn(parsed, "RequestId")) return `{"Response":${text}}`;
  const requestIdMember = `"RequestId":${JSON.stringify(requestId)}`;
  const members = text.slice(1, -1).trim();
  return `{"Response":{${members === "" ? "" : `${members},`}${requestIdMember}}}`;
}
