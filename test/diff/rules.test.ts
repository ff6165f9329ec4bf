/**
 * The rules that are not about pages: response requiredness (output tables carry no Required
 * column, so on models), the type-widening relation, the bump rule and its 0.x convention, the
 * severity overrides, and the recorded API's own version check.
 */
import { describe, expect, it } from "vitest";
import type { ApiModel, ApiService } from "../../generator/diff/api-model.js";
import { accepts } from "../../generator/diff/canonical-type.js";
import { compareSides } from "../../generator/diff/compare-sides.js";
import { diffModels } from "../../generator/diff/diff-models.js";
import type { DiffSide } from "../../generator/diff/load-side.js";
import {
  parseRecord,
  recordText,
  RECORD_FORMAT,
  type ApiRecord,
} from "../../generator/diff/record-file.js";
import { bumpVersion, impliedBump } from "../../generator/diff/semver-bump.js";
import {
  applySeverityOverrides,
  DiffConfigError,
  parseOverrides,
} from "../../generator/diff/severity-config.js";
import { summary } from "./fixture-sides.js";

function service(responseRequired: boolean, extra: Partial<ApiService> = {}): ApiService {
  return {
    name: "wgt",
    commonErrors: [],
    versions: [
      {
        version: "2020-01-01",
        host: "wgt.tencentcloudapi.com",
        structures: [],
        serviceErrors: [],
        actions: [
          {
            name: "GetWidget",
            descriptionHash: "h",
            rateLimitPerSecond: null,
            financeHosts: [],
            request: [],
            response: [
              { name: "Total", required: responseRequired, type: "integer", descriptionHash: "d" },
            ],
            errors: [],
          },
        ],
      },
    ],
    ...extra,
  };
}
const model = (s: ApiService): ApiModel => ({ services: [s] });

describe("response requiredness", () => {
  it.each([
    [true, false, "response-field-became-optional GetWidgetResponse.Total breaking"],
    [false, true, "response-field-became-required GetWidgetResponse.Total compatible"],
  ])("required %s -> %s: %s", (before, after, want) => {
    expect(summary(diffModels(model(service(before)), model(service(after))))).toEqual([want]);
  });
});

describe("common error codes", () => {
  it("reports a removed common error as breaking, path #Code", () => {
    const before = service(false, {
      commonErrors: [{ code: "AuthFailure", descriptionHash: "x" }],
    });
    expect(summary(diffModels(model(before), model(service(false))))).toEqual([
      "error-code-removed #AuthFailure breaking",
    ]);
  });
});

describe("a service's own error codes", () => {
  const withOwn = (...codes: string[]): ApiService => {
    const base = service(false);
    const [version] = base.versions;
    if (version === undefined) throw new Error("fixture has a version");
    const serviceErrors = codes.map((code) => ({ code, descriptionHash: "x" }));
    return { ...base, versions: [{ ...version, serviceErrors }] };
  };

  it("reports a removed service error class as breaking, path service@version#Code", () => {
    expect(summary(diffModels(model(withOwn("A.B", "C")), model(withOwn("C"))))).toEqual([
      "error-code-removed wgt@2020-01-01#A.B breaking",
    ]);
  });

  it("reports an added one as compatible", () => {
    expect(summary(diffModels(model(withOwn()), model(withOwn("C"))))).toEqual([
      "error-code-added wgt@2020-01-01#C compatible",
    ]);
  });

  it("a code moving from the service's list to the common list is removed there, added here", () => {
    const common = { ...withOwn(), commonErrors: [{ code: "C", descriptionHash: "x" }] };
    expect(summary(diffModels(model(withOwn("C")), model(common)))).toEqual([
      "error-code-added #C compatible",
      "error-code-removed wgt@2020-01-01#C breaking",
    ]);
  });
});

describe("accepts(to, from): every value of from is a value of to", () => {
  it.each([
    ["float", "integer", true],
    ["integer", "float", false],
    ["stringOrNumber", "string", true],
    ["string", "timestamp", true],
    ["float[]", "integer[]", true],
    ["integer[]", "integer", false],
    ["integer | null", "integer", true],
    ["integer", "integer | null", false],
    ["Widget", "Gadget", false],
  ])("accepts(%s, %s) = %s", (to, from, want) => {
    expect(accepts(to, from)).toBe(want);
  });
});

