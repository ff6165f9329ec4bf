/**
 * The runtime files a non-Node build swaps, as "file as imported" -> "replacement". Package
 * builds express this as the package.json `browser` field (honoured by esbuild, webpack,
 * rollup and vite for browser targets), so no code sniffs its platform at run time.
 */
export const BROWSER_FILE_SUBSTITUTIONS: Readonly<Record<string, string>> = {
  "crypto.js": "crypto-web.js",
  "default-transport.js": "default-transport-browser.js",
  "default-credentials.js": "default-credentials-browser.js",
};
