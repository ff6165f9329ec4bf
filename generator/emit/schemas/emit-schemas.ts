/**
 * schemas/<version>/<Type>.json of each package: a JSON Schema (2020-12) of every request and
 * response, so that other languages and tools can use the contract the generated validators
 * enforce. Each schema is printed from the same type rules as the validators
 * (generator/types/type-rules.ts), with the same sides: a structure that appears in a response
 * accepts integers as decimal strings wherever it is used, as its validator does. A schema holds
 * the structures it reaches under `$defs`; unknown keys are refused (`additionalProperties: false`)
 * as the validators refuse them. Page text appears only as JSON string data (descriptions).
 */
import { compareCodeUnits } from "../../code-unit-order.js";
import type { Field, JsonValue, Structure, TypeRef } from "../../ir/types.js";
import {
  JSON_OBJECT,
  primitiveRule,
  type JsonSchema,
  type TypeSide,
} from "../../types/type-rules.js";
import type { PackageContext } from "../package-context.js";
import { jsonFile, type PlannedFile } from "../planned-file.js";
import { GENERATED_NOTICE } from "../../print/generated-header.js";
import { structuresInResponses } from "../types/response-side.js";

const DIALECT = "https://json-schema.org/draft/2020-12/schema";

export function emitSchemas(pkg: PackageContext): PlannedFile[] {
  return pkg.versions.flatMap(({ version, names }) => {
    const printer = new SchemaPrinter(version.structures, structuresInResponses(version));
    const dir = `${pkg.folder}/schemas/${names.folder}`;
    return version.actions.flatMap((action) => {
      const own = names.actions.get(action.name);
      if (own === undefined) return [];
      return [
        { name: own.requestType, fields: action.input, side: "request" as const },
        { name: own.responseType, fields: action.output, side: "response" as const },
      ].map(({ name, fields, side }) =>
        jsonFile(`${dir}/${name}.json`, printer.rootSchema(name, fields, side)),
      );
    });
  });
}

/** Prints schemas of one version; `$defs` of a root hold exactly the structures it reaches. */
class SchemaPrinter {
  readonly #structures: ReadonlyMap<string, Structure>;
  readonly #inResponses: ReadonlySet<string>;

  constructor(structures: readonly Structure[], inResponses: ReadonlySet<string>) {
    this.#structures = new Map(structures.map((s) => [s.name, s]));
    this.#inResponses = inResponses;
  }

  rootSchema(title: string, fields: readonly Field[], side: TypeSide): JsonSchema {
    const reached = new Map<string, JsonSchema>();
    const root = this.#objectSchema(fields, side, reached);
    const defs = [...reached].sort(([a], [b]) => compareCodeUnits(a, b));
    return {
      $schema: DIALECT,
      $comment: GENERATED_NOTICE,
      title,
      ...root,
      ...(defs.length === 0 ? {} : { $defs: Object.fromEntries(defs) }),
    };
  }

  #objectSchema(
    fields: readonly Field[],
    side: TypeSide,
    reached: Map<string, JsonSchema>,
  ): JsonSchema {
    const properties = fields.map((field): [string, JsonValue] => {
      const type = this.#typeSchema(field.type, side, reached);
      const value = field.nullable ? { anyOf: [type, { type: "null" }] } : type;
      return [
        field.name,
        field.description === "" ? value : { description: field.description, ...value },
      ];
    });
    const required = fields.filter((f) => f.required).map((f) => f.name);
    return {
      type: "object",
      // fromEntries defines each key as data, so even a `__proto__` field is a property.
      properties: Object.fromEntries(properties),
      ...(required.length === 0 ? {} : { required }),
      additionalProperties: false,
    };
  }

  #typeSchema(type: TypeRef, side: TypeSide, reached: Map<string, JsonSchema>): JsonSchema {
    switch (type.kind) {
      case "unknown":
        return {};
      case "primitive":
        return primitiveRule(type.name, side).schema;
      case "array":
        return { type: "array", items: this.#typeSchema(type.element, side, reached) };
      case "union":
        return { anyOf: type.options.map((option) => this.#typeSchema(option, side, reached)) };
      case "struct": {
        const structure = this.#structures.get(type.name);
        if (structure === undefined || structure.open) return JSON_OBJECT.schema;
        if (!reached.has(structure.name)) {
          reached.set(structure.name, {}); // placeholder: a structure may refer to itself
          const own = this.#inResponses.has(structure.name) ? "response" : "request";
          const schema = this.#objectSchema(structure.fields, own, reached);
          reached.set(structure.name, {
            ...(structure.description === "" ? {} : { description: structure.description }),
            ...schema,
          });
        }
        return { $ref: `#/$defs/${pointerSegment(structure.name)}` };
      }
    }
  }
}

/** A JSON Pointer segment (RFC 6901) in a URI fragment. */
function pointerSegment(name: string): string {
  return encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"));
}
