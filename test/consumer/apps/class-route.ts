// The client-class route as a user writes it: DtsClient with its documented defaults.
import { DtsClient } from "@tcgen/dts/v20180330";

declare const PORT: string;

const client = new DtsClient({
  region: "ap-guangzhou",
  credentials: { secretId: "AKIDconsumerBundle01", secretKey: "consumer-bundle-secret" },
  endpoint: `http://127.0.0.1:${PORT}`,
});
client.modifyMigrateJob({ JobId: "dts-1kl0iy0v", MigrateOption: { RunMode: 1 } }).then(
  (response) => console.log(`RequestId=${response.RequestId}`),
  (error: unknown) => {
    console.log(`failed: ${String(error)}`);
    process.exitCode = 1;
  },
);
