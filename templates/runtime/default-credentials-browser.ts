/**
 * Browser build's replacement for `default-credentials.ts`: there is no environment or profile
 * file, so a client must be given `credentials` (keys or, better, a provider of short-lived STS
 * credentials fetched from your own backend).
 */
import type { ExpiringCredentials } from "./credentials.js";
import { ConfigurationError } from "./errors.js";

export interface DefaultChainInputs {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly profilePath?: string;
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
