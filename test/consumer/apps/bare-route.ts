// The tree-shakeable route as a user writes it: a bare client with explicit keys and the
// action function. PORT is defined by the test's bundler.
import { createBareDtsClient, modifyMigrateJob } from "@tcgen/dts/v20180330";

declare const PORT: string;

const client = createBareDtsClient({
  region: "ap-guangzhou",
  credentials: { secretId: "AKIDconsumerBundle01", secretKey: "consumer-bundle-secret" },
  endpoint: `http://127.0.0.1:${PORT}`,
});
modifyMigrateJob(client, { JobId: "dts-1kl0iy0v", MigrateOption: { RunMode: 1 } }).then(
  (response) => console.log(`RequestId=${response.RequestId}`),
  (error: unknown) => {
    console.log(`failed: ${String(error)}`);
    process.exitCode = 1;
  },
);
