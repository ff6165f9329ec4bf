/**
 * Where a signed request may go. A region or endpoint string comes from configuration that a
 * hostile party may influence, so both are validated before anything is signed: the region must
 * look like a region name, and an endpoint must be a bare host (no path, query, credentials),
 * with a port and plain http allowed only on loopback (for local tests and mock servers).
 */
import { ConfigurationError } from "./errors.js";

/** Regions whose API lives on a per-region finance host. */
export const FINANCE_REGIONS: ReadonlySet<string> = new Set(["ap-shanghai-fsi", "ap-shenzhen-fsi"]);

// "ap-guangzhou", "ap-shanghai-fsi", "na-siliconvalley", "eu-frankfurt", "ap-guangzhou-open".
const REGION_PATTERN = /^[a-z]{2,10}(?:-[a-z0-9]{1,20}){1,3}$/;

/**
 * Throws `ConfigurationError` unless `region` is a region name. From JavaScript the option may be
 * missing or not a string at all; `missingHint` says where else a region could have come from.
 */
export function assertValidRegion(region: unknown, missingHint = ""): asserts region is string {
  if (region === undefined || region === null || region === "") {
    throw new ConfigurationError(
      `No region: pass \`region\` (a region name such as "ap-guangzhou")${missingHint}`,
    );
  }
  if (typeof region !== "string") {
    throw new ConfigurationError(
      `Invalid region: expected a string such as "ap-guangzhou", got ${typeof region}`,
    );
  }
  if (!REGION_PATTERN.test(region)) {
    throw new ConfigurationError(
      `Invalid region ${JSON.stringify(region.slice(0, 64))}: expected a region name such as "ap-guangzhou"`,
    );
  }
}

/** A resolved, validated endpoint. */
export interface ResolvedEndpoint {
  /** URL requests are posted to, e.g. "https://dts.tencentcloudapi.com/". */
  readonly url: string;
  /** Value of the Host header (with the port, when there is one). */
  readonly hostHeader: string;
  /** Host as signed: the hostname without a port. */
  readonly signedHost: string;
}

export interface EndpointInputs {
  readonly defaultHost: string;
  readonly service: string;
  readonly financeHostTemplate?: string;
  readonly region: string;
  readonly endpoint?: string;
  /**
   * Host names (besides loopback) to which plain http and a port are allowed: test set-ups only.
   */
  readonly allowInsecureHttp?: readonly string[];
}

/**
 * Picks the endpoint: explicit `endpoint`, else the finance host in a finance region, else the
 * default.
 */
export function resolveEndpoint(inputs: EndpointInputs): ResolvedEndpoint {
  if (inputs.endpoint !== undefined) {
    return parseEndpoint(inputs.endpoint, insecureHostsOf(inputs.allowInsecureHttp));
  }
  if (FINANCE_REGIONS.has(inputs.region)) {
    const template = inputs.financeHostTemplate ?? `${inputs.service}.{region}.tencentcloudapi.com`;
    return parseEndpoint(template.replace("{region}", inputs.region));
  }
  return parseEndpoint(inputs.defaultHost);
}

/** A host name as `allowInsecureHttp` takes it: letters, digits, dots and hyphens, no port. */
const HOST_NAME = /^[a-z0-9](?:[a-z0-9-]{0,62})(?:\.[a-z0-9](?:[a-z0-9-]{0,62}))*$/i;

/**
 * The `allowInsecureHttp` option checked: an array of bare host names (e.g. ["mock"] for a mock
 * in a docker-compose service). Anything else is a `ConfigurationError`, so a typo cannot turn
 * into "plain http allowed everywhere".
 */
export function insecureHostsOf(option: unknown): ReadonlySet<string> | undefined {
  if (option === undefined) return undefined;
  if (!Array.isArray(option)) {
    throw new ConfigurationError(
      `allowInsecureHttp must be an array of host names such as ["mock"], got ${typeof option}`,
    );
  }
  const hosts = new Set<string>();
  for (const host of option as unknown[]) {
    if (typeof host !== "string" || !HOST_NAME.test(host)) {
      const shown = typeof host === "string" ? JSON.stringify(host.slice(0, 64)) : typeof host;
      throw new ConfigurationError(
        `allowInsecureHttp: ${shown} is not a bare host name (no scheme, port or path), e.g. "mock"`,
      );
    }
    hosts.add(host.toLowerCase());
  }
  return hosts;
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}

/**
 * Validates "host", "https://host" or, on loopback only, "http://127.0.0.1:8080"; a host in
 * `insecureHosts` (the `allowInsecureHttp` option) is treated like loopback.
 */
export function parseEndpoint(
  endpoint: string,
  insecureHosts?: ReadonlySet<string>,
): ResolvedEndpoint {
  if (typeof endpoint !== "string") {
    throw new ConfigurationError(
      `Invalid endpoint: expected a host name string, got ${typeof endpoint}`,
    );
  }
  const shown = JSON.stringify(endpoint.slice(0, 128));
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigurationError(`Invalid endpoint ${shown}: not a host name`);
  }
  const problems: string[] = [];
  if (url.protocol !== "https:" && url.protocol !== "http:") problems.push("scheme must be https");
  if (url.username !== "" || url.password !== "") problems.push("credentials are not allowed");
  if (url.pathname !== "/" || url.search !== "" || url.hash !== "" || /[/?#]$/.test(endpoint)) {
    problems.push("it must be a host only, with no path, query or fragment");
  }
  const loopback = isLoopback(url.hostname) || insecureHosts?.has(url.hostname) === true;
  const where =
    insecureHosts === undefined
      ? "loopback (for a test host, list it in allowInsecureHttp)"
      : "loopback and the allowInsecureHttp hosts";
  if (url.protocol === "http:" && !loopback) {
    problems.push(`plain http is allowed only on ${where}`);
  }
  if (url.port !== "" && !loopback) problems.push(`a port is allowed only on ${where}`);
  if (problems.length > 0) {
    throw new ConfigurationError(`Invalid endpoint ${shown}: ${problems.join("; ")}`);
  }
  return { url: `${url.protocol}//${url.host}/`, hostHeader: url.host, signedHost: url.hostname };
}
