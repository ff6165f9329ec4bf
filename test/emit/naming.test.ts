import { describe, expect, it } from "vitest";
import {
  propertyNameText,
  toCamelCase,
  toIdentifier,
  toPascalCase,
  versionFolder,
} from "../../generator/emit/naming/identifiers.js";
import { NameAllocator } from "../../generator/emit/naming/name-allocator.js";
import { planVersionNames } from "../../generator/emit/naming/plan-names.js";
import { actionRenameNote, structureRenameNote } from "../../generator/emit/naming/rename-note.js";
import { RUNTIME_EXPORTS } from "../../generator/emit/naming/runtime-names.js";
import { emitFixture, loadFixtureIr } from "./emit-fixture.js";

describe("toIdentifier", () => {
  it.each([
    { given: "MigrateOption", want: "MigrateOption" },
    { given: "Weird-Name", want: "Weird_Name" },
    { given: "2ndTry", want: "_2ndTry" },
    { given: "string", want: "string_" },
    { given: "class", want: "class_" },
    { given: "type", want: "type_" },
    { given: "A$B", want: "A_B" },
    { given: "", want: "_" },
    { given: "Zoné", want: "Zon_" },
  ])("$given -> $want", ({ given, want }) => {
    expect(toIdentifier(given)).toBe(want);
  });
});

describe("toCamelCase", () => {
  it.each([
    { given: "ModifyMigrateJob", want: "modifyMigrateJob" },
    { given: "DescribeDBInstances", want: "describeDBInstances" },
    { given: "DBInstances", want: "dbInstances" },
    { given: "URL", want: "url" },
    { given: "Delete", want: "delete_" },
    { given: "New", want: "new_" },
  ])("$given -> $want", ({ given, want }) => {
    expect(toCamelCase(given)).toBe(want);
  });
});

describe("toPascalCase and versionFolder", () => {
  it.each([
    { given: "dts", want: "Dts" },
    { given: "tke-edge", want: "TkeEdge" },
    { given: "ResourceNotFound Instance-Missing", want: "ResourceNotFoundInstanceMissing" },
  ])("toPascalCase($given) -> $want", ({ given, want }) => {
    expect(toPascalCase(given)).toBe(want);
  });

  it("drops the dashes of a version", () => {
    expect(versionFolder("2018-03-30")).toBe("v20180330");
  });
});

describe("propertyNameText", () => {
  it.each([
    { given: "JobId", want: "JobId" },
    { given: "class", want: "class" },
    { given: "Weird-Name", want: '"Weird-Name"' },
    { given: "a b", want: '"a b"' },
    { given: "1st", want: '"1st"' },
  ])("$given -> $want", ({ given, want }) => {
    expect(propertyNameText(given)).toBe(want);
  });
});

describe("NameAllocator", () => {
  it("keeps the first claim and numbers the later ones", () => {
    const names = new NameAllocator(["Reserved"]);
    expect([names.claim("A"), names.claim("A"), names.claim("Reserved"), names.claim("A")]).toEqual(
      ["A", "A_2", "Reserved_2", "A_3"],
    );
  });

  it("claims the first free preferred name, else numbers the first", () => {
    const names = new NameAllocator(["A"]);
    expect([
      names.claimFirstFree(["A", "B"]),
      names.claimFirstFree(["A", "B"]),
      names.claimFirstFree(["C"]),
    ]).toEqual(["B", "A_2", "C"]);
  });
});

