/**
 * A service's mock over its API versions: each generated package's `mock` entry point lists its
 * versions' descriptions and starts the one asked for through these.
 */
import type { MockServiceDescription } from "./mock-description.js";
import { startMockServer, type MockServer, type MockServerOptions } from "./server.js";

/** A service's mock descriptions, by API version ("2018-03-30"). */
export type MockDescriptions<Version extends string> = Readonly<
  Record<Version, MockServiceDescription>
>;

/** What a package's `start<Service>Mock()` takes: the server's options and the version to serve. */
export interface VersionedMockOptions<Version extends string> extends MockServerOptions {
  /** The API version to serve; default: the service's newest. */
  readonly version?: Version;
}

/** Starts a mock server for one of a service's versions: `options.version`, else `newest`. */
export function startVersionedMock<Version extends string>(
  descriptions: MockDescriptions<Version>,
  newest: Version,
  options: VersionedMockOptions<Version> = {},
): Promise<MockServer> {
  const { version = newest, ...serverOptions } = options;
  return startMockServer(descriptions[version], serverOptions);
}
