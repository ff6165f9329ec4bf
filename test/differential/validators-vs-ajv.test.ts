/**
 * Differential test (issue 14): for every request type of specs/ and of the corpus
 * (../shared/corpus), the generated validator and ajv (strict mode, JSON Schema 2020-12) on the
 * package's exported schema (schemas/<version>/<Type>.json) agree on accept/reject, over
 * fast-check inputs that are valid, near-valid and hostile. Both are printed from the type rules
 * (generator/types/type-rules.ts); a disagreement means one of the two prints a rule wrongly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { structuresInResponses } from "../../generator/emit/types/response-side.js";
import { versionContexts } from "../../generator/emit/version-context.js";
import type { Ir, JsonValue } from "../../generator/ir/types.js";
import { runPipeline } from "../../generator/pipeline.js";
import { REPO_ROOT, renderEmitted, writeTree } from "../emit/emit-fixture.js";
import { sharedPath } from "../shared-folder.js";
import { RequestArbitraries } from "./arbitraries.js";

interface Validator {
  is(value: unknown): boolean;
}

/** Runs per request type and kind of input. */
const RUNS = 60;

async function checkAgreement(ir: Ir): Promise<number> {
  const dir = writeTree(renderEmitted(ir));
  const ajv = new Ajv2020({ strict: true, ownProperties: true });
  let checked = 0;
  for (const context of versionContexts(ir)) {
    const moduleUrl = pathToFileURL(join(dir, context.dir, "validators.ts")).href;
    const validators = (await import(moduleUrl)) as Record<string, Validator>;
    const arbitraries = new RequestArbitraries(
      context.version.structures,
      structuresInResponses(context.version),
    );
    const schemaDir = join(dir, context.dir, "../../schemas", context.names.folder);
    for (const action of context.version.actions) {
      const own = context.names.actions.get(action.name);
      if (own === undefined) throw new Error(`no names for ${action.name}`);
      const generated = validators[own.requestValidator];
      if (generated === undefined) throw new Error(`no ${own.requestValidator}`);
      const schema = JSON.parse(readFileSync(join(schemaDir, `${own.requestType}.json`), "utf8"));
      const reference = ajv.compile(schema as object);
      const agree = (value: JsonValue): void => {
        const ours = generated.is(value);
        const theirs = reference(value);
        if (ours !== theirs) {
          throw new Error(
            `${own.requestType}: validator ${ours ? "accepts" : "refuses"}, ajv ${theirs ? "accepts" : "refuses"} ${JSON.stringify(value)}; ajv: ${JSON.stringify(reference.errors)}`,
          );
        }
      };
      fc.assert(
        fc.property(arbitraries.valid(action.input), (value) => {
          agree(value);
          // A valid value is accepted by both (else the arbitraries or the rules are wrong).
          expect(generated.is(value)).toBe(true);
        }),
        { numRuns: RUNS },
      );
      fc.assert(fc.property(arbitraries.nearValid(action.input), agree), { numRuns: RUNS });
      fc.assert(fc.property(arbitraries.hostile(action.input), agree), { numRuns: RUNS });
      checked++;
    }
  }
  return checked;
}

describe("generated request validators agree with ajv on the exported JSON Schema", () => {
  it("specs/", { timeout: 120_000 }, async () => {
    const { ir } = await runPipeline({ inputs: [join(REPO_ROOT, "specs")] });
    expect(await checkAgreement(ir)).toBeGreaterThan(0);
  });

  const { path: corpus, present } = sharedPath("validator/ajv differential test", "corpus");
  it.skipIf(!present)("the corpus", { timeout: 600_000 }, async () => {
    const { ir } = await runPipeline({ inputs: [corpus] });
    expect(await checkAgreement(ir)).toBeGreaterThan(20);
  });
});
