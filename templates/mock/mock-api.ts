/**
 * The generic mock server API, re-exported by each generated package's `mock` entry point
 * (src/mock/index.ts, generated), which adds the service's own description.
 */
export {
  startMockServer,
  MOCK_CREDENTIALS,
  type MockServer,
  type MockServerOptions,
  type MockCredentials,
  type RecordedRequest,
  type FailNextOptions,
} from "./server.js";
export type {
  MockServiceDescription,
  MockAction,
  MockExample,
  MockErrorCode,
  RequestValidator,
  RequestIssue,
} from "./mock-description.js";
export type { MockFault } from "./faults.js";
export type { CorsOrigins } from "./cors.js";
export { checkRequest, DEFAULT_TIMESTAMP_WINDOW_SECONDS } from "./check-request.js";
export { createMockTransport } from "./mock-transport.js";
export {
  startVersionedMock,
  type MockDescriptions,
  type VersionedMockOptions,
} from "./versioned-mock.js";
