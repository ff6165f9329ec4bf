/**
 * The generated request validator on the seed's valid ModifyMigrateJob request, against ajv
 * compiled from an equivalent hand-written JSON Schema, and against zod. Before timing, all three
 * must accept the valid request and reject the same invalid ones.
 */
import { createRequire } from "node:module";
import type { Benchmark } from "../harness/benchmark.js";
import { compareRates } from "../harness/measure.js";
import { atLeast, errorRow, measuredRow } from "../harness/row.js";
import { MODIFY_MIGRATE_JOB_REQUEST } from "../fixtures/modify-migrate-job.js";
import { ModifyMigrateJobRequestSchema } from "../schemas/modify-migrate-job.zod.js";
import { loadOurDts } from "../subjects/ours.js";

const require = createRequire(import.meta.url);
const ROW_AJV = "validator, valid ModifyMigrateJob request, vs ajv";
const ROW_ZOD = "validator, valid ModifyMigrateJob request, vs zod";

/** Requests every validator must reject, each for one documented reason. */
const INVALID: readonly { readonly why: string; readonly value: unknown }[] = [
  { why: "JobId missing", value: { JobName: "x" } },
  { why: "RunMode as a string", value: { JobId: "j", MigrateOption: { RunMode: "1" } } },
  { why: "RunMode not an integer", value: { JobId: "j", MigrateOption: { RunMode: 1.5 } } },
  // (DstInfo.Region missing is no longer a reason: the docs' own example omits it, so it is optional.)
  {
    why: "DstInfo.ReadOnly as a string",
    value: { JobId: "j", DstInfo: { Region: "ap-guangzhou", ReadOnly: "0" } },
  },
  { why: "unknown key", value: { JobId: "j", Unknown: 1 } },
  { why: "not an object", value: "JobId" },
];

type Ajv = new (options: object) => {
  compile(schema: object): (value: unknown) => boolean;
};

export const validatorBenchmark: Benchmark = {
  name: "validator",
  async run({ quick, log }) {
    let ours: Awaited<ReturnType<typeof loadOurDts>>["validateModifyMigrateJobRequest"];
    try {
      ours = (await loadOurDts()).validateModifyMigrateJobRequest;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return [errorRow(ROW_AJV, atLeast(1), reason), errorRow(ROW_ZOD, atLeast(20), reason)];
    }
    const AjvClass = (require("ajv") as { default: Ajv }).default;
    const schema = require("../schemas/modify-migrate-job.schema.json") as object;
    const ajvValidate = new AjvClass({ allErrors: true }).compile(schema);

    const sides = {
      ours: (v: unknown) => ours.validate(v).ok,
      ajv: (v: unknown) => ajvValidate(v),
      zod: (v: unknown) => ModifyMigrateJobRequestSchema.safeParse(v).success,
    };
    const problems: string[] = [];
    for (const [name, accepts] of Object.entries(sides)) {
      if (!accepts(MODIFY_MIGRATE_JOB_REQUEST)) problems.push(`${name} rejects the valid request`);
      for (const { why, value } of INVALID) {
        if (accepts(value)) problems.push(`${name} accepts an invalid request (${why})`);
      }
    }
    if (problems.length > 0) {
      const reason = `correctness check failed: ${problems.join("; ")}`;
      return [errorRow(ROW_AJV, atLeast(1), reason), errorRow(ROW_ZOD, atLeast(20), reason)];
    }

    let accepted = 0;
    const side = (label: string, accepts: (v: unknown) => boolean) => ({
      label,
      batch: (count: number) => {
        for (let i = 0; i < count; i++) if (accepts(MODIFY_MIGRATE_JOB_REQUEST)) accepted++;
      },
    });
    const options = { perRound: quick ? 50_000 : 200_000, rounds: quick ? 5 : 9 };
    log("validator: ours vs ajv");
    const vsAjv = await compareRates(side("ours", sides.ours), side("ajv", sides.ajv), options);
    log("validator: ours vs zod");
    const vsZod = await compareRates(side("ours", sides.ours), side("zod", sides.zod), options);
    if (accepted === 0) throw new Error("unreachable: nothing was validated");
    const perSecond = (n: number) => `${(n / 1e6).toFixed(2)}M/s`;
    return [
      measuredRow({
        row: ROW_AJV,
        ours: perSecond(vsAjv.oursPerSecond),
        baseline: `ajv ${perSecond(vsAjv.baselinePerSecond)}`,
        ratio: vsAjv.ratio,
        target: atLeast(1),
      }),
      measuredRow({
        row: ROW_ZOD,
        ours: perSecond(vsZod.oursPerSecond),
        baseline: `zod ${perSecond(vsZod.baselinePerSecond)}`,
        ratio: vsZod.ratio,
        target: atLeast(20),
      }),
    ];
  },
};
