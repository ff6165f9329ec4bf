/**
 * The official-SDK app for the browser build: the same call as official-app.ts without the
 * Node-only loopback routing, so that any build failure is the SDK's own.
 */
import { dts } from "tencentcloud-sdk-nodejs/tencentcloud/services/dts/index.js";

const client = new dts.v20180330.Client({
  credential: {
    secretId: "AKIDbenchmarkSECRETID0000000000000000",
    secretKey: "benchmarkSecretKey00000000000000",
  },
  region: "ap-guangzhou",
});

client
  .ModifyMigrateJob({
    JobId: "dts-1kl0iy0v",
    JobName: "userdts",
    MigrateOption: { RunMode: 1, MigrateType: 2 },
    DstInfo: { Region: "ap-guangzhou", ReadOnly: 0 },
  })
  .then((response) => console.log(`RequestId=${response.RequestId}`));