describe("planVersionNames", () => {
  const ir = loadFixtureIr("edge-cases");
  const service = ir.services[0]!;
  const names = planVersionNames(service.name, service.versions[0]!, ir.commonErrors);

  it("names the service-level declarations after the service and version", () => {
    expect([names.folder, names.client, names.descriptor, names.errorRegistry]).toEqual([
      "v20170312",
      "CvmClient",
      "cvmV20170312",
      "cvmV20170312Errors",
    ]);
  });

  it("gives actions their documented names and a method that does not override ServiceClient", () => {
    expect(names.actions.get("DescribeDBInstances")).toEqual({
      requestType: "DescribeDBInstancesRequest",
      responseType: "DescribeDBInstancesResponse",
      requestValidator: "validateDescribeDBInstancesRequest",
      responseValidator: "validateDescribeDBInstancesResponse",
      operation: "describeDBInstancesOperation",
      method: "describeDBInstances",
    });
    expect(names.actions.get("Send")?.method).toBe("send_2");
  });

  it("renames structures that clash with keywords, runtime names or action types", () => {
    expect(names.structures.get("string")?.type).toBe("string_");
    expect(names.structures.get("ClientOptions")?.type).toBe("ClientOptions_2");
    expect(names.structures.get("DescribeDBInstancesRequest")?.type).toBe(
      "DescribeDBInstancesRequest_2",
    );
    expect(names.structures.get("Filter")?.type).toBe("Filter");
  });

  it("renames an error class that clashes with a runtime class", () => {
    expect(names.errorClasses.find((c) => c.code === "Network")?.className).toBe("NetworkError_2");
  });

  it("hands out every name once", () => {
    const all = [
      names.client,
      names.descriptor,
      names.errorRegistry,
      ...[...names.actions.values()].flatMap((a) => Object.values(a)),
      ...[...names.structures.values()].flatMap((s) => [s.type, s.validator]),
      ...names.errorClasses.map((c) => c.className),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});

describe("reserved names", () => {
  it("cover every name index.ts re-exports from the runtime", async () => {
    const files = await emitFixture("dts-seed");
    const index = files.find((f) => f.path.endsWith("/v20180330/index.ts"))?.content ?? "";
    const fromRuntime = [...index.matchAll(/export (?:type )?\{([^}]*)\} from "\.\.\/runtime\//g)]
      .flatMap((m) => (m[1] ?? "").split(","))
      .map((name) => name.replace(/^\s*type\s+/, "").trim())
      .filter((name) => name !== "");
    expect(fromRuntime.length).toBeGreaterThan(20);
    for (const name of fromRuntime) expect(RUNTIME_EXPORTS).toContain(name);
  });

  it("keep structures off the globals generated code uses and off ResponseInteger", () => {
    const base = loadFixtureIr("edge-cases").services[0]!.versions[0]!;
    const taken = ["Promise", "ReadonlySet", "Set", "Number", "Array", "Object", "BigInt"];
    const structures = [...taken, "Error", "ResponseInteger", "Function"].map((name) => ({
      ...base.structures[0]!,
      name,
    }));
    const names = planVersionNames("cvm", { ...base, structures }, []);
    for (const name of [...taken, "Error", "ResponseInteger"]) {
      expect(names.structures.get(name)?.type).toBe(`${name}_2`);
    }
    // Not used by generated code: kept as documented.
    expect(names.structures.get("Function")?.type).toBe("Function");
  });

  it("never name a function or client method then", () => {
    const base = loadFixtureIr("edge-cases").services[0]!.versions[0]!;
    const actions = [{ ...base.actions[1]!, name: "Then" }];
    const names = planVersionNames("cvm", { ...base, actions }, []);
    expect(names.actions.get("Then")).toMatchObject({
      method: "then_2",
      requestType: "ThenRequest",
    });
  });
});

describe("rename notes", () => {
  it("say what the docs call a renamed structure, and why it was renamed", () => {
    expect(structureRenameNote("Filter", "Filter")).toBeUndefined();
    expect(structureRenameNote("Promise", "Promise_2")).toBe(
      "Named `Promise` in the docs; declared as `Promise_2` because `Promise` is a JavaScript global the generated code uses.",
    );
    expect(structureRenameNote("default", "default_")).toContain("`default` is a reserved word");
    expect(structureRenameNote("ClientOptions", "ClientOptions_2")).toContain(
      "taken by another generated or runtime name",
    );
  });

  it("say which action a renamed function sends", () => {
    expect(actionRenameNote("DescribeThings", "describeThings")).toBeUndefined();
    expect(actionRenameNote("Delete", "delete_")).toBeUndefined();
    expect(actionRenameNote("Then", "then_2")).toMatch(
      /^Sends the `Then` action; named `then_2` rather than `then` because .*thenable/,
    );
    expect(actionRenameNote("Send", "send_2")).toContain(
      "every client already has a member `send`",
    );
  });
});
