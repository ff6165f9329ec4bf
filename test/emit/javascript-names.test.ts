/**
 * Names a page can give that JavaScript already uses, emitted from the edge-case IR with extra
 * fields, structures and an action added: fields named like Object.prototype members validate
 * as own properties and may be left out in TypeScript; structures named like globals the
 * generated code uses, or like ResponseInteger, are renamed; the action `Then` exports no `then`.
 * The package is type-checked together with a consumer file, then imported.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { emitPackages } from "../../generator/emit/emit-packages.js";
import { coreEmitters } from "../../generator/emit/emitters.js";
import type { Field, Ir, Structure, TypeRef } from "../../generator/ir/types.js";
import { formatFiles } from "../../generator/print/format-files.js";
import { loadFixtureIr, tsFilesUnder, typeCheck, writeTree } from "./emit-fixture.js";

const position = { file: "cvm/data-types.md", line: 1, column: 1 };
const string: TypeRef = { kind: "primitive", name: "string", docType: "String" };
const struct = (name: string): TypeRef => ({ kind: "struct", name, docType: name });
const field = (name: string, type: TypeRef = string, required = false): Field => ({
  name,
  required,
  type,
  description: `The field ${name}.`,
  nullable: false,
  position,
});
const structure = (name: string, fields: Field[]): Structure => ({
  name,
  description: `A structure named ${name}.`,
  fields,
  open: false,
  position,
});

const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];
const GLOBAL_NAMES = ["ReadonlySet", "ResponseInteger", "Promise", "Error", "Object"];

/** The edge-case IR plus the clashing names. */
function clashingIr(): Ir {
  const ir = structuredClone(loadFixtureIr("edge-cases")) as unknown as {
    services: { versions: { actions: Record<string, unknown>[]; structures: Structure[] }[] }[];
  };
  const version = ir.services[0]!.versions[0]!;
  const send = version.actions.find((a) => a["name"] === "Send")!;
  send["input"] = [
    field("Message", string, true),
    ...PROTOTYPE_NAMES.map((name) => field(name)),
    ...GLOBAL_NAMES.map((name) => field(`Uses${name}`, struct(name))),
  ];
  version.actions.push({ ...send, name: "Then", input: [field("Step", string, true)] });
  version.actions.sort((a, b) => String(a["name"]).localeCompare(String(b["name"])));
  version.structures.push(
    ...GLOBAL_NAMES.map((name) => structure(name, [field("Id", string, true), field("__proto__")])),
  );
  version.structures.sort((a, b) => (a.name < b.name ? -1 : 1));
  return ir as unknown as Ir;
}

const dir = writeTree(await formatFiles(emitPackages(clashingIr(), coreEmitters)));
const versionDir = join(dir, "cvm/src/v20170312");
const entry = (await import(pathToFileURL(join(versionDir, "index.ts")).href)) as Record<
  string,
  unknown
>;

interface SomeValidator {
  validate(value: unknown): { ok: boolean; issues?: readonly { path: readonly unknown[] }[] };
}
const validator = (name: string) => entry[name] as SomeValidator;

describe("names JavaScript already uses", () => {
  it("type-check, with a consumer that leaves the prototype-named fields out or sets them", () => {
    const consumer = join(dir, "cvm/src/consumer.ts");
    writeFileSync(
      consumer,
      [
        'import type { SendRequest, Object_2 } from "./v20170312/index.js";',
        'export const bare: SendRequest = { Message: "m" };',
        "export const full: SendRequest = {",
        '  Message: "m", constructor: "c", toString: "t", ["__proto__"]: "p",',
        '  hasOwnProperty: "h", valueOf: "v", UsesObject: { Id: "o", ["__proto__"]: "x" },',
        "};",
        'export const object: Object_2 = { Id: "o" };',
        "// @ts-expect-error a number is no string",
        'export const wrong: SendRequest = { Message: "m", constructor: 1 };',
        "",
      ].join("\n"),
    );
    expect(typeCheck([...tsFilesUnder(join(dir, "cvm/src")), consumer])).toEqual([]);
  });

  it("accept a request that leaves out fields named like Object.prototype members", () => {
    expect(validator("validateSendRequest").validate({ Message: "m" })).toMatchObject({ ok: true });
    const bare = Object.assign(Object.create(null) as object, { Message: "m" });
    expect(validator("validateSendRequest").validate(bare)).toMatchObject({ ok: true });
  });

  it("accept them given as own properties, and report them at their path when wrong", () => {
    const given = JSON.parse(
      '{"Message":"m","constructor":"c","toString":"t","__proto__":"p","hasOwnProperty":"h","valueOf":"v"}',
    ) as object;
    expect(validator("validateSendRequest").validate(given)).toMatchObject({ ok: true });
    for (const name of PROTOTYPE_NAMES) {
      const wrong = JSON.parse(JSON.stringify({ Message: "m", [name]: 1 })) as object;
      const outcome = validator("validateSendRequest").validate(wrong);
      expect(outcome.ok).toBe(false);
      expect(outcome.issues?.map((i) => i.path)).toEqual([[name]]);
    }
  });

  it("rename structures named like globals or ResponseInteger; wire names stay", async () => {
    const types = (await import("node:fs")).readFileSync(join(versionDir, "types.ts"), "utf8");
    for (const name of GLOBAL_NAMES) {
      expect(types).toContain(`export interface ${name}_2 {`);
      expect(types).toContain(`Named \`${name}\` in the docs; declared as \`${name}_2\``);
      expect(types).toMatch(new RegExp(`^\\s*Uses${name}\\?: ${name}_2;`, "m"));
      expect(
        validator(`validate${name}_2`).validate(JSON.parse('{"Id":"o","__proto__":"x"}')),
      ).toMatchObject({
        ok: true,
      });
    }
    expect(types).toMatch(/^\s*__proto__\?: string;/m);
    expect(types).toMatch(/^\s*constructor\?: string \| object\["constructor"\];/m);
  });

  it("export no then: the function and client method of action Then are then_2", async () => {
    expect(Object.keys(entry)).not.toContain("then");
    expect(typeof entry["then_2"]).toBe("function");
    const client = entry["CvmClient"] as { prototype: object };
    expect("then" in client.prototype).toBe(false);
    // A module namespace with a `then` export would be awaited as a thenable here.
    const again = (await import(pathToFileURL(join(versionDir, "index.ts")).href)) as object;
    expect(again).toBe(entry);
  });
});
