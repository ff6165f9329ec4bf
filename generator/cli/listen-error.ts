/**
 * Why a server could not listen, in one line a user can act on, for the errors that come from the
 * command line (a port that is taken, an address this machine does not have); undefined for any
 * other error, which is a bug and is reported as one.
 */
export function listenErrorMessage(error: unknown, host: string, port: number): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host.includes(":") ? `[${host}]` : host}:${port}`;
  switch (code) {
    case "EADDRINUSE":
      return `port ${port} is already in use on ${host} (${where}); choose another --port, or --port 0 for a free one`;
    case "EACCES":
      return `not allowed to listen on ${where} (ports below 1024 need privileges); choose another --port`;
    case "EADDRNOTAVAIL":
      return `--host ${host} is not an address of this machine; use 127.0.0.1, or 0.0.0.0 for every interface`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `--host ${host} is not an address or a name this machine can resolve`;
    case "EAFNOSUPPORT":
      return `--host ${host}: this machine does not support that address family (IPv6?)`;
    default:
      return undefined;
  }
}
