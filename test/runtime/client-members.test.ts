/**
 * Every member a generated client inherits must be on the naming plan's list of names a generated
 * action method may not take: an action "Request" or "Send" would otherwise override the base
 * class's member with another signature (issue 11 added `request`).
 */
import { describe, expect, it } from "vitest";
import { CLIENT_MEMBERS } from "../../generator/emit/naming/runtime-names.js";
import { CoreClient, ServiceClient } from "../../templates/runtime/client.js";

/** Public members of an instance and its class chain up to (not including) Object. */
function publicMembers(instance: object): string[] {
  const names = new Set(Object.keys(instance));
  for (
    let proto: object | null = Object.getPrototypeOf(instance) as object | null;
    proto !== null && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) names.add(name);
  }
  return [...names].sort();
}

const options = {
  region: "ap-guangzhou",
  credentials: { secretId: "AKIDexample", secretKey: "example-key" },
};
const descriptor = { service: "dts", version: "2018-03-30", host: "dts.tencentcloudapi.com" };

describe("CLIENT_MEMBERS", () => {
  it.each([
    ["CoreClient", new CoreClient(descriptor, options)],
    [
      "ServiceClient",
      new ServiceClient({ ...descriptor, errors: { codes: {}, categories: {} } }, options),
    ],
  ])("lists every public member of %s", (_name, client) => {
    const members = publicMembers(client);
    expect(members).toContain("request");
    expect(members.filter((name) => !CLIENT_MEMBERS.includes(name))).toEqual([]);
    client.close();
  });
});
