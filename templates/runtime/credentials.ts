/**
 * Where the secret id and key come from.
 *
 * `credentials` in the client options may be static keys or an async provider (for rotating STS
 * credentials); a provider is asked again once the credentials it returned are about to expire.
 * Without either, `ServiceClient` asks the default chain (`default-credentials.ts`: the
 * environment, then the profile file); a bare client refuses to be built. Secrets are held in
 * memory only and never formatted into messages.
 */
import { ConfigurationError } from "./errors.js";

export interface Credentials {
  readonly secretId: string;
  readonly secretKey: string;
  /** Session token of temporary (STS) credentials; sent as X-TC-Token. */
  readonly token?: string;
}

/** Credentials with an optional expiry, as returned by a provider. */
export interface ExpiringCredentials extends Credentials {
  /** When these stop working (Date or epoch milliseconds); absent means "never". */
  readonly expiresAt?: Date | number;
}

/** An async source of credentials, e.g. an STS AssumeRole call. */
export type CredentialProvider = () => Promise<ExpiringCredentials>;

/** Ask again this long before the expiry, so a request is never signed with dying keys. */
export const CREDENTIAL_REFRESH_MARGIN_MS = 60_000;

export function isCredentials(value: unknown): value is Credentials {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Credentials).secretId === "string" &&
    typeof (value as Credentials).secretKey === "string"
  );
}

/** Control characters (C0, DEL, C1): they would break or forge a header line. */
const CONTROL_CHARACTER = /\p{Cc}/u;
/**
 * What a secretId must not contain besides control characters: it is spliced into the
 * Authorization header (`Credential=<id>/<date>/...,`), where whitespace or a comma would end the
 * field early and change the header's meaning.
 */
const SECRET_ID_SEPARATOR = /[\s,]/u;
/** Characters past U+00FF cannot travel in an HTTP header value (X-TC-Token). */
const NOT_LATIN1 = /[\u0100-\u{10ffff}]/u;

/**
 * Refuses credentials that could not be signed and sent as they are, before anything is signed:
 * without this a newline in a key failed deep inside the transport as a retryable NetworkError,
 * and a comma in the secretId rewrote the Authorization header. Messages name the field, never
 * its value.
 */
function assertUsable(credentials: Credentials, source: string): Credentials {
  if (credentials.secretId === "" || credentials.secretKey === "") {
    throw new ConfigurationError(`Credentials from ${source} have an empty secretId or secretKey`);
  }
  const problem = credentialProblem(credentials);
  if (problem !== undefined) {
    throw new ConfigurationError(`Credentials from ${source}: ${problem}; nothing was signed`);
  }
  return credentials;
}

function credentialProblem(credentials: Credentials): string | undefined {
  const { secretId, secretKey, token } = credentials;
  if (typeof secretId !== "string") return "the secretId is not a string";
  if (typeof secretKey !== "string") return "the secretKey is not a string";
  if (CONTROL_CHARACTER.test(secretId) || SECRET_ID_SEPARATOR.test(secretId)) {
    return "the secretId contains a control character, whitespace or a comma";
  }
  if (CONTROL_CHARACTER.test(secretKey)) return "the secretKey contains a control character";
  if (token !== undefined && typeof token !== "string") return "the token is not a string";
  if (token !== undefined && CONTROL_CHARACTER.test(token)) {
    return "the token contains a control character";
  }
  if (token !== undefined && NOT_LATIN1.test(token)) {
    return "the token contains a character that cannot be sent in an HTTP header";
  }
  return undefined;
}

/**
 * Wraps a provider: caches what it returns until shortly before `expiresAt`, and shares one
 * pending call among concurrent requests.
 */
export function cachingProvider(
  provider: CredentialProvider,
  now: () => number,
  source = "the credential provider",
): () => Promise<Credentials> {
  let cached: { credentials: Credentials; refreshAt: number } | undefined;
  let pending: Promise<Credentials> | undefined;
  return async () => {
    if (cached !== undefined && now() < cached.refreshAt) return cached.credentials;
    if (pending === undefined) {
      pending = provider()
        .then((fresh) => {
          if (!isCredentials(fresh)) {
            throw new ConfigurationError(`${source} returned no secretId/secretKey`);
          }
          const credentials = assertUsable(fresh, source);
          const expiresAt =
            fresh.expiresAt === undefined ? Infinity : new Date(fresh.expiresAt).getTime();
          cached = { credentials, refreshAt: expiresAt - CREDENTIAL_REFRESH_MARGIN_MS };
          return credentials;
        })
        .finally(() => {
          pending = undefined;
        });
    }
    return pending;
  };
}

/** Turns the `credentials` client option into a function the client calls before signing. */
export function credentialSource(
  option: Credentials | CredentialProvider | undefined,
  fallback: CredentialProvider | undefined,
  now: () => number,
): () => Promise<Credentials> {
  if (typeof option === "function") return cachingProvider(option, now);
  if (option !== undefined) {
    const checked = assertUsable(option, "the client options");
    return () => Promise.resolve(checked);
  }
  if (fallback === undefined) {
    // A bare client has no default chain installed: say so when it is built, not per call.
    throw new ConfigurationError(
      "No credentials: pass `credentials` (keys or a provider such as defaultCredentialChain())",
    );
  }
  return cachingProvider(fallback, now, "the default credential chain");
}
