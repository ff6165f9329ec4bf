/**
 * Browser build's replacement for `default-credentials.ts`: there is no environment or profile
 * file, so a client must be given `credentials` (keys or, better, a provider of short-lived STS
 * credentials fetched from your own backend), and a `region`.
 */
import type { ExpiringCredentials } from "./credentials.js";
import { ConfigurationError } from "./errors.js";

export type Environment = Readonly<Record<string, string | undefined>>;

export interface DefaultChainInputs {
  readonly env?: Environment;
  readonly profilePath?: string;
  readonly profilePaths?: readonly string[];
}

/** A browser has no environment variables: nothing is read from one. */
export function processEnvironment(): Environment {
  return {};
}

export function defaultCredentialChain(
  _inputs: DefaultChainInputs = {},
): () => Promise<ExpiringCredentials> {
  return async () => {
    throw new ConfigurationError(
      "No credentials: in a browser, pass `credentials` (keys or an async provider) to the client",
    );
  };
}
