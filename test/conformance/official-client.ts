/**
 * Tencent's official DTS client, pointed at a mock server. The client derives the signing
 * service from its endpoint's first label, so the endpoint stays "dts.tencentcloudapi.com" (over
 * plain http) and an http.Agent routes its connections to the mock's port instead.
 */
import { Agent } from "node:http";
import { createRequire } from "node:module";
import { connect } from "node:net";

interface OfficialDtsClient {
  ModifyMigrateJob(request: unknown): Promise<Record<string, unknown>>;
}

interface OfficialDtsClientClass {
  new (config: {
    credential: { secretId: string; secretKey: string };
    region: string;
    profile?: {
      language?: string;
      httpProfile?: { protocol?: string; agent?: Agent; reqTimeout?: number; endpoint?: string };
    };
  }): OfficialDtsClient;
}

const require = createRequire(import.meta.url);

/** Loads only the DTS client module, not the whole SDK index (hundreds of services). */
function loadOfficialDtsClient(): OfficialDtsClientClass {
  const module =
    require("tencentcloud-sdk-nodejs/tencentcloud/services/dts/v20180330/dts_client.js") as {
      Client: OfficialDtsClientClass;
    };
  return module.Client;
}

/** An agent whose every connection goes to 127.0.0.1:port, whatever host the URL names. */
function agentTo(port: number): Agent {
  const agent = new Agent({ keepAlive: false });
  Object.assign(agent, { createConnection: () => connect(port, "127.0.0.1") });
  return agent;
}

export function officialDtsClient(options: {
  mockPort: number;
  secretId: string;
  secretKey: string;
  region?: string;
}): OfficialDtsClient {
  const Client = loadOfficialDtsClient();
  return new Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    region: options.region ?? "ap-guangzhou",
    profile: {
      httpProfile: { protocol: "http://", agent: agentTo(options.mockPort), reqTimeout: 10 },
    },
  });
}
