/**
 * The same app with the official SDK's DTS client (tencentcloud-sdk-nodejs), for the
 * bundle-size benchmark. LOOPBACK_PORT routes its connection to a local server while the
 * signed host stays dts.tencentcloudapi.com.
 */
import { createConnection } from "node:net";
import { Agent } from "node:http";
import { dts } from "tencentcloud-sdk-nodejs/tencentcloud/services/dts/index.js";

declare const LOOPBACK_PORT: string | undefined;

const loopback = typeof LOOPBACK_PORT === "string" ? Number(LOOPBACK_PORT) : undefined;
const agent = new Agent({ keepAlive: true });
if (loopback !== undefined) {
  (agent as unknown as { createConnection: unknown }).createConnection = (
    _options: unknown,
    callback?: () => void,
  ) => createConnection({ host: "127.0.0.1", port: loopback }, callback);
}

const client = new dts.v20180330.Client({
  credential: {
    secretId: "AKIDbenchmarkSECRETID0000000000000000",
    secretKey: "benchmarkSecretKey00000000000000",
  },
  region: "ap-guangzhou",
  profile: {
    httpProfile: loopback === undefined ? {} : { protocol: "http://", agent },
  },
});

client
  .ModifyMigrateJob({
    JobId: "dts-1kl0iy0v",
    JobName: "userdts",
    MigrateOption: { RunMode: 1, MigrateType: 2 },
    DstInfo: { Region: "ap-guangzhou", ReadOnly: 0 },
  })
  .then((response) => {
    console.log(`RequestId=${response.RequestId}`);
    agent.destroy();
  });
