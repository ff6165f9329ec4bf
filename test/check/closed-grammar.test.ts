/**
 * Given/want for the closed grammar (check/closed-grammar.ts): a page naming anything outside it
 * is refused with one TCG090 error that shows the value escaped; other pages still build.
 */
import { describe, expect, it } from "vitest";
import { buildIr } from "../../generator/check/build-ir.js";
import { GRAMMAR, hostRule } from "../../generator/check/closed-grammar.js";
import { parsePages } from "../../generator/parse/parse-pages.js";
import { actionPage } from "../parse/helpers.js";

function build(pages: { file: string; text: string }[]) {
  const parsed = parsePages(pages);
  const built = buildIr(parsed.pages);
  return { ir: built.ir, diagnostics: [...parsed.diagnostics, ...built.diagnostics] };
}

const hostile = '*/ import("node:fs").then((fs) => fs.writeFileSync("canary", "")) /*';

describe("the grammar's patterns", () => {
  const cases: [keyof typeof GRAMMAR, string, boolean][] = [
    ["service", "dts", true],
    ["service", "cvm2", true],
    ["service", "a-b", false],
    ["service", "Dts", false],
    ["service", "", false],
    ["version", "2018-03-30", true],
    ["version", "2018-3-30", false],
    ["version", "2018-03-30\n", false],
    ["action", "ModifyMigrateJob", true],
    ["action", "modifyMigrateJob", false],
    ["action", "Pwn*/", false],
    ["name", "JobName", true],
    ["name", "_x1", true],
    ["name", "constructor", true],
    ["name", "Foo-Bar", false],
    ["name", "1stValue", false],
    ["name", "__proto__", true],
    ["errorCode", "ResourceNotFound.JobNotExist", true],
    ["errorCode", "FailedOperation", true],
    ["errorCode", "InvalidParameterValue.Ip_Format", true],
    ["errorCode", "-502", true],
    ["errorCode", "Auth.", false],
    ["errorCode", "a b", false],
  ];
  it.each(cases)("%s %j matches: %s", (rule, value, want) => {
    expect(GRAMMAR[rule].pattern.test(value)).toBe(want);
  });

  const hosts: [string, string, boolean][] = [
    ["dts", "dts.tencentcloudapi.com", true],
    ["dts", "dts.ap-shanghai-fsi.tencentcloudapi.com", true],
    ["live", "live.intl.tencentcloudapi.com", true],
    ["dts", "dts.attacker.example", false],
    ["dts", "cvm.tencentcloudapi.com", false],
    ["dts", "dts.tencentcloudapi.com.evil.com", false],
    ["dts", "dts..tencentcloudapi.com", false],
    ["dts", "dts.tencentcloudapi.com/x", false],
  ];
  it.each(hosts)("service %s, host %j matches: %s", (service, host, want) => {
    expect(hostRule(service).pattern.test(host)).toBe(want);
  });
});

