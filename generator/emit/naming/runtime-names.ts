/**
 * Names generated declarations must not take: what the runtime exports into every version module
 * (re-exported by index.ts), the members of the runtime's `ServiceClient` (and `CoreClient`), the
 * globals generated code refers to, and the declarations every version module holds. A page that
 * names a structure or action like one of them gets another TypeScript name (wire names never
 * change), and the declaration's JSDoc says so (rename-note.ts).
 */

/** What index.ts re-exports from the runtime (test/emit/naming.test.ts keeps the two in step). */
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
  "ResponseTooLargeError",
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
  "ExtraFields",
  "RequestOptions",
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
  // transport-fetch.ts, transport-node.ts
  "createFetchTransport",
  "createNodeTransport",
  "NodeTransportOptions",
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

/**
 * What every object inherits from Object.prototype. A field named like one of them reads the
 * inherited member when the field is absent, so validators read such fields as own properties
 * only; TypeScript sees the inherited member too (see OBJECT_INTERFACE_MEMBERS).
 */
export const OBJECT_PROTOTYPE_MEMBERS: ReadonlySet<string> = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/**
 * The members of TypeScript's global `Object` interface. TypeScript finds them on every object
 * type, so an object literal that leaves out an optional field of one of these names is checked
 * against the inherited member's type (`Function`, `() => string`, ...).
 */
export const OBJECT_INTERFACE_MEMBERS: ReadonlySet<string> = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
]);

/**
 * Members of `ServiceClient` (and of every object) that a generated method must not override, and
 * `then`: an object or module namespace with a `then` function is thenable, so `await client`,
 * an async function returning a client, and `await import()` of a version entry would call it.
 */
export const CLIENT_MEMBERS: readonly string[] = [
  "descriptor",
  "region",
  "endpoint",
  "clockOffsetMs",
  "close",
  "send",
  "request",
  "then",
  ...OBJECT_PROTOTYPE_MEMBERS,
];

/**
 * Globals that generated modules refer to: `Promise` (client and operations), `Set` and
 * `ReadonlySet`, `Number`, `Array` and `Object` (validators), `BigInt` (what the docs of
 * ResponseInteger recommend), and `Error`, the class every error class descends from. A
 * declaration of that name would shadow the global in the module, or in the user's code that
 * imports it.
 */
export const GLOBALS_IN_GENERATED_CODE: readonly string[] = [
  "Promise",
  "Set",
  "ReadonlySet",
  "Number",
  "Array",
  "Object",
  "BigInt",
  "Error",
];

/**
 * The alias response-side integers are typed with: the runtime returns an integer beyond
 * Number.MAX_SAFE_INTEGER as its exact decimal string instead of rounding it.
 */
export const RESPONSE_INTEGER_TYPE = "ResponseInteger";

/** Declarations every version module holds whatever the docs say (types.ts). */
export const FIXED_DECLARATIONS: readonly string[] = [RESPONSE_INTEGER_TYPE];
