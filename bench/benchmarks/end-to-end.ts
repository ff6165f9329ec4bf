/**
 * End-to-end requests per second on loopback, sequential and at concurrency 16: the generated
 * DtsClient.modifyMigrateJob and the official SDK's DTS client, each against the floor (a bare
 * keep-alive http.request with precomputed headers), all on the same bare server.
 *
 * Fairness: our client runs with `rateLimit: false` (the documented 20 requests/s limit would
 * otherwise be the thing measured); the official client gets a keep-alive agent too (its default
 * opens a connection per request), routed to the loopback port with the real DTS host name kept,
 * so it signs the service it would sign in production.
 */
import http from "node:http";
import net from "node:net";
import type { Benchmark } from "../harness/benchmark.js";
import { compareRates } from "../harness/measure.js";
import { atLeast, errorRow, measuredRow, reportOnly, type BenchRow } from "../harness/row.js";
import { checkCapturedSignature, type CapturedRequest } from "../floor/floor-signer.js";
import {
  CREDENTIALS,
  HOST,
  MODIFY_MIGRATE_JOB_REQUEST,
  REGION,
  SERVICE,
} from "../fixtures/modify-migrate-job.js";
import { startBareServer, type BareServer } from "../loopback/bare-server.js";
import { createBareClient, runConcurrently } from "../loopback/bare-client.js";
import { loadOfficialDtsClient } from "../subjects/official.js";
import { loadOurDts } from "../subjects/ours.js";

const CONCURRENCY = 16;
const EXPECTED_REQUEST_ID = "27ef2b7c-a786-48b4-9404-2f9baf3f4916";
const rowName = (who: string, concurrency: number) =>
  `e2e req/s loopback, ${concurrency === 1 ? "sequential" : `concurrency ${concurrency}`}, ${who} vs bare http.request`;

export const endToEndBenchmark: Benchmark = {
  name: "e2e",
  async run({ quick, log }) {
    const rows: BenchRow[] = [];
    const server = await startBareServer();
    try {
      for (const concurrency of [1, CONCURRENCY]) {
        rows.push(...(await measureAt(server, concurrency, quick, log)));
      }
    } finally {
      await server.close();
    }
    return rows;
  },
};

type Send = () => Promise<unknown>;

