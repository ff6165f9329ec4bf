/**
 * The corpus check behind `npm run corpus` and test/corpus-generate: every page of a corpus folder
 * is parsed (and its counts attributed to the page), and with `generate` the whole folder goes
 * through the real pipeline into `outDir/packages`, whose packages are type-checked, linted and
 * whose generated example tests are run against the generated mock servers. The result is one
 * outcome per page, so a report or a test can say exactly which page failed where.
 */
import { basename, join, resolve, sep } from "node:path";
import { heapBudget } from "../../cache/heap-budget.js";
import { buildIr } from "../../check/build-ir.js";
import type { Diagnostic } from "../../diagnostics/types.js";
import { packageFolder, versionContexts } from "../../emit/version-context.js";
import type { Ir } from "../../ir/types.js";
import { loadPages } from "../../load/load-pages.js";
import type { ParsedPage } from "../../parse/parsed-page.js";
import { parsePages } from "../../parse/parse-pages.js";
import { runPipeline } from "../../pipeline.js";
import { actionTestResult } from "./action-tests.js";
import { lintPackages, type LintProblem } from "./lint-packages.js";
import { runExampleTests, type TestFileResult } from "./run-example-tests.js";
import { tallyExamples, type ExampleTally } from "./tally-examples.js";
import { typeCheckPackages, type TypeError } from "./type-check-packages.js";

export interface CorpusCheckOptions {
  /** Folder of Markdown pages. */
  readonly folder: string;
  /** Generate, type-check, lint and test packages (into `outDir/packages`). */
  readonly generate: boolean;
  readonly outDir: string;
  /** Lint the generated packages (needs `generate`). */
  readonly lint: boolean;
  /** The repository root: its node_modules serve the generated packages and tests. */
  readonly repoRoot: string;
  /** Told when each step starts (e.g. "parse 40/133 pages"), for the progress line. */
  readonly onStep?: (step: string) => void;
}

export interface PageOutcome {
  /** Absolute path of the page. */
  readonly file: string;
  /** How the page was recognised, or "rejected". */
  readonly kind: ParsedPage["kind"] | "rejected";
  /** Diagnostics of the parse and check phases that point at this page. */
  readonly diagnostics: readonly Diagnostic[];
  readonly parseMs: number;
  /** For an action page: the generated package folder, when its action is in the IR. */
  readonly packageName?: string;
  /** For an action page dropped as a duplicate (TCG051): the page that was kept instead. */
  readonly keptInstead?: string;
  /** Type errors in the page's package (its sources and its test file). */
  readonly typeErrors: readonly TypeError[];
  readonly lintProblems: readonly LintProblem[];
  /** The page's example tests (its action's suites in its version's test file), once run. */
  readonly tests?: TestFileResult;
}

export interface CorpusCheck {
  readonly pages: readonly PageOutcome[];
  /** With `generate`: every example of every generated action against its generated test. */
  readonly examples?: ExampleTally;
  /** Wall-clock milliseconds of each corpus-wide phase. */
  readonly phaseMs: ReadonlyMap<string, number>;
}

