/**
 * Issue 7, portability: the runtime bundled for the browser through the package.json `browser`
 * field runs in headless Chromium, signs a ModifyMigrateJob request there with WebCrypto, and
 * produces exactly the request and signature Node produces with node:crypto for the same input.
 *
 * Needs Chromium (Debian package `chromium`, or $CHROMIUM_BIN). Without it the test is skipped
 * with a notice locally, and fails when CI is set, since .ci/run installs it.
 */
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ServiceClient } from "../../templates/runtime/client.js";
import { serializeRequestBody } from "../../templates/runtime/json.js";
import { verifyTc3 } from "../../templates/mock/verify-signature.js";
import { signTc3 } from "../../templates/runtime/signer.js";
import { createValidator } from "../../templates/runtime/validation.js";
import { createBrowserTestPackage, type BrowserTestPackage } from "./browser-package.js";
import { dumpDom, findChromium } from "./headless-chromium.js";
import {
  SCENARIO_KEYS,
  sendModifyMigrateJob,
  signModifyMigrateJob,
  type ScenarioResult,
} from "./modify-migrate-job-scenario.js";
import { servePage, type ReceivedCall, type ServedPage } from "./page-server.js";

const chromium = findChromium();
const inCi = (process.env["CI"] ?? "") !== "" && process.env["CI"] !== "false";
const INSTALL_HINT =
  "headless Chromium not found: install Debian's `chromium` package (apt-get install chromium) " +
  "or set CHROMIUM_BIN to a Chromium/Chrome binary";
if (chromium === undefined && !inCi) {
  console.warn(`[test/browser] skipped: ${INSTALL_HINT}`);
}

const scenarioModule = fileURLToPath(new URL("./modify-migrate-job-scenario.ts", import.meta.url));

// Runs at the root of the test package, so its runtime imports go through the `browser` field.
const ENTRY = `
import { ServiceClient } from "./src/runtime/client.js";
import { serializeRequestBody } from "./src/runtime/json.js";
import { signTc3 } from "./src/runtime/signer.js";
import { createValidator } from "./src/runtime/validation.js";
import { sendModifyMigrateJob, signModifyMigrateJob } from ${JSON.stringify(scenarioModule)};

const out = document.getElementById("result");
const report = (value) => { out.textContent = encodeURIComponent(JSON.stringify(value)); };
report({ state: "started", secureContext: window.isSecureContext });
const runtime = { ServiceClient, createValidator, serializeRequestBody, signTc3 };
(async () => {
  const result = await signModifyMigrateJob(runtime);
  const requestId = await sendModifyMigrateJob(runtime, location.origin);
  return { state: "done", result, requestId };
})().then(report, (error) =>
  report({ state: "failed", error: String(error && error.stack ? error.stack : error) }),
);
`;

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>tcgen signer</title></head>
<body><pre id="result">not run</pre><script type="module" src="/bundle.js"></script></body></html>`;

type PageReport =
  | { state: "started"; secureContext: boolean }
  | { state: "done"; result: ScenarioResult; requestId: string }
  | { state: "failed"; error: string };

function readReport(dom: string): PageReport | undefined {
  const m = /<pre id="result">([^<]*)<\/pre>/.exec(dom);
  if (m === null || m[1] === "not run") return undefined;
  return JSON.parse(decodeURIComponent(m[1] ?? "")) as PageReport;
}

function verifyReceived(call: ReceivedCall) {
  const header = (name: string) => {
    const value = call.headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  return verifyTc3({
    authorization: header("authorization") ?? "",
    secretKeyFor: (id) => (id === SCENARIO_KEYS.secretId ? SCENARIO_KEYS.secretKey : undefined),
    method: "POST",
    uri: "/",
    query: "",
    headers: { "content-type": header("content-type"), host: header("host") },
    timestamp: Number(header("x-tc-timestamp")),
    payload: call.body,
  });
}

/** What both platforms must send identically (user agents and connection headers may differ). */
function onTheWire(call: ReceivedCall) {
  const picked: Record<string, unknown> = { body: call.body };
  for (const name of ["authorization", "content-type", "host"]) picked[name] = call.headers[name];
  for (const [name, value] of Object.entries(call.headers)) {
    if (name.startsWith("x-tc-")) picked[name] = value;
  }
  return picked;
}

describe.skipIf(chromium === undefined && !inCi)("signing in headless Chromium", () => {
  let pkg: BrowserTestPackage;
  let page: ServedPage | undefined;
  let bundle: string;
  const received: ReceivedCall[] = [];

  beforeAll(async () => {
    pkg = await createBrowserTestPackage();
    bundle = await pkg.bundle(ENTRY);
    page = await servePage(PAGE, { "bundle.js": bundle }, (call) => {
      received.push(call);
      const verdict = verifyReceived(call);
      const requestId = `req-${received.length}-${verdict.ok ? "verified" : verdict.reason}`;
      return JSON.stringify({ Response: { RequestId: requestId } });
    });
  });
  afterAll(async () => {
    await page?.close();
    await pkg?.remove();
  });

  it("the bundle uses WebCrypto and fetch, not node:crypto or node:http", () => {
    expect(bundle).toContain("subtle");
    expect(bundle).not.toMatch(/["']node:|require\(/);
  });

  it("signs ModifyMigrateJob exactly as Node does", { timeout: 90_000 }, async () => {
    if (chromium === undefined) throw new Error(`CI is set but ${INSTALL_HINT}`);
    const { dom, stderr } = await dumpDom(chromium, page!.url);
    const report = readReport(dom);
    if (report?.state !== "done") {
      throw new Error(
        `the page did not finish signing: ${JSON.stringify(report)}\nDOM:\n${dom}\nChromium log:\n${stderr}`,
      );
    }
    const inNode = await signModifyMigrateJob({
      ServiceClient,
      createValidator,
      serializeRequestBody,
      signTc3,
    });
    expect(report.result).toEqual(inNode);

    // Sent over fetch by Chromium, then over node:http by Node, to the same local endpoint.
    expect(report.requestId).toBe("req-1-verified");
    const origin = page!.url.slice(0, -1);
    const runtime = { ServiceClient, createValidator, serializeRequestBody, signTc3 };
    expect(await sendModifyMigrateJob(runtime, origin)).toBe("req-2-verified");
    const [fromChromium, fromNode] = received.map(onTheWire);
    expect(fromChromium).toEqual(fromNode);
    expect(fromChromium?.body).toBe(inNode.body);

    // Equal and also valid: the server-side check accepts what Chromium signed.
    const wire = report.result;
    const verified = verifyTc3({
      authorization: wire.headers["Authorization"] ?? "",
      secretKeyFor: (id) => (id === SCENARIO_KEYS.secretId ? SCENARIO_KEYS.secretKey : undefined),
      method: "POST",
      uri: "/",
      query: "",
      headers: { "content-type": wire.headers["Content-Type"], host: wire.headers["Host"] },
      timestamp: Number(wire.headers["X-TC-Timestamp"]),
      payload: wire.body,
    });
    expect(verified).toEqual({ ok: true, secretId: SCENARIO_KEYS.secretId, service: "dts" });
    expect(wire.headers["Authorization"]).toBe(wire.direct.authorization);
  });
});
