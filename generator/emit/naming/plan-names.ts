/**
 * The names of everything generated for one service version, decided once so that every emitter
 * agrees. All declarations of a version share one namespace (index.ts re-exports them together),
 * so one allocator hands them out in a fixed order: service-level names, then per action (sorted),
 * then structures (sorted), then error classes (sorted by code).
 */
import type { ErrorCode, ServiceVersion } from "../../ir/types.js";
import { planErrorClasses, type ErrorClassPlan } from "../errors/plan-error-classes.js";
import { toCamelCase, toIdentifier, toPascalCase, versionFolder } from "./identifiers.js";
import { NameAllocator } from "./name-allocator.js";
import {
  CLIENT_MEMBERS,
  FIXED_DECLARATIONS,
  GLOBALS_IN_GENERATED_CODE,
  RUNTIME_EXPORTS,
} from "./runtime-names.js";

export interface ActionNames {
  /** "ModifyMigrateJobRequest" */
  readonly requestType: string;
  readonly responseType: string;
  /** "validateModifyMigrateJobRequest" */
  readonly requestValidator: string;
  readonly responseValidator: string;
  /** "modifyMigrateJobOperation" */
  readonly operation: string;
  /** "modifyMigrateJob": the function and the client method. */
  readonly method: string;
}

interface StructureNames {
  /** The TypeScript type name; the docs' name unless it had to change. */
  readonly type: string;
  readonly validator: string;
}

export interface VersionNames {
  /** "v20180330" */
  readonly folder: string;
  /** "DtsClient" */
  readonly client: string;
  /** "dtsV20180330": the ServiceDescriptor constant. */
  readonly descriptor: string;
  /** "dtsV20180330Errors": the ErrorRegistry constant. */
  readonly errorRegistry: string;
  /** "dtsV20180330Core": the CoreDescriptor constant (hosts only, no error registry). */
  readonly coreDescriptor: string;
  /** "createBareDtsClient": builds a CoreClient with only the features the caller installs. */
  readonly bareClientFactory: string;
  /** By action name. */
  readonly actions: ReadonlyMap<string, ActionNames>;
  /** By structure name as documented. */
  readonly structures: ReadonlyMap<string, StructureNames>;
  /** Sorted by code; categories before their codes. */
  readonly errorClasses: readonly ErrorClassPlan[];
  /** By action name, for the actions with a `pagination`. */
  readonly paginators: ReadonlyMap<string, PaginatorNames>;
  /** The package's mock and example tests, outside this version module's namespace. */
  readonly testing: TestingNames;
}

interface TestingNames {
  /** "startDtsMock": the mock entry's start function (one per service, for every version). */
  readonly mockStart: string;
  /** "dtsV20180330Mock": the mock entry's description of this version. */
  readonly mockDescription: string;
  /** "test/v20180330/examples.ts", relative to the package folder: the example data. */
  readonly exampleData: string;
  /** "dtsV20180330Examples": the data module's export. */
  readonly exampleDataExport: string;
  /** "test/v20180330/examples.test.ts": the test file that runs the data through the harness. */
  readonly exampleTest: string;
  /** "test/harness": where each package's copy of templates/test-harness/ goes. */
  readonly harnessFolder: string;
}

export interface PaginatorNames {
  /** "paginateDescribeVpcs": an async iterator of the list's items. */
  readonly items: string;
  /** "paginateDescribeVpcsPages": an async iterator of whole responses. */
  readonly pages: string;
  /** "describeVpcsPaging": the PagingRule constant. */
  readonly rule: string;
}

export function planVersionNames(
  serviceName: string,
  version: ServiceVersion,
  commonErrors: readonly ErrorCode[],
): VersionNames {
  const names = new NameAllocator([
    ...RUNTIME_EXPORTS,
    ...CLIENT_MEMBERS,
    ...GLOBALS_IN_GENERATED_CODE,
    ...FIXED_DECLARATIONS,
  ]);
  const folder = versionFolder(version.version);
  const service = toCamelCase(serviceName);
  const client = names.claim(`${toPascalCase(serviceName)}Client`);
  const descriptor = names.claim(`${service}${toPascalCase(folder)}`);
  const errorRegistry = names.claim(`${service}${toPascalCase(folder)}Errors`);

  const actions = new Map<string, ActionNames>();
  for (const action of version.actions) {
    const base = toIdentifier(action.name);
    const method = toCamelCase(action.name);
    actions.set(action.name, {
      requestType: names.claim(`${base}Request`),
      responseType: names.claim(`${base}Response`),
      requestValidator: names.claim(`validate${base}Request`),
      responseValidator: names.claim(`validate${base}Response`),
      operation: names.claim(`${method}Operation`),
      method: names.claim(method),
    });
  }

  const structures = new Map<string, StructureNames>();
  for (const structure of version.structures) {
    const type = names.claim(toIdentifier(structure.name));
    structures.set(structure.name, { type, validator: names.claim(`validate${type}`) });
  }

  // The service's own codes (its error codes page) get classes too, like the actions' and common ones.
  const codes = [
    ...version.actions.flatMap((a) => a.errors),
    ...(version.serviceErrors ?? []),
    ...commonErrors,
  ];
  const errorClasses = planErrorClasses(codes, (preferred) => names.claimFirstFree(preferred));
  // Claimed last so that adding them left every earlier name as it was.
  const coreDescriptor = names.claim(`${service}${toPascalCase(folder)}Core`);
  const bareClientFactory = names.claim(`createBare${toPascalCase(serviceName)}Client`);
  const paginators = new Map<string, PaginatorNames>();
  for (const action of version.actions) {
    if (action.pagination === undefined) continue;
    const base = toIdentifier(action.name);
    paginators.set(action.name, {
      items: names.claim(`paginate${base}`),
      pages: names.claim(`paginate${base}Pages`),
      rule: names.claim(`${toCamelCase(action.name)}Paging`),
    });
  }
  const testing: TestingNames = {
    mockStart: `start${toPascalCase(serviceName)}Mock`,
    mockDescription: `${service}${toPascalCase(folder)}Mock`,
    exampleData: `test/${folder}/examples.ts`,
    exampleDataExport: `${service}${toPascalCase(folder)}Examples`,
    exampleTest: `test/${folder}/examples.test.ts`,
    harnessFolder: "test/harness",
  };
  return {
    folder,
    client,
    descriptor,
    errorRegistry,
    coreDescriptor,
    bareClientFactory,
    actions,
    structures,
    errorClasses,
    paginators,
    testing,
  };
}
