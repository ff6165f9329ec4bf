/**
 * The API model of an IR: per service, what its generated package exposes (see api-model.ts).
 * Sorted throughout, so the same pages give the same model whatever order they were read in.
 */
import type {
  Action,
  ErrorCode,
  Field,
  Ir,
  Service,
  ServiceVersion,
  Structure,
} from "../ir/types.js";
import type {
  ApiAction,
  ApiErrorCode,
  ApiField,
  ApiModel,
  ApiService,
  ApiStructure,
  ApiVersion,
} from "./api-model.js";
import { canonicalType } from "./canonical-type.js";
import { descriptionHash } from "./description-hash.js";

export function modelFromIr(ir: Ir): ApiModel {
  return {
    services: sortBy(
      ir.services.map((s) => serviceModel(s, ir.commonErrors)),
      (s) => s.name,
    ),
  };
}

export function serviceModel(service: Service, commonErrors: readonly ErrorCode[]): ApiService {
  return {
    name: service.name,
    versions: sortBy(service.versions.map(versionModel), (v) => v.version),
    commonErrors: errorModels(commonErrors),
  };
}

function versionModel(version: ServiceVersion): ApiVersion {
  return {
    version: version.version,
    host: version.host,
    actions: sortBy(version.actions.map(actionModel), (a) => a.name),
    structures: sortBy(version.structures.map(structureModel), (s) => s.name),
    serviceErrors: errorModels(version.serviceErrors ?? []),
  };
}

function actionModel(action: Action): ApiAction {
  return {
    name: action.name,
    descriptionHash: descriptionHash(action.description),
    rateLimitPerSecond: action.rateLimitPerSecond ?? null,
    financeHosts:
      action.finance?.supported === true ? [...new Set(action.finance.hosts)].sort() : [],
    request: fieldModels(action.input),
    // RequestId is in every response; it is part of the runtime, not of any one action's API.
    response: fieldModels(action.output.filter((f) => f.name !== "RequestId")),
    errors: errorModels(action.errors),
    position: action.position,
  };
}

function structureModel(structure: Structure): ApiStructure {
  return {
    name: structure.name,
    descriptionHash: descriptionHash(structure.description),
    open: structure.open,
    fields: fieldModels(structure.fields),
    position: structure.position,
  };
}

function fieldModels(fields: readonly Field[]): ApiField[] {
  return sortBy(
    fields.map((f) => ({
      name: f.name,
      required: f.required,
      type: canonicalType(f.type, f.nullable),
      descriptionHash: descriptionHash(f.description),
      position: f.position,
    })),
    (f) => f.name,
  );
}

function errorModels(errors: readonly ErrorCode[]): ApiErrorCode[] {
  return sortBy(
    errors.map((e) => ({
      code: e.code,
      descriptionHash: descriptionHash(e.description),
      position: e.position,
    })),
    (e) => e.code,
  );
}

/** Sorted copy by a string key, code-unit order (the same on every machine and locale). */
export function sortBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