describe("bump rule", () => {
  const [breaking] = diffModels(model(service(true)), model(service(false)));
  const [compatible] = diffModels(model(service(false)), model(service(true)));
  const description = {
    ...compatible!,
    id: "description-changed" as const,
    severity: "info" as const,
  };

  it.each([
    ["0.1.3", [breaking!], "minor", "0.2.0"],
    ["0.1.3", [compatible!], "patch", "0.1.4"],
    ["0.1.3", [description], "patch", "0.1.4"],
    ["1.4.2", [breaking!], "major", "2.0.0"],
    ["1.4.2", [compatible!], "minor", "1.5.0"],
    ["1.4.2", [description], "patch", "1.4.3"],
    ["1.4.2", [], "none", "1.4.2"],
  ] as const)("from %s with %j: %s -> %s", (from, changes, bump, to) => {
    expect(impliedBump(changes, from)).toBe(bump);
    expect(bumpVersion(from, impliedBump(changes, from))).toBe(to);
  });

  it("a breaking kind lowered below error by tcgen.diff.json is accepted: patch, not minor", () => {
    const overrides = parseOverrides(
      { severity: { "response-field-became-optional": "warning" } },
      "tcgen.diff.json",
    );
    const accepted = applySeverityOverrides([breaking!], overrides);
    expect(accepted[0]).toMatchObject({ breaking: true, severity: "warning" });
    expect(impliedBump(accepted, "0.1.0")).toBe("patch");
  });
});

describe("tcgen.diff.json", () => {
  it.each([
    [[], "should be an object"],
    [{ severity: { "no-such-change": "info" } }, 'unknown change id "no-such-change"'],
    [{ severity: { "action-added": "fatal" } }, 'not "fatal"'],
    [{ severity: [] }, "should map change ids"],
  ])("refuses %j naming the problem", (data, message) => {
    expect(() => parseOverrides(data, "tcgen.diff.json")).toThrow(DiffConfigError);
    expect(() => parseOverrides(data, "tcgen.diff.json")).toThrow(message);
  });
});

describe("recorded API", () => {
  const record = (version: string, responseRequired: boolean): ApiRecord => ({
    recordFormat: RECORD_FORMAT,
    package: "@tcgen/wgt",
    version,
    service: service(responseRequired),
  });
  const side = (r: ApiRecord): DiffSide => ({
    model: { services: [r.service] },
    record: r,
    diagnostics: [],
  });

  it("reads back what it writes", () => {
    const text = recordText(record("0.3.1", true));
    expect(parseRecord(text, "api.json")).toEqual(record("0.3.1", true));
  });

  it("records the service's own error codes and reads them back", () => {
    const own = [{ code: "LimitExceeded.WidgetQuota", descriptionHash: "q" }];
    const base = record("0.3.1", true);
    const [version] = base.service.versions;
    if (version === undefined) throw new Error("fixture has a version");
    const withOwn = {
      ...base,
      service: { ...base.service, versions: [{ ...version, serviceErrors: own }] },
    };
    const text = recordText(withOwn);
    expect(text).toContain('"code": "LimitExceeded.WidgetQuota"');
    expect(parseRecord(text, "api.json")).toEqual(withOwn);
  });

  it("reads a record written before service error codes were recorded as having none", () => {
    const older = JSON.parse(recordText(record("0.3.1", true))) as {
      service: { versions: Record<string, unknown>[] };
    };
    for (const version of older.service.versions) delete version.serviceErrors;
    expect(JSON.stringify(older)).not.toContain("serviceErrors");
    expect(parseRecord(JSON.stringify(older), "api.json")).toEqual(record("0.3.1", true));
  });

  it.each([
    ["{", "not JSON"],
    [
      recordText(record("0.1.0", true)).replace('"serviceErrors": []', '"serviceErrors": {}'),
      "serviceErrors should be an array",
    ],
    ['{"recordFormat": 99}', "recordFormat is 99"],
    [
      recordText(record("0.1.0", true)).replace('"required": true', '"required": "yes"'),
      "required should be true or false",
    ],
    [
      recordText(record("0.1.0", true)).replace('"version": "0.1.0"', '"version": "latest"'),
      'version "latest"',
    ],
  ])("refuses a broken record, naming the member (%#)", (text, message) => {
    expect(() => parseRecord(text, "api.json")).toThrow(message);
  });

  it("reports a breaking change whose record kept its version as version-not-bumped", () => {
    const [group] = compareSides(
      side(record("0.2.0", true)),
      side(record("0.2.0", false)),
      new Map(),
    );
    expect(summary(group!.changes)).toEqual([
      "response-field-became-optional GetWidgetResponse.Total breaking",
      "version-not-bumped @tcgen/wgt compatible",
    ]);
    expect(group!.changes.at(-1)).toMatchObject({
      severity: "error",
      before: "0.2.0",
      after: "0.2.0",
    });
    expect(group!.bump).toBe("minor");
  });

  it("accepts the same change when the record's version was bumped enough", () => {
    const [group] = compareSides(
      side(record("0.2.0", true)),
      side(record("0.3.0", false)),
      new Map(),
    );
    expect(summary(group!.changes)).toEqual([
      "response-field-became-optional GetWidgetResponse.Total breaking",
    ]);
  });

  it("a patch bump is not enough for a breaking change", () => {
    const [group] = compareSides(
      side(record("0.2.0", true)),
      side(record("0.2.1", false)),
      new Map(),
    );
    expect(group!.changes.map((c) => c.id)).toContain("version-not-bumped");
  });
});
