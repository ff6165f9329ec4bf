/**
 * What a per-version emitter needs: the service, the version, the agreed names and where the
 * files go. Names are planned once per version and shared by every emitter.
 */
import type { Action, ErrorCode, Ir, Service, ServiceVersion } from "../ir/types.js";
import { planVersionNames, type ActionNames, type VersionNames } from "./naming/plan-names.js";

export interface VersionContext {
  readonly service: Service;
  readonly version: ServiceVersion;
  readonly names: VersionNames;
  readonly commonErrors: readonly ErrorCode[];
  /** "dts/src/v20180330": the folder of this version's files, relative to the out dir. */
  readonly dir: string;
}

const planned = new WeakMap<ServiceVersion, VersionNames>();

export function versionContexts(ir: Ir): VersionContext[] {
  return ir.services.flatMap((service) =>
    service.versions.map((version) => {
      let names = planned.get(version);
      if (names === undefined) {
        names = planVersionNames(service.name, version, ir.commonErrors);
        planned.set(version, names);
      }
      return {
        service,
        version,
        names,
        commonErrors: ir.commonErrors,
        dir: `${packageFolder(service.name)}/src/${names.folder}`,
      };
    }),
  );
}

/** The package folder of a service under the out dir: its name, lower-cased. */
export function packageFolder(serviceName: string): string {
  return serviceName.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}

/** The npm name of a service's package. */
export function packageName(serviceName: string): string {
  return `@tcgen/${packageFolder(serviceName)}`;
}

/** The action's names; every action has them once names are planned. */
export function actionNames(context: VersionContext, action: Action): ActionNames {
  const own = context.names.actions.get(action.name);
  if (own === undefined) throw new Error(`no names planned for action ${action.name}`);
  return own;
}
