/**
 * Names the runtime exports into every version module (re-exported by index.ts) and the members
 * of the runtime's `ServiceClient` (and `CoreClient`). Generated declarations must not reuse them.
 */
export const RUNTIME_EXPORTS: readonly string[] = [
  // errors.ts
  "TencentCloudError",
  "TencentCloudErrorInit",
  "UnexpectedResponseError",
  "TransportError",
  "NetworkError",
  "TimeoutError",
  "RequestAbortedError",
  "ConfigurationError",
  "ValidationError",
  "ErrorClass",
  "ErrorRegistry",
  "createServiceError",
  // client.ts, client-core.ts
  "ServiceClient",
  "CoreClient",
  "CoreClientOptions",
  "CoreDescriptor",
  "ClientFeatures",
  "RetryStrategy",
  "RequestRateLimiter",
  "ServiceDescriptor",
  "OperationDescriptor",
  "ClientOptions",
  "CallOptions",
  "ClientHooks",
  "Logger",
  "RequestEvent",
  "ResponseEvent",
  "Credentials",
  "CredentialProvider",
  "ExpiringCredentials",
  "Clock",
  "Transport",
  "HttpRequest",
  "HttpResponse",
  "RateLimitOptions",
  // retry.ts, rate-limit.ts, default-credentials.ts
  "standardRetry",
  "RetryOptions",
  "RateLimiter",
  "defaultCredentialChain",
  // validation.ts
  "Validator",
  "ValidationIssue",
  "ValidationResult",
  "ValidationPath",
  "StandardSchemaV1",
];

/** Members of `ServiceClient` (and of every object) that a generated method must not override. */
export const CLIENT_MEMBERS: readonly string[] = [
  "constructor",
  "descriptor",
  "region",
  "endpoint",
  "clockOffsetMs",
  "close",
  "send",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
];