export async function checkCorpus(options: CorpusCheckOptions): Promise<CorpusCheck> {
  const phaseMs = new Map<string, number>();
  const timed = async <T>(phase: string, run: () => Promise<T> | T): Promise<T> => {
    options.onStep?.(phase);
    const start = performance.now();
    const result = await run();
    phaseMs.set(phase, performance.now() - start);
    return result;
  };
  // Each phase after parsing leaves only its result live (generation: the IR; the type-check: its
  // errors, not the ~160 MB of declarations its programs shared). Collected and compacted before
  // the next phase starts, so that the next one builds on the live data and not on the last one's
  // garbage whenever V8 would have collected it. A bound by construction more than a measured
  // gain: the check's peak was 497-564 MB with it and 517-562 MB without (run-to-run noise).
  const releasing = heapBudget();
  const phase = async <T>(name: string, run: () => Promise<T> | T): Promise<T> => {
    const result = await timed(name, run);
    releasing.collect();
    return result;
  };

  const parsed = await timed("parse", () => parseEachPage(options.folder, options.onStep));
  if (!options.generate) return { pages: parsed.map(toOutcome), phaseMs };

  const packagesDir = resolve(options.outDir, "packages");
  const { ir } = await phase("generate", () =>
    runPipeline({
      inputs: [options.folder],
      outDir: packagesDir,
      ...(options.onStep === undefined
        ? {}
        : { onStep: (step: string) => options.onStep?.(`generate: ${step}`) }),
    }),
  );
  const nodeModules = join(options.repoRoot, "node_modules");
  // No page gave an action: no package to check (each page's outcome says why).
  const generated = ir.services.length > 0;
  const typeErrors = generated
    ? await phase("type-check", () => typeCheckPackages(packagesDir, nodeModules))
    : [];
  const lint =
    generated && options.lint
      ? await phase("lint", () => lintPackages(packagesDir, options.repoRoot))
      : [];
  const tests = generated
    ? await timed("example tests", () => runExampleTests(packagesDir, options.repoRoot))
    : [];
  const placed = placeActions(ir, packagesDir);
  const pages = parsed.map((page): PageOutcome => {
    const outcome = toOutcome(page);
    if (page.kind !== "action") return outcome;
    const place = placed.get(page.file);
    if (place === undefined) return { ...outcome, ...duplicateOf(page) };
    const inPackage = (file: string) => file.startsWith(place.packageDir + sep);
    const file = tests.find((t) => resolve(t.file) === place.testFile);
    const test = file === undefined ? undefined : actionTestResult(file, place.action);
    return {
      ...outcome,
      packageName: place.packageName,
      typeErrors: typeErrors.filter((e) => e.file === "" || inPackage(resolve(e.file))),
      lintProblems: lint.filter((p) => inPackage(resolve(p.file))),
      ...(test === undefined ? {} : { tests: test }),
    };
  });
  return { pages, examples: tallyExamples(ir, tests, packagesDir), phaseMs };
}

interface ParsedOne {
  readonly file: string;
  kind: PageOutcome["kind"];
  readonly diagnostics: Diagnostic[];
  parseMs: number;
}

/** Each page parsed on its own (for per-page timing), then the cross-page checks over all. */
async function parseEachPage(
  folder: string,
  onStep?: (step: string) => void,
): Promise<ParsedOne[]> {
  const loaded = await loadPages([folder]);
  const byFile = new Map<string, ParsedOne>();
  const entry = (file: string): ParsedOne => {
    const key = resolve(file);
    let one = byFile.get(key);
    if (one === undefined) {
      byFile.set(key, (one = { file: key, kind: "rejected", diagnostics: [], parseMs: 0 }));
    }
    return one;
  };
  for (const d of loaded.diagnostics) entry(d.position.file).diagnostics.push(d);
  const all: ParsedPage[] = [];
  for (const [index, page] of loaded.pages.entries()) {
    // Every 25 pages: often enough to see it move, rarely enough for a log (--progress).
    if (index % 25 === 0) onStep?.(`parse ${index}/${loaded.pages.length} pages`);
    const start = performance.now();
    const result = parsePages([page]);
    const one = entry(page.file);
    one.kind = result.pages[0]?.kind ?? "rejected";
    one.parseMs = performance.now() - start;
    one.diagnostics.push(...result.diagnostics);
    all.push(...result.pages);
  }
  for (const d of buildIr(all).diagnostics) entry(d.position.file).diagnostics.push(d);
  return [...byFile.values()].sort((a, b) => (a.file < b.file ? -1 : 1));
}

function toOutcome(page: ParsedOne): PageOutcome {
  return { ...page, diagnostics: [...page.diagnostics], typeErrors: [], lintProblems: [] };
}

/** The page that won over a dropped duplicate, from its TCG051 warning. */
function duplicateOf(page: ParsedOne): { keptInstead?: string } {
  const warning = page.diagnostics.find((d) => d.code === "TCG051");
  const kept = warning?.message.match(/; kept (\S+) \(rule/)?.[1];
  return kept === undefined ? {} : { keptInstead: basename(kept) };
}

interface ActionPlace {
  readonly packageName: string;
  readonly packageDir: string;
  readonly action: string;
  /** The version's example-test file, which holds the action's suites. */
  readonly testFile: string;
}

/** Where each action page's code and example tests were generated, by absolute page path. */
function placeActions(ir: Ir, packagesDir: string): Map<string, ActionPlace> {
  const placed = new Map<string, ActionPlace>();
  for (const { service, version, names } of versionContexts(ir)) {
    const packageDir = join(packagesDir, packageFolder(service.name));
    const testFile = resolve(packageDir, names.testing.exampleTest);
    for (const action of version.actions) {
      placed.set(resolve(action.position.file), {
        packageName: service.name,
        packageDir,
        action: action.name,
        testFile,
      });
    }
  }
  return placed;
}
