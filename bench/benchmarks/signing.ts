/**
 * Signing, including serialising the request: our runtime (serializeRequestBody + signTc3, the
 * two calls the client makes per request) against the floor (JSON.stringify once, 2 SHA-256 +
 * 4 HMAC-SHA256) and against the official SDK (json-bigint stringify for the body, then its
 * sign3, which stringifies again).
 */
import type { Benchmark } from "../harness/benchmark.js";
import { compareRates } from "../harness/measure.js";
import { atLeast, errorRow, measuredRow, reportOnly, type BenchRow } from "../harness/row.js";
import { floorSign } from "../floor/floor-signer.js";
import {
  CONTENT_TYPE,
  CREDENTIALS,
  FIXED_TIMESTAMP,
  HOST,
  MODIFY_MIGRATE_JOB_REQUEST,
  SERVICE,
} from "../fixtures/modify-migrate-job.js";
import { loadOfficialSigner } from "../subjects/official.js";
import { loadOurRuntime } from "../subjects/ours.js";

const ROW_FLOOR = "signing incl. serialising vs floor";
const ROW_OFFICIAL = "signing incl. serialising vs official signer";

export const signingBenchmark: Benchmark = {
  name: "signing",
  async run({ quick, log }) {
    let runtime: Awaited<ReturnType<typeof loadOurRuntime>>;
    try {
      runtime = await loadOurRuntime();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [
        errorRow(ROW_FLOOR, atLeast(1), reason),
        errorRow(ROW_OFFICIAL, reportOnly(), reason),
      ];
    }
    const official = loadOfficialSigner();
    const signInput = {
      ...CREDENTIALS,
      service: SERVICE,
      host: HOST,
      contentType: CONTENT_TYPE,
      timestamp: FIXED_TIMESTAMP,
    };
    const ours = () => {
      const payload = runtime.json.serializeRequestBody(MODIFY_MIGRATE_JOB_REQUEST);
      return {
        body: payload,
        authorization: runtime.signer.signTc3({ ...signInput, payload }).authorization,
      };
    };
    const floor = () => floorSign(MODIFY_MIGRATE_JOB_REQUEST, signInput);
    const officialSign = () => {
      const body = official.stringify(MODIFY_MIGRATE_JOB_REQUEST);
      const authorization = official.sign3({
        method: "POST",
        url: `https://${HOST}/`,
        payload: MODIFY_MIGRATE_JOB_REQUEST,
        timestamp: FIXED_TIMESTAMP,
        service: SERVICE,
        secretId: CREDENTIALS.secretId,
        secretKey: CREDENTIALS.secretKey,
        headers: { "Content-Type": CONTENT_TYPE },
      });
      return { body, authorization };
    };

    // Correctness first: the same body bytes and the same Authorization header on all three sides.
    const want = floor();
    const problems: string[] = [];
    for (const [label, sign] of [
      ["ours", ours],
      ["official", officialSign],
    ] as const) {
      const got = sign();
      if (got.body !== want.body) problems.push(`${label} body differs: ${got.body}`);
      if (got.authorization !== want.authorization)
        problems.push(`${label} Authorization differs: ${got.authorization}`);
    }
    if (problems.length > 0) {
      const reason = `correctness check failed: ${problems.join("; ")}`;
      return [
        errorRow(ROW_FLOOR, atLeast(1), reason),
        errorRow(ROW_OFFICIAL, reportOnly(), reason),
      ];
    }

    let sink = 0; // keeps the results alive so nothing is optimised away
    const side = (label: string, sign: () => { authorization: string }) => ({
      label,
      batch: (count: number) => {
        for (let i = 0; i < count; i++) sink += sign().authorization.length;
      },
    });
    const options = { perRound: quick ? 5_000 : 20_000, rounds: quick ? 5 : 9 };
    log(`signing: ours (${runtime.from}) vs floor`);
    const vsFloor = await compareRates(side("ours", ours), side("floor", floor), options);
    log("signing: ours vs official");
    const vsOfficial = await compareRates(
      side("ours", ours),
      side("official", officialSign),
      options,
    );
    if (sink === 0) throw new Error("unreachable: signatures were empty");

    const perSecond = (n: number) => `${Math.round(n).toLocaleString("en-US")} signs/s`;
    const rows: BenchRow[] = [
      measuredRow({
        row: ROW_FLOOR,
        ours: perSecond(vsFloor.oursPerSecond),
        baseline: `floor ${perSecond(vsFloor.baselinePerSecond)}`,
        ratio: vsFloor.ratio,
        target: atLeast(1),
      }),
      measuredRow({
        row: ROW_OFFICIAL,
        ours: perSecond(vsOfficial.oursPerSecond),
        baseline: `official ${perSecond(vsOfficial.baselinePerSecond)}`,
        ratio: vsOfficial.ratio,
        target: reportOnly(),
      }),
    ];
    return rows;
  },
};
