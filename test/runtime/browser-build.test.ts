/**
 * The runtime builds for the browser with the platform files swapped (no node: import left),
 * and the swapped signer produces the same signature as the Node one.
 */
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { BROWSER_FILE_SUBSTITUTIONS } from "../../templates/runtime/platform-files.js";
import { signTc3, type SignTc3Input } from "../../templates/runtime/signer.js";

const runtimeDir = fileURLToPath(new URL("../../templates/runtime/", import.meta.url));

const substitute: Plugin = {
  name: "browser-file-substitutions",
  setup(b) {
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      const file = args.path.slice(2);
      const replacement = BROWSER_FILE_SUBSTITUTIONS[file] ?? file;
      return { path: runtimeDir + replacement.replace(/\.js$/, ".ts") };
    });
  },
};

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [runtimeDir + entry],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    plugins: [substitute],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("browser build of the runtime", () => {
  it("bundles the client with no node: imports", async () => {
    const code = await bundle("client.ts");
    expect(code).toContain("ServiceClient");
    expect(code).not.toMatch(/from\s*["']node:|require\(["']node:/);
  });

  it("signs exactly like the Node build", async () => {
    const code = await bundle("signer.ts");
    expect(code).not.toContain("node:crypto");
    const browserSigner = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as { signTc3: typeof signTc3 };
    const input: SignTc3Input = {
      secretId: "AKIDbrowser",
      secretKey: "browser-key",
      service: "dts",
      host: "dts.tencentcloudapi.com",
      timestamp: 1_764_000_000,
      contentType: "application/json",
      payload: '{"JobId":"dts-1","Name":"迁移 😀"}',
    };
    expect(browserSigner.signTc3(input)).toEqual(signTc3(input));
  });
});
