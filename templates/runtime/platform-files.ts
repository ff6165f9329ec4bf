/**
 * The runtime files a browser build swaps, as "file as imported" -> "replacement". Each
 * replacement has the same exports as the file it replaces (the signer's hashing functions
 * return promises there, since WebCrypto is asynchronous). `crypto.ts` is deliberately absent:
 * only `signer.ts` imports it, and `signer-browser.ts` imports `crypto-web.ts` itself, so a
 * browser bundle that still reached node:crypto would fail to build rather than sign wrongly.
 *
 * A package carries this as its package.json `browser` field (`browserField`), which esbuild,
 * webpack, rollup and vite honour for browser targets, so no code sniffs its platform at run time.
 */
export const BROWSER_FILE_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  "default-credentials.js": "default-credentials-browser.js",
  "default-transport.js": "default-transport-browser.js",
  "signer.js": "signer-browser.js",
  "transport-node.js": "transport-node-browser.js",
};

/**
 * The package.json `browser` field for a package whose runtime is copied to each of
 * `runtimeFolders` (package-relative, e.g. "./src/runtime" and "./dist/runtime"). Keys are import
 * specifiers as written (`.js`), which bundlers also match for the `.ts` sources behind them.
 */
export function browserField(runtimeFolders: readonly string[]): Record<string, string> {
  const field: Record<string, string> = {};
  for (const folder of runtimeFolders) {
    for (const [file, replacement] of Object.entries(BROWSER_FILE_SUBSTITUTIONS)) {
      field[`${folder}/${file}`] = `${folder}/${replacement}`;
    }
  }
  return field;
}
