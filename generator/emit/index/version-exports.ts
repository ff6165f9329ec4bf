/**
 * What each module of a version exports, from the planned names alone, so the version's index.ts
 * can name every export instead of `export *` (a reader and a bundler see the entry's whole API in
 * one file). test/emit/version-exports.test.ts checks the list against the emitted modules.
 */
import { compareCodeUnits } from "../../code-unit-order.js";
import type { VersionNames } from "../naming/plan-names.js";
import { FIXED_DECLARATIONS } from "../naming/runtime-names.js";

export interface ModuleExports {
  /** "./types.js" */
  readonly moduleSpecifier: string;
  /** Value exports (classes, functions, constants), sorted. */
  readonly values: readonly string[];
  /** Type-only exports (interfaces, aliases), sorted. */
  readonly types: readonly string[];
}

/** The version's modules in index.ts order; a module that exports nothing is left out. */
export function versionModuleExports(names: VersionNames): ModuleExports[] {
  const actions = [...names.actions.values()];
  const structures = [...names.structures.values()];
  const paginators = [...names.paginators.values()];
  const modules: ModuleExports[] = [
    {
      moduleSpecifier: "./types.js",
      values: [],
      types: sorted([
        ...FIXED_DECLARATIONS,
        ...actions.flatMap((a) => [a.requestType, a.responseType]),
        ...structures.map((s) => s.type),
      ]),
    },
    {
      moduleSpecifier: "./validators.js",
      values: sorted([
        ...actions.flatMap((a) => [a.requestValidator, a.responseValidator]),
        ...structures.map((s) => s.validator),
      ]),
      types: [],
    },
    {
      moduleSpecifier: "./errors.js",
      values: sorted([...names.errorClasses.map((c) => c.className), names.errorRegistry]),
      types: [],
    },
    {
      moduleSpecifier: "./operations.js",
      values: sorted(actions.flatMap((a) => [a.operation, a.method])),
      types: [],
    },
    {
      moduleSpecifier: "./client.js",
      values: sorted([
        names.client,
        names.descriptor,
        names.coreDescriptor,
        names.bareClientFactory,
      ]),
      types: [],
    },
    {
      // Only versions with a paginated list action have paginators.ts.
      moduleSpecifier: "./paginators.js",
      values: sorted(paginators.flatMap((p) => [p.items, p.pages])),
      types: [],
    },
  ];
  return modules.filter((m) => m.values.length + m.types.length > 0);
}

/** Plain code-unit order, so the result does not depend on the machine's locale. */
function sorted(names: readonly string[]): string[] {
  return [...names].sort(compareCodeUnits);
}