async function measureAt(
  server: BareServer,
  concurrency: number,
  quick: boolean,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const oursRow = rowName("ours", concurrency);
  const officialRow = rowName("official SDK", concurrency);
  const bare = createBareClient(server.port, concurrency);
  const officialAgent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  // Keep the real host name in the URL (and so in the signature), connect to loopback instead.
  const connectToLoopback = (_options: unknown, callback?: () => void) =>
    net.createConnection({ host: "127.0.0.1", port: server.port }, callback);
  (officialAgent as unknown as { createConnection: typeof connectToLoopback }).createConnection =
    connectToLoopback;
  const OfficialClient = loadOfficialDtsClient();
  const official = new OfficialClient({
    credential: CREDENTIALS,
    region: REGION,
    profile: { httpProfile: { protocol: "http://", endpoint: HOST, agent: officialAgent } },
  });
  const sendOfficial: Send = () => official.ModifyMigrateJob({ ...MODIFY_MIGRATE_JOB_REQUEST });

  let sendOurs: Send | undefined;
  let closeOurs = () => {};
  let oursProblem: string | undefined;
  try {
    const { DtsClient } = await loadOurDts();
    const client = new DtsClient({
      region: REGION,
      credentials: CREDENTIALS,
      endpoint: `http://127.0.0.1:${server.port}`,
      rateLimit: false,
    });
    sendOurs = () => client.modifyMigrateJob(MODIFY_MIGRATE_JOB_REQUEST);
    closeOurs = () => (client as { close?: () => void }).close?.();
  } catch (error) {
    oursProblem = error instanceof Error ? error.message : String(error);
  }

  try {
    // Correctness first: one request from each side, captured and checked.
    const captures: Record<string, CapturedRequest | string> = {};
    for (const [label, send] of [
      ["bare", bare.send],
      ["official", sendOfficial],
      ["ours", sendOurs],
    ] as const) {
      if (send === undefined) continue;
      captures[label] = await captureOne(server, send);
    }
    const problems = checkCaptures(captures);
    if (oursProblem !== undefined) problems.ours = oursProblem;
    const bareProblem = problems.bare;
    if (bareProblem !== undefined) {
      return [
        errorRow(oursRow, atLeast(0.8), bareProblem),
        errorRow(officialRow, reportOnly(), bareProblem),
      ];
    }

    const perRound = quick ? 300 : concurrency === 1 ? 1_500 : 4_000;
    const options = { perRound, rounds: quick ? 3 : 7 };
    const side = (label: string, send: Send) => ({
      label,
      batch: (count: number) => runConcurrently(count, concurrency, send),
    });
    const bareSide = side("bare", bare.send);
    const rows: BenchRow[] = [];
    const reqPerSecond = (n: number) => `${Math.round(n).toLocaleString("en-US")} req/s`;
    const oursIssue = problems.ours;
    if (oursIssue !== undefined || sendOurs === undefined) {
      rows.push(errorRow(oursRow, atLeast(0.8), oursIssue ?? "no client"));
    } else {
      log(`e2e: ours vs bare at concurrency ${concurrency}`);
      const r = await compareRates(side("ours", sendOurs), bareSide, options);
      rows.push(
        measuredRow({
          row: oursRow,
          ours: reqPerSecond(r.oursPerSecond),
          baseline: `bare ${reqPerSecond(r.baselinePerSecond)}`,
          ratio: r.ratio,
          target: atLeast(0.8),
        }),
      );
    }
    if (problems.official !== undefined) {
      rows.push(errorRow(officialRow, reportOnly(), problems.official));
    } else {
      log(`e2e: official vs bare at concurrency ${concurrency}`);
      const r = await compareRates(side("official", sendOfficial), bareSide, options);
      rows.push(
        measuredRow({
          row: officialRow,
          ours: `official ${reqPerSecond(r.oursPerSecond)}`,
          baseline: `bare ${reqPerSecond(r.baselinePerSecond)}`,
          ratio: r.ratio,
          target: reportOnly("reported (issue: 0.33x)"),
        }),
      );
    }
    return rows;
  } finally {
    bare.close();
    officialAgent.destroy();
    closeOurs();
  }
}

async function captureOne(server: BareServer, send: Send): Promise<CapturedRequest | string> {
  server.captured.length = 0;
  server.capturing = true;
  try {
    const result = (await send()) as { RequestId?: string; Response?: { RequestId?: string } };
    const requestId = result.RequestId ?? result.Response?.RequestId;
    if (requestId !== EXPECTED_REQUEST_ID) return `unexpected result ${JSON.stringify(result)}`;
  } catch (error) {
    return `request failed: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    server.capturing = false;
  }
  const captured = server.captured[0];
  return captured ?? "server captured nothing";
}

/** Valid signature on each; the same body bytes and signed/X-TC headers as the official client. */
function checkCaptures(captures: Record<string, CapturedRequest | string>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const [label, capture] of Object.entries(captures)) {
    if (typeof capture === "string") {
      problems[label] = capture;
      continue;
    }
    const invalid = checkCapturedSignature(capture, CREDENTIALS, SERVICE);
    if (invalid !== undefined) problems[label] = invalid;
  }
  const reference = captures.official;
  const ours = captures.ours;
  if (typeof reference === "object" && typeof ours === "object" && problems.ours === undefined) {
    const differences: string[] = [];
    if (ours.body !== reference.body) differences.push(`body ${ours.body} vs ${reference.body}`);
    for (const name of ["x-tc-action", "x-tc-version", "x-tc-region", "content-type"]) {
      if (ours.headers[name] !== reference.headers[name])
        differences.push(
          `${name} ${String(ours.headers[name])} vs ${String(reference.headers[name])}`,
        );
    }
    const signedHeaders = (c: CapturedRequest) =>
      /SignedHeaders=([^,]+)/.exec(String(c.headers.authorization))?.[1];
    if (signedHeaders(ours) !== signedHeaders(reference)) differences.push("signed headers differ");
    if (differences.length > 0)
      problems.ours = `differs on the wire from the official client: ${differences.join("; ")}`;
  }
  return problems;
}
