/**
 * The runtime builds for the browser through its package.json `browser` field (no node: import
 * left), every swapped file has the exports of the file it replaces, and the bundled signer (run
 * here in Node over Node's WebCrypto) signs like the Node one. test/browser/ runs it in Chromium.
 */
import { readdir, readFile } from "node:fs/promises";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BROWSER_FILE_SUBSTITUTIONS,
  browserField,
} from "../../templates/runtime/platform-files.js";
import { signTc3, type SignTc3Input } from "../../templates/runtime/signer.js";
import {
  createBrowserTestPackage,
  RUNTIME_TEMPLATES,
  type BrowserTestPackage,
} from "../browser/browser-package.js";

let pkg: BrowserTestPackage;
beforeAll(async () => {
  pkg = await createBrowserTestPackage();
});
afterAll(async () => {
  await pkg?.remove();
});

/** Value names the runtime files (other than `specifier` itself) import from `specifier`. */
async function namesImportedFrom(specifier: string): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await readdir(RUNTIME_TEMPLATES)) {
    if (!file.endsWith(".ts")) continue;
    const source = ts.createSourceFile(
      file,
      await readFile(RUNTIME_TEMPLATES + file, "utf8"),
      ts.ScriptTarget.Latest,
    );
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
      if ((statement.moduleSpecifier as ts.StringLiteral).text !== specifier) continue;
      const bindings = statement.importClause?.namedBindings;
      if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
      for (const element of bindings.elements) {
        if (!element.isTypeOnly) names.add((element.propertyName ?? element.name).text);
      }
    }
  }
  return [...names].sort();
}

const NODE_IMPORT = /from\s*["']node:|import\(["']node:|require\(["']node:/;

describe("browserField", () => {
  it.each([
    {
      given: ["./src/runtime"],
      want: {
        "./src/runtime/default-credentials.js": "./src/runtime/default-credentials-browser.js",
        "./src/runtime/default-transport.js": "./src/runtime/default-transport-browser.js",
        "./src/runtime/signer.js": "./src/runtime/signer-browser.js",
        "./src/runtime/transport-node.js": "./src/runtime/transport-node-browser.js",
      },
    },
    {
      given: ["./src/runtime", "./dist/runtime"],
      want: {
        "./src/runtime/default-credentials.js": "./src/runtime/default-credentials-browser.js",
        "./src/runtime/default-transport.js": "./src/runtime/default-transport-browser.js",
        "./src/runtime/signer.js": "./src/runtime/signer-browser.js",
        "./src/runtime/transport-node.js": "./src/runtime/transport-node-browser.js",
        "./dist/runtime/default-credentials.js": "./dist/runtime/default-credentials-browser.js",
        "./dist/runtime/default-transport.js": "./dist/runtime/default-transport-browser.js",
        "./dist/runtime/signer.js": "./dist/runtime/signer-browser.js",
        "./dist/runtime/transport-node.js": "./dist/runtime/transport-node-browser.js",
      },
    },
  ])("for $given", ({ given, want }) => {
    expect(browserField(given)).toEqual(want);
  });
});

describe("browser build of the runtime", () => {
  it.each(Object.entries(BROWSER_FILE_SUBSTITUTIONS))(
    "%s: its replacement %s exports every name the runtime imports from it",
    async (file, replacement) => {
      const swapped = (await import(
        RUNTIME_TEMPLATES + replacement.replace(/\.js$/, ".ts")
      )) as object;
      const used = await namesImportedFrom(`./${file}`);
      expect(used.length).toBeGreaterThan(0);
      expect(Object.keys(swapped)).toEqual(expect.arrayContaining(used));
    },
  );

  it("bundles the client with no node: imports", async () => {
    const code = await pkg.bundle(
      'export { ServiceClient } from "./src/runtime/client.js";\n' +
        'export { createDefaultTransport } from "./src/runtime/default-transport.js";\n',
    );
    expect(code).toContain("ServiceClient");
    expect(code).not.toMatch(NODE_IMPORT);
  });

  it("bundles both transport factories (as a version entry exports them) with no node: imports", async () => {
    const code = await pkg.bundle(
      'export { createFetchTransport } from "./src/runtime/transport-fetch.js";\n' +
        'export { createNodeTransport } from "./src/runtime/transport-node.js";\n',
    );
    expect(code).not.toMatch(NODE_IMPORT);
    const bundled = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as { createNodeTransport: () => unknown; createFetchTransport: () => unknown };
    expect(bundled.createFetchTransport()).toHaveProperty("send");
    expect(() => bundled.createNodeTransport()).toThrow(/use createFetchTransport\(\)/);
  });

  it("would not build if the browser field were missing (the field is what swaps the files)", async () => {
    const withoutField = await import("esbuild").then(({ build }) =>
      build({
        entryPoints: [RUNTIME_TEMPLATES + "client.ts"],
        bundle: true,
        write: false,
        format: "esm",
        platform: "browser",
        logLevel: "silent",
      }).then(
        () => "built",
        (error: Error) => error.message,
      ),
    );
    expect(withoutField).toMatch(/node:/);
  });

  it("signs exactly like the Node build", async () => {
    const code = await pkg.bundle('export { signTc3 } from "./src/runtime/signer.js";\n');
    expect(code).not.toMatch(NODE_IMPORT);
    const browserSigner = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString("base64")}`
    )) as { signTc3: (input: SignTc3Input) => Promise<ReturnType<typeof signTc3>> };
    const input: SignTc3Input = {
      secretId: "AKIDbrowser",
      secretKey: "browser-key",
      service: "dts",
      host: "dts.tencentcloudapi.com",
      timestamp: 1_764_000_000,
      contentType: "application/json",
      payload: '{"JobId":"dts-1","Name":"迁移 😀"}',
    };
    const signed = browserSigner.signTc3(input);
    expect(signed).toBeInstanceOf(Promise);
    expect(await signed).toEqual(signTc3(input));
  });
});
