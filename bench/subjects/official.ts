/**
 * The official Tencent Cloud Node SDK (tencentcloud-sdk-nodejs), loaded the way an app loads it
 * (CommonJS `require`), plus its internal signer and JSON serialiser for the signing benchmark.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface OfficialDtsClient {
  ModifyMigrateJob(request: unknown): Promise<{ RequestId?: string }>;
}

export interface OfficialClientConfig {
  readonly credential: { readonly secretId: string; readonly secretKey: string };
  readonly region: string;
  readonly profile: {
    readonly httpProfile: {
      readonly protocol?: string;
      readonly endpoint?: string;
      readonly agent?: unknown;
      readonly reqTimeout?: number;
    };
  };
}

export function loadOfficialDtsClient(): new (config: OfficialClientConfig) => OfficialDtsClient {
  const sdk = require("tencentcloud-sdk-nodejs/tencentcloud/services/dts") as {
    dts: { v20180330: { Client: new (config: OfficialClientConfig) => OfficialDtsClient } };
  };
  return sdk.dts.v20180330.Client;
}

export interface OfficialSign3Input {
  readonly method: "POST";
  readonly url: string;
  readonly payload: unknown;
  readonly timestamp: number;
  readonly service: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** The signer the official DTS client calls (its own copy of the common package). */
export function loadOfficialSigner(): {
  sign3: (input: OfficialSign3Input) => string;
  stringify: (value: unknown) => string;
} {
  const sdkRoot = require.resolve("tencentcloud-sdk-nodejs/package.json");
  const sdkRequire = createRequire(sdkRoot);
  const sign = sdkRequire("./tencentcloud/common/sign.js") as {
    default: { sign3: (input: OfficialSign3Input) => string };
  };
  const jsonBigint = sdkRequire("json-bigint") as (options: { useNativeBigInt: boolean }) => {
    stringify: (value: unknown) => string;
  };
  const json = jsonBigint({ useNativeBigInt: true });
  return { sign3: (input) => sign.default.sign3(input), stringify: (v) => json.stringify(v) };
}
