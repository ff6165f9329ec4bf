/**
 * validators.ts of a version: generated validation code (no library at run time) for every
 * request, response and structure. Each type is planned once (object-plan.ts); from the plan come
 * a fast allocation-free `$is_X` and an issue collector `$collect_X` walking the `$rules_X` table
 * (print-object-validator.ts); the exported `validateX` joins them with the runtime's
 * createValidator.
 */
import { StructureKind } from "ts-morph";
import type { PackageContext } from "../package-context.js";
import { typescriptFile, type PlannedFile, type Statements } from "../planned-file.js";
import type { VersionContext } from "../version-context.js";
import { planObjects } from "./object-plan.js";
import { objectValidatorDeclarations } from "./print-object-validator.js";
import { RT } from "./runtime-helpers.js";
import { ValidatorChecks } from "./validator-checks.js";

export function emitValidators(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.map((context) =>
    // The largest generated module, in a subset of TypeScript print/typescript-layout/ lays out
    // itself: formatting it was ~40% of prettier's work in a corpus run.
    typescriptFile(`${context.dir}/validators.ts`, validatorModule(context)),
  );
}

function validatorModule(context: VersionContext): Statements {
  const checks = new ValidatorChecks(context.names);
  const plans = planObjects(context, checks);
  const typeNames = [...new Set(plans.map((p) => p.typeName))].sort();
  return [
    {
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "../runtime/validation.js",
      namespaceImport: RT,
    },
    ...(typeNames.length === 0
      ? []
      : [
          {
            kind: StructureKind.ImportDeclaration as const,
            moduleSpecifier: "./types.js",
            isTypeOnly: true,
            namedImports: typeNames,
          },
        ]),
    // Array and union helpers the plans created, inner types first.
    ...checks.declarations,
    ...plans.flatMap(objectValidatorDeclarations),
  ];
}
