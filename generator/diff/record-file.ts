/**
 * The recorded API of one generated package (`<out>/<package>/api.json`): its API model without
 * page positions, plus the package name and version the record was released as. Written by the
 * api-record emitter, read back by `generate` (to version the next release) and by `tcgen diff`.
 * A record is a file anyone can edit, so reading one checks every member and says what is wrong.
 */
import type { ApiErrorCode, ApiField, ApiService } from "./api-model.js";
import { sortBy } from "./model-from-ir.js";

/** Bump when the record's shape changes. */
export const RECORD_FORMAT = 1;

export interface ApiRecord {
  readonly recordFormat: typeof RECORD_FORMAT;
  readonly package: string;
  /** The package version this API was released as (semver). */
  readonly version: string;
  readonly service: ApiService;
}

export class RecordError extends Error {}

/** The record as JSON text, positions dropped, members in a fixed order. */
export function recordText(record: ApiRecord): string {
  return `${JSON.stringify(recordData(record), null, 2)}\n`;
}

/** The record as the JSON data `recordText` writes. */
export function recordData(record: ApiRecord): unknown {
  return withoutPositions(record);
}

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== "position")
      .map(([key, v]) => [key, withoutPositions(v)]),
  );
}

/** Parses and checks a record; throws RecordError naming the first bad member. */
export function parseRecord(text: string, where: string): ApiRecord {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RecordError(`${where}: not JSON (${(error as Error).message})`);
  }
  const at = new Reader(where);
  const root = at.object(data, "");
  if (root.recordFormat !== RECORD_FORMAT) {
    throw new RecordError(
      `${where}: recordFormat is ${JSON.stringify(root.recordFormat)}, this tcgen reads ${RECORD_FORMAT}`,
    );
  }
  const version = at.string(root.version, "version");
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new RecordError(`${where}: version "${version}" is not MAJOR.MINOR.PATCH`);
  }
  return {
    recordFormat: RECORD_FORMAT,
    package: at.string(root.package, "package"),
    version,
    service: at.service(root.service, "service"),
  };
}

class Reader {
  constructor(private readonly where: string) {}

  fail(path: string, expected: string): never {
    throw new RecordError(`${this.where}: ${path || "the file"} should be ${expected}`);
  }
  object(value: unknown, path: string): Record<string, unknown> {
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      this.fail(path, "an object");
    }
    return value as Record<string, unknown>;
  }
  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, "an array");
    return value;
  }
  string(value: unknown, path: string): string {
    if (typeof value !== "string") this.fail(path, "a string");
    return value;
  }
  boolean(value: unknown, path: string): boolean {
    if (typeof value !== "boolean") this.fail(path, "true or false");
    return value;
  }
  list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T): T[] {
    return this.array(value, path).map((v, i) => item(v, `${path}[${i}]`));
  }
  service(value: unknown, path: string): ApiService {
    const o = this.object(value, path);
    return {
      name: this.string(o.name, `${path}.name`),
      commonErrors: this.errors(o.commonErrors, `${path}.commonErrors`),
      versions: sortBy(
        this.list(o.versions, `${path}.versions`, (v, p) => {
          const version = this.object(v, p);
          return {
            version: this.string(version.version, `${p}.version`),
            host: this.string(version.host, `${p}.host`),
            actions: this.list(version.actions, `${p}.actions`, (a, q) => this.action(a, q)),
            structures: this.list(version.structures, `${p}.structures`, (s, q) => {
              const structure = this.object(s, q);
              return {
                name: this.string(structure.name, `${q}.name`),
                descriptionHash: this.string(structure.descriptionHash, `${q}.descriptionHash`),
                open: this.boolean(structure.open, `${q}.open`),
                fields: this.fields(structure.fields, `${q}.fields`),
              };
            }),
            serviceErrors: this.serviceErrors(version.serviceErrors, `${p}.serviceErrors`),
          };
        }),
        (v) => v.version,
      ),
    };
  }
  action(value: unknown, path: string): ApiService["versions"][number]["actions"][number] {
    const o = this.object(value, path);
    const rate = o.rateLimitPerSecond;
    if (rate !== null && (typeof rate !== "number" || !Number.isFinite(rate))) {
      this.fail(`${path}.rateLimitPerSecond`, "a number or null");
    }
    return {
      name: this.string(o.name, `${path}.name`),
      descriptionHash: this.string(o.descriptionHash, `${path}.descriptionHash`),
      rateLimitPerSecond: rate,
      financeHosts: this.list(o.financeHosts, `${path}.financeHosts`, (h, p) => this.string(h, p)),
      request: this.fields(o.request, `${path}.request`),
      response: this.fields(o.response, `${path}.response`),
      errors: this.errors(o.errors, `${path}.errors`),
    };
  }
  fields(value: unknown, path: string): ApiField[] {
    return this.list(value, path, (f, p) => {
      const o = this.object(f, p);
      return {
        name: this.string(o.name, `${p}.name`),
        required: this.boolean(o.required, `${p}.required`),
        type: this.string(o.type, `${p}.type`),
        descriptionHash: this.string(o.descriptionHash, `${p}.descriptionHash`),
      };
    });
  }
  /**
   * A record written before service error codes were recorded has no such member: it is read as
   * none, so the next diff lists the service's codes as added (not breaking) instead of refusing
   * the whole record.
   */
  serviceErrors(value: unknown, path: string): ApiErrorCode[] {
    return value === undefined ? [] : this.errors(value, path);
  }
  errors(value: unknown, path: string): ApiErrorCode[] {
    return this.list(value, path, (e, p) => {
      const o = this.object(e, p);
      return {
        code: this.string(o.code, `${p}.code`),
        descriptionHash: this.string(o.descriptionHash, `${p}.descriptionHash`),
      };
    });
  }
}
