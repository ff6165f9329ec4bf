/**
 * The tiny app the bundle-size and cold-start benchmarks build with our package, written the way
 * a user of the tree-shakeable route writes it: a bare client with explicit keys (no retries,
 * rate limiter, default credential chain or error classes installed) and the `modifyMigrateJob`
 * function; the RequestId printed. LOOPBACK_PORT points it at a local server.
 */
import { createBareDtsClient, modifyMigrateJob } from "@tcgen/dts/v20180330";

declare const LOOPBACK_PORT: string | undefined;

const client = createBareDtsClient({
  region: "ap-guangzhou",
  credentials: {
    secretId: "AKIDbenchmarkSECRETID0000000000000000",
    secretKey: "benchmarkSecretKey00000000000000",
  },
  ...(typeof LOOPBACK_PORT === "string" ? { endpoint: `http://127.0.0.1:${LOOPBACK_PORT}` } : {}),
});

modifyMigrateJob(client, {
  JobId: "dts-1kl0iy0v",
  JobName: "userdts",
  MigrateOption: { RunMode: 1, MigrateType: 2 },
  DstInfo: { Region: "ap-guangzhou", ReadOnly: 0 },
}).then((response) => console.log(`RequestId=${response.RequestId}`));
