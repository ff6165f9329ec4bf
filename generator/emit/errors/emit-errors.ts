/**
 * errors.ts of a version: a class per error category under the runtime's TencentCloudError, a
 * class per documented code under its category (common codes included), and the registry the
 * runtime's createServiceError looks codes up in.
 */
import {
  StructureKind,
  VariableDeclarationKind,
  type ClassDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile } from "../planned-file.js";
import { propertyNameText } from "../naming/identifiers.js";
import { docs } from "../typescript/jsdoc.js";
import type { VersionContext } from "../version-context.js";
import type { ErrorClassPlan } from "./plan-error-classes.js";
import type { SeeLine } from "../typescript/provenance.js";

export function emitErrors(pkg: PackageContext): PlannedFile[] {
  const see = pkg.see;
  return pkg.versions.map((context) =>
    typescriptFile(`${context.dir}/errors.ts`, [
      {
        kind: StructureKind.ImportDeclaration,
        moduleSpecifier: "../runtime/errors.js",
        // A version without error codes (no page lists any) declares no class: no base import.
        namedImports: [
          ...(context.names.errorClasses.length > 0 ? ["TencentCloudError"] : []),
          { name: "ErrorRegistry", isTypeOnly: true },
        ],
      },
      ...context.names.errorClasses.map((plan) => errorClass(plan, see)),
      registry(context),
    ]),
  );
}

function errorClass(plan: ErrorClassPlan, see: SeeLine): ClassDeclarationStructure {
  const what = plan.isCategory ? `Error category \`${plan.code}\`` : `Error code \`${plan.code}\``;
  return {
    kind: StructureKind.Class,
    name: plan.className,
    isExported: true,
    extends: plan.parentClassName ?? "TencentCloudError",
    docs: docs(
      plan.description === "" ? `${what}.` : `${what}: ${plan.description}`,
      see(plan.position),
    ),
  };
}

function registry({ names }: VersionContext): VariableStatementStructure {
  // A code that is its own category ("InvalidParameter") is listed under both maps.
  const codes = names.errorClasses
    .filter((plan) => plan.documented)
    .map((plan) => `${propertyNameText(plan.code)}: ${plan.className},`);
  const categories = names.errorClasses
    .filter((plan) => plan.isCategory)
    .map((plan) => `${propertyNameText(plan.code)}: ${plan.className},`);
  return {
    kind: StructureKind.VariableStatement,
    declarationKind: VariableDeclarationKind.Const,
    isExported: true,
    docs: ["Error classes by exact code and by category, for the runtime's createServiceError."],
    declarations: [
      {
        name: names.errorRegistry,
        type: "ErrorRegistry",
        initializer: `{\ncodes: {\n${codes.join("\n")}\n},\ncategories: {\n${categories.join("\n")}\n},\n}`,
      },
    ],
  };
}