describe("pages outside the grammar", () => {
  const refused: [string, string][] = [
    ["a parameter name", actionPage({ inputRows: `| Foo-Bar | No | String | x |` })],
    [
      "an example host standing in for a missing domain line",
      actionPage({ example: "https://dts.attacker.example/?Action=DoThing" }).replace(
        "Domain name for API request: demo.tencentcloudapi.com",
        "",
      ),
    ],
    [
      "a host with an empty service",
      actionPage({ example: "https://.evil.com/?Action=DoThing" }).replace(
        "Domain name for API request: demo.tencentcloudapi.com",
        "",
      ),
    ],
    [
      "a Host header carrying code",
      actionPage({
        example: `POST / HTTP/1.1\nHost: ${hostile}\nContent-Type: application/json\nX-TC-Action: DoThing\n\n{}`,
      }).replace("Domain name for API request: demo.tencentcloudapi.com", ""),
    ],
  ];
  it.each(refused)("refuses %s with one TCG090 and builds nothing from it", (_, text) => {
    const { ir, diagnostics } = build([{ file: "bad.md", text }]);
    expect(ir.services).toEqual([]);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.position.file])).toEqual([["TCG090", "bad.md"]]);
    // The value is shown escaped: as a JSON string on one line.
    expect(errors[0]?.message).toMatch(/ "[^\n]*" does not match \//);
  });

  it("refuses a data types page with a field name outside the grammar", () => {
    const page = actionPage({ inputRows: "| Spec | No | [Spec](#Spec) | x |" });
    // The page defines Spec, but one of its names is outside the grammar: the whole page is refused.
    const dataTypes = [
      "## Spec",
      "",
      "Referenced by: DoThing.",
      "",
      "| Name | Type | Required | Description |",
      "|---|---|---|---|",
      "| Size | Integer | No | s |",
      "",
      "## Other",
      "",
      "| Name | Type | Required | Description |",
      "|---|---|---|---|",
      "| Size*/x | Integer | No | s |",
      "",
    ].join("\n");
    const { ir, diagnostics } = build([
      { file: "p.md", text: page },
      { file: "types.md", text: dataTypes },
    ]);
    expect(ir.services[0]?.versions[0]?.structures.map((s) => [s.name, s.open])).toEqual([
      ["Spec", true],
    ]);
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.position.file, d.message.slice(0, 26)])).toEqual([
      ["TCG090", "types.md", 'name "Size*/x" does not ma'],
    ]);
  });

  it("reads a domain line's host only as far as the grammar's domain", () => {
    const text = actionPage({}).replace(
      "demo.tencentcloudapi.com",
      "demo.tencentcloudapi.com.evil.com",
    );
    const { ir } = build([{ file: "p.md", text }]);
    expect(ir.services.map((s) => s.versions[0]?.host)).toEqual(["demo.tencentcloudapi.com"]);
  });

  it("refuses an error code outside the grammar and keeps the other pages", () => {
    const bad = actionPage({}).replace(
      "## 4. Example",
      "## 4. Error Codes\n\n| Error Code | Description |\n|---|---|\n| Bad*/Code | x |\n\n## 5. Example",
    );
    const good = actionPage({}).replace(/DoThing/g, "DoOther");
    const { ir, diagnostics } = build([
      { file: "bad.md", text: bad },
      { file: "good.md", text: good },
    ]);
    expect(ir.services[0]?.versions[0]?.actions.map((a) => a.name)).toEqual(["DoOther"]);
    expect(diagnostics.filter((d) => d.code === "TCG090").map((d) => d.message)).toEqual([
      'error code "Bad*/Code" does not match /^(?:[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*|-?\\d{1,9})$/; a page may only name things in that grammar, so the page was refused (nothing generated from it)',
    ]);
  });

  describe("a service's own error codes page", () => {
    const action = actionPage({}).replace(
      "## 4. Example",
      "## 4. Error Codes\n\n| Error Code | Description |\n|---|---|\n| ResourceNotFound.ThingNotExist | x |\n\n## 5. Example",
    );
    const errorCodesPage = (serviceCode: string): string =>
      [
        "## Error Codes",
        "",
        "Domain name for API request: demo.tencentcloudapi.com",
        "",
        "### Service Error Codes",
        "",
        "| Error Code | Description |",
        "|---|---|",
        "| LimitExceeded.ThingQuota | The quota is used up. |",
        `| ${serviceCode} | y |`,
        "",
      ].join("\n");
    const serviceErrors = (text: string) => {
      const built = build([
        { file: "action.md", text: action },
        { file: "errors.md", text },
      ]);
      const codes = built.ir.services[0]?.versions[0]?.serviceErrors?.map((e) => e.code);
      return { codes, diagnostics: built.diagnostics };
    };

    it("gives the service its codes when every one is in the grammar", () => {
      const { codes, diagnostics } = serviceErrors(errorCodesPage("FailedOperation.ThingBusy"));
      expect(codes).toEqual(["FailedOperation.ThingBusy", "LimitExceeded.ThingQuota"]);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    });

    it("refuses the page with TCG090 when one of the service's codes is outside the grammar", () => {
      const { codes, diagnostics } = serviceErrors(errorCodesPage(`Bad${hostile}`));
      expect(codes).toBeUndefined();
      const errors = diagnostics.filter((d) => d.severity === "error");
      expect(errors.map((d) => [d.code, d.position.file, d.position.line])).toEqual([
        ["TCG090", "errors.md", 10],
      ]);
      expect(errors[0]?.message).toMatch(/^error code "Bad\*\/ ?import/);
    });
  });

  it("never takes an action name from an example", () => {
    const text = actionPage({ example: "https://demo.tencentcloudapi.com/?Action=Pwn" })
      .replace(/\| Action \|.*\n/, "")
      .replace("Common parameter. The value used for this API: 2020-01-01", "2020-01-01");
    const { ir, diagnostics } = build([{ file: "p.md", text }]);
    expect(ir.services).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG014"]);
  });

  it("warns when the example's host disagrees with the domain line, and keeps the page's", () => {
    const text = actionPage({ example: "https://other.tencentcloudapi.com/?Action=DoThing" });
    const { ir, diagnostics } = build([{ file: "p.md", text }]);
    expect(ir.services.map((s) => [s.name, s.versions[0]?.host])).toEqual([
      ["demo", "demo.tencentcloudapi.com"],
    ]);
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG091"]);
  });

  it("takes a missing domain line's host from the example only when it is in the grammar", () => {
    const text = actionPage({}).replace(
      "Domain name for API request: demo.tencentcloudapi.com",
      "",
    );
    const { ir, diagnostics } = build([{ file: "p.md", text }]);
    expect(ir.services.map((s) => s.versions[0]?.host)).toEqual(["demo.tencentcloudapi.com"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["TCG020"]);
  });
});
