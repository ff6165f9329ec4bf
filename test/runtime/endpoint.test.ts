import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../../templates/runtime/errors.js";
import {
  assertValidRegion,
  parseEndpoint,
  resolveEndpoint,
} from "../../templates/runtime/endpoint.js";

describe("assertValidRegion", () => {
  it.each([
    "ap-guangzhou",
    "ap-shanghai-fsi",
    "na-siliconvalley",
    "eu-frankfurt",
    "ap-guangzhou-open",
  ])("accepts %s", (region) => expect(() => assertValidRegion(region)).not.toThrow());
  it.each([
    "",
    "ap",
    "AP-GUANGZHOU",
    "ap-guangzhou.evil.com",
    "ap-guangzhou/../x",
    "evil.com#",
    "ap guangzhou",
  ])("rejects %j", (region) => expect(() => assertValidRegion(region)).toThrow(ConfigurationError));
});

describe("parseEndpoint", () => {
  it.each([
    {
      given: "dts.tencentcloudapi.com",
      url: "https://dts.tencentcloudapi.com/",
      hostHeader: "dts.tencentcloudapi.com",
      signedHost: "dts.tencentcloudapi.com",
    },
    {
      given: "https://dts.tencentcloudapi.com",
      url: "https://dts.tencentcloudapi.com/",
      hostHeader: "dts.tencentcloudapi.com",
      signedHost: "dts.tencentcloudapi.com",
    },
    {
      given: "http://127.0.0.1:8080",
      url: "http://127.0.0.1:8080/",
      hostHeader: "127.0.0.1:8080",
      signedHost: "127.0.0.1",
    },
    {
      given: "http://localhost:9",
      url: "http://localhost:9/",
      hostHeader: "localhost:9",
      signedHost: "localhost",
    },
    {
      given: "http://[::1]:8080",
      url: "http://[::1]:8080/",
      hostHeader: "[::1]:8080",
      signedHost: "[::1]",
    },
  ])("accepts $given", ({ given, ...want }) => {
    expect(parseEndpoint(given)).toEqual(want);
  });

  it.each([
    { given: "http://dts.tencentcloudapi.com", why: "plain http" },
    { given: "dts.tencentcloudapi.com:8443", why: "port" },
    { given: "dts.tencentcloudapi.com/path", why: "path" },
    { given: "dts.tencentcloudapi.com/", why: "path" },
    { given: "dts.tencentcloudapi.com?x=1", why: "query" },
    { given: "user:pw@dts.tencentcloudapi.com", why: "credentials" },
    { given: "evil.com#dts.tencentcloudapi.com", why: "fragment" },
    { given: "ftp://dts.tencentcloudapi.com", why: "scheme" },
    { given: "http://127.0.0.1.evil.com:80", why: "not loopback" },
    { given: "", why: "empty" },
  ])("rejects $given ($why)", ({ given }) => {
    expect(() => parseEndpoint(given)).toThrow(ConfigurationError);
  });
});

describe("resolveEndpoint", () => {
  const base = { defaultHost: "dts.tencentcloudapi.com", service: "dts" };
  it.each([
    {
      name: "default host",
      given: { region: "ap-guangzhou" },
      want: "https://dts.tencentcloudapi.com/",
    },
    {
      name: "finance template",
      given: { region: "ap-shanghai-fsi", financeHostTemplate: "dts.{region}.tencentcloudapi.com" },
      want: "https://dts.ap-shanghai-fsi.tencentcloudapi.com/",
    },
    {
      name: "finance without template",
      given: { region: "ap-shenzhen-fsi" },
      want: "https://dts.ap-shenzhen-fsi.tencentcloudapi.com/",
    },
    {
      name: "explicit endpoint wins",
      given: { region: "ap-shanghai-fsi", endpoint: "http://127.0.0.1:8080" },
      want: "http://127.0.0.1:8080/",
    },
  ])("$name", ({ given, want }) => {
    expect(resolveEndpoint({ ...base, ...given }).url).toBe(want);
  });
});
