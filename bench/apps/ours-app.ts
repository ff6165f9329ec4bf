/**
 * The tiny app the bundle-size benchmark builds with our package: one client, one
 * modifyMigrateJob call, the RequestId printed. LOOPBACK_PORT points it at a local server.
 */
import { DtsClient } from "@tcgen/dts/v20180330";

declare const LOOPBACK_PORT: string | undefined;

const client = new DtsClient({
  region: "ap-guangzhou",
  credentials: {
    secretId: "AKIDbenchmarkSECRETID0000000000000000",
    secretKey: "benchmarkSecretKey00000000000000",
  },
  ...(typeof LOOPBACK_PORT === "string" ? { endpoint: `http://127.0.0.1:${LOOPBACK_PORT}` } : {}),
});

client
  .modifyMigrateJob({
    JobId: "dts-1kl0iy0v",
    JobName: "userdts",
    MigrateOption: { RunMode: 1, MigrateType: 2 },
    DstInfo: { Region: "ap-guangzhou", ReadOnly: 0 },
  })
  .then((response) => console.log(`RequestId=${response.RequestId}`));
