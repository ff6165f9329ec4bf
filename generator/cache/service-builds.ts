/**
 * The check phase of a run with an out folder, service by service: the tree is planned from every
 * page's facts (no parsed page is needed for that), each service gets its key (service-keys.ts),
 * and only a service whose key the input index does not hold is built. A service whose key is
 * unchanged keeps its recorded diagnostics and IR hash, and its IR is built only if something
 * asks for it (its package folder was edited, or a caller reads the run's IR).
 */
import { buildService } from "../check/build-service.js";
import { planTree, type ServicePlan, type TreePlan } from "../check/plan-tree.js";
import type { PageFacts } from "../check/page-facts.js";
import type { SeverityOverrides } from "../diff/severity-config.js";
import type { Diagnostic } from "../diagnostics/types.js";
import { packageFolder } from "../emit/version-context.js";
import { IR_VERSION, type Ir, type Service } from "../ir/types.js";
import type { ParsedPage } from "../parse/parsed-page.js";
import type { PipelineResult } from "../pipeline-types.js";
import type { PackageInput } from "../write/generate-packages.js";
import type { IndexedPage, IndexedService, InputIndex } from "./input-index.js";
import { irHash, packageKeys, serviceKeys } from "./service-keys.js";

interface ServiceBuild {
  readonly plan: ServicePlan;
  readonly recorded: IndexedService;
  /** True when its IR hash differs from the one the index recorded (false when it had none). */
  readonly irChanged: boolean;
  /** True when built this run (its key was not in the index). */
  readonly rebuilt: boolean;
  /** Its IR: built this run, or built now from its pages. */
  readonly service: () => Service;
}

export interface ServiceBuilds {
  readonly tree: TreePlan;
  /** Sorted by service name. */
  readonly services: readonly ServiceBuild[];
}

export interface ServiceBuildsInput {
  readonly pages: ReadonlyMap<string, IndexedPage>;
  readonly index: InputIndex;
  readonly parsedPage: (file: string) => ParsedPage | undefined;
  readonly generator: string;
}

export function buildChangedServices(input: ServiceBuildsInput): ServiceBuilds {
  const facts: PageFacts[] = [];
  for (const page of input.pages.values()) if (page.facts !== undefined) facts.push(page.facts);
  const tree = planTree(facts);
  const keyOf = serviceKeys({
    generator: input.generator,
    tree,
    pageHash: (file) => input.pages.get(file)?.hash ?? "",
  });
  const build = (plan: ServicePlan) => buildService(plan, tree, input.parsedPage);
  const services = tree.services.map((plan): ServiceBuild => {
    const key = keyOf(plan);
    const stored = input.index.services.get(plan.name);
    if (stored?.key === key) {
      let service: Service | undefined;
      const rebuild = () => (service ??= build(plan).service);
      return { plan, recorded: stored, irChanged: false, rebuilt: false, service: rebuild };
    }
    // Copied: its strings would otherwise be slices that keep whole page texts alive.
    const built = structuredClone(build(plan));
    const recorded = { key, irHash: irHash(built.service), diagnostics: built.diagnostics };
    // Without a recorded IR (a new service, a lost index) only its package record can tell.
    const irChanged = stored !== undefined && recorded.irHash !== stored.irHash;
    return { plan, recorded, irChanged, rebuilt: true, service: () => built.service };
  });
  return { tree, services };
}

export interface PackagesInput {
  readonly generator: string;
  readonly sourceRoots: readonly string[];
  readonly severityOverrides: SeverityOverrides;
}

/** The run's package folders: each with its services (a folder holds those sharing its name). */
export function packagesOf(builds: ServiceBuilds, input: PackagesInput): PackageInput[] {
  const keyOf = packageKeys({ ...input, commonErrors: builds.tree.commonErrors });
  const byFolder = new Map<string, ServiceBuild[]>();
  for (const build of builds.services) {
    const folder = packageFolder(build.plan.name);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), build]);
  }
  return [...byFolder].map(([folder, inFolder]) => ({
    folder,
    key: keyOf(inFolder.map((b) => b.recorded.irHash)),
    changed: inFolder.some((b) => b.irChanged),
    services: () => inFolder.map((b) => b.service()),
  }));
}

/** What the next run's index holds: this run's pages and services. */
export function indexOf(
  pages: ReadonlyMap<string, IndexedPage>,
  builds: ServiceBuilds,
): InputIndex {
  return { pages, services: new Map(builds.services.map((b) => [b.plan.name, b.recorded])) };
}

/** Every diagnostic of the services, recorded or fresh. */
export function serviceDiagnostics(builds: ServiceBuilds): Diagnostic[] {
  return builds.services.flatMap((b) => b.recorded.diagnostics);
}

/**
 * The run's result with its IR built on first read: a run that reused services did not build
 * their IR, and the CLI never reads it (its summary counts come from the plan), so only a caller
 * that asks (a test, the mock command) pays for building the reused services from their pages.
 */
export function withLazyIr(
  builds: ServiceBuilds,
  result: Omit<PipelineResult, "ir" | "counts">,
): PipelineResult {
  let ir: Ir | undefined;
  const counts = {
    services: builds.services.length,
    actions: builds.services.reduce((sum, b) => sum + b.plan.actions, 0),
  };
  return Object.defineProperty({ ...result, counts }, "ir", {
    enumerable: true,
    get: () =>
      (ir ??= {
        irVersion: IR_VERSION,
        services: builds.services.map((b) => b.service()),
        commonErrors: [...builds.tree.commonErrors],
      }),
  }) as PipelineResult;
}
