/**
 * Lays out a generated TypeScript module as prettier would, without prettier's parser and
 * printer: the module (as ts-morph printed it) is parsed with TypeScript, each node of a small
 * subset is turned into the doc prettier's estree printer builds for it, and prettier's own doc
 * printer (`prettier/doc`) prints them. Formatting with prettier is mostly its parse, comment
 * attachment and tree printing; the doc printer is about a tenth of it.
 *
 * The subset is what the generated modules hold (each version's validators, types, errors,
 * operations, client, index, paginators, example data and example test; each package's root
 * index and mock entry point): imports and exports, functions and classes with typed
 * parameters, `const` declarations, interfaces and type aliases that fit on their lines (and
 * element type aliases, `NonNullable<R["Items"]>[number]`, that do not), call
 * statements, if, for-in, switch, return, calls (a lone object argument hugged), `new`,
 * `===`/`!==`/`&&`/`||`, `!`,
 * `typeof`, conditionals, element reads, arrays, objects, strings, numbers, `as`/`satisfies`, doc
 * comments and a few types. For anything else (another node kind, a comment elsewhere, an array
 * of numbers, which prettier fills) `layOutModule` returns undefined and the module is formatted by
 * prettier, so the route never changes a byte (test/print/typescript-layout.test.ts compares both
 * on every fixture and corpus module, and on generated modules of random names and types).
 */
import { builders, printer } from "prettier/doc";
import { ts } from "ts-morph";
import { PRETTIER_OPTIONS } from "../prettier-options.js";
import { ExpressionPrinter, parenthesizedList, unparenthesized } from "./expression-docs.js";
import { OutsideSubset } from "./outside-subset.js";
import { leadingComments, nextLineEmpty } from "./trivia.js";
import { elementOfTypeDoc, flatIndexSignature, flatType, typeDoc } from "./type-docs.js";

type Doc = builders.Doc;

const {
  group,
  indent,
  indentIfBreak,
  line,
  lineSuffixBoundary,
  softline,
  hardline,
  ifBreak,
  join,
} = builders;

/** The pinned options (prettier-options.ts) as the doc printer takes them (prettier's default indent). */
const PRINT_OPTIONS = { printWidth: PRETTIER_OPTIONS.printWidth, tabWidth: 2, useTabs: false };

/** `text` laid out as prettier prints it, or undefined when it is outside the subset. */
export function layOutModule(text: string): string | undefined {
  try {
    // Doc comments are printed from their text, so TypeScript need not parse them (JSDoc
    // parsing was about half of the parse: the types and errors modules are mostly doc comments).
    const source = ts.createSourceFile(
      "module.ts",
      text,
      { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
      false,
    );
    if ((source as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length) {
      throw new OutsideSubset("syntax error");
    }
    const doc = new ModulePrinter(source).module();
    const formatted = printer.printDocToString(doc, PRINT_OPTIONS).formatted;
    return commentMarks(formatted) === commentMarks(text) ? formatted : undefined;
  } catch (error) {
    if (error instanceof OutsideSubset) return undefined;
    throw error;
  }
}

class ModulePrinter {
  private readonly expressions: ExpressionPrinter;

  constructor(private readonly source: ts.SourceFile) {
    this.expressions = new ExpressionPrinter(source);
  }

  module(): Doc {
    const body = this.sequence(this.source.statements, (statement) => this.topLevel(statement));
    return this.source.statements.length === 0 ? "" : [body, hardline];
  }

  /** Statements one per line, a blank line kept after one the source follows by a blank line. */
  private sequence<T extends ts.Node>(nodes: readonly T[], print: (node: T) => Doc): Doc {
    const parts: Doc[] = [];
    nodes.forEach((node, index) => {
      parts.push(print(node));
      if (index < nodes.length - 1) {
        parts.push(hardline);
        if (nextLineEmpty(this.source, node)) parts.push(hardline);
      }
    });
    return parts;
  }

  private topLevel(statement: ts.Statement): Doc {
    const docs = leadingComments(this.source, statement);
    if (ts.isInterfaceDeclaration(statement)) return [docs, this.interfaceDeclaration(statement)];
    if (ts.isTypeAliasDeclaration(statement)) return [docs, this.typeAlias(statement)];
    if (ts.isClassDeclaration(statement)) return [docs, this.classDeclaration(statement)];
    if (ts.isExportDeclaration(statement)) return [docs, this.exportDeclaration(statement)];
    if (ts.isImportDeclaration(statement)) return [docs, this.importDeclaration(statement)];
    if (ts.isFunctionDeclaration(statement)) return [docs, this.functionDeclaration(statement)];
    if (ts.isVariableStatement(statement)) return [docs, this.variableStatement(statement)];
    if (ts.isExpressionStatement(statement)) return [docs, this.statement(statement)];
    throw new OutsideSubset(`statement ${ts.SyntaxKind[statement.kind]}`);
  }

  /** An exported interface of optional or required typed properties, each on its own line. */
  private interfaceDeclaration(node: ts.InterfaceDeclaration): Doc {
    if (
      !isExportedOnly(node.modifiers) ||
      node.typeParameters !== undefined ||
      node.heritageClauses !== undefined
    ) {
      throw new OutsideSubset("interface");
    }
    const head = `export interface ${node.name.text} {`;
    if (node.members.length === 0) return `${head}}`;
    const members = this.sequence(node.members, (member) => {
      if (ts.isIndexSignatureDeclaration(member)) {
        return [
          leadingComments(this.source, member),
          fitsFlat(`${flatIndexSignature(member, this.source)};`, 2),
        ];
      }
      if (
        !ts.isPropertySignature(member) ||
        member.type === undefined ||
        member.modifiers !== undefined
      ) {
        throw new OutsideSubset("interface member");
      }
      const optional = member.questionToken === undefined ? "" : "?";
      const code = `${this.expressions.propertyName(member.name)}${optional}: ${flatType(member.type, this.source)};`;
      return [leadingComments(this.source, member), fitsFlat(code, 2)];
    });
    return [head, indent([hardline, members]), hardline, "}"];
  }

  /**
   * `[export] type Name = Type;` where it fits on its line; else, for an element type
   * (`NonNullable<Response["Items"]>[number]`), prettier's "fluid" assignment layout: the value
   * stays after `=` while its first part fits, and its type arguments break.
   */
  private typeAlias(node: ts.TypeAliasDeclaration): Doc {
    const exported = isExportedOnly(node.modifiers);
    if ((!exported && node.modifiers !== undefined) || node.typeParameters !== undefined) {
      throw new OutsideSubset("type alias");
    }
    const head = exported ? "export type" : "type";
    const flat = `${head} ${node.name.text} = ${flatType(node.type, this.source)};`;
    if (flat.length <= PRINT_OPTIONS.printWidth) return fitsFlat(flat, 0);
    const id = Symbol("assignment");
    const assignment = group([
      group(["type ", node.name.text]),
      " =",
      group(indent(line), { id }),
      lineSuffixBoundary,
      indentIfBreak(elementOfTypeDoc(node.type, this.source), { groupId: id }),
    ]);
    return [exported ? "export " : "", assignment, ";"];
  }

  private importDeclaration(node: ts.ImportDeclaration): Doc {
    const clause = node.importClause;
    if (!ts.isStringLiteral(node.moduleSpecifier) || clause === undefined || clause.name) {
      throw new OutsideSubset("import");
    }
    const from = [" from ", this.expressions.stringText(node.moduleSpecifier), ";"];
    const bindings = clause.namedBindings;
    const typeOnly = clause.isTypeOnly ? "type " : "";
    if (bindings !== undefined && ts.isNamespaceImport(bindings)) {
      return ["import ", typeOnly, "* as ", bindings.name.text, from];
    }
    return ["import ", typeOnly, specifierList(bindings?.elements ?? []), from];
  }

  /** `export * from`, `export * as name from`, `export (type) { a, b as c } from`. */
  private exportDeclaration(node: ts.ExportDeclaration): Doc {
    const source = node.moduleSpecifier;
    if (source === undefined || !ts.isStringLiteral(source) || node.modifiers !== undefined) {
      throw new OutsideSubset("export without a module");
    }
    const from = [" from ", this.expressions.stringText(source), ";"];
    const typeOnly = node.isTypeOnly ? "type " : "";
    const clause = node.exportClause;
    if (clause === undefined) return ["export ", typeOnly, "*", from];
    if (ts.isNamespaceExport(clause)) return ["export ", typeOnly, "* as ", clause.name.text, from];
    return ["export ", typeOnly, specifierList(clause.elements), from];
  }

  private functionDeclaration(node: ts.FunctionDeclaration): Doc {
    if (
      node.name === undefined ||
      node.body === undefined ||
      node.type === undefined ||
      (node.modifiers !== undefined && !isExportedOnly(node.modifiers)) ||
      node.asteriskToken !== undefined ||
      node.typeParameters !== undefined ||
      node.parameters.length === 0
    ) {
      throw new OutsideSubset("function");
    }
    return [
      node.modifiers === undefined ? "function " : "export function ",
      node.name.text,
      this.signature(node.parameters, node.type),
      " ",
      this.block(node.body),
    ];
  }

  /** Parameters and return type in one group, as prettier prints them: one per line once broken. */
  private signature(
    parameters: ts.NodeArray<ts.ParameterDeclaration>,
    returnType: ts.TypeNode | undefined,
  ): Doc {
    const printed = parameters.map((parameter) => {
      if (
        !ts.isIdentifier(parameter.name) ||
        parameter.type === undefined ||
        parameter.initializer !== undefined ||
        parameter.dotDotDotToken !== undefined ||
        parameter.modifiers !== undefined
      ) {
        throw new OutsideSubset("parameter");
      }
      const optional = parameter.questionToken === undefined ? "" : "?";
      return [parameter.name.text, optional, ": ", typeDoc(parameter.type)];
    });
    if (printed.length === 0) throw new OutsideSubset("no parameters");
    return parenthesizedList(printed, returnType === undefined ? "" : [": ", typeDoc(returnType)]);
  }

  /** An exported class with a base, a constructor and public methods, a blank line kept between. */
  private classDeclaration(node: ts.ClassDeclaration): Doc {
    if (node.members.length === 0) return `${this.classHead(node)} {}`;
    const members = this.sequence(node.members, (member) => {
      const comments = leadingComments(this.source, member);
      if (ts.isConstructorDeclaration(member) && member.body !== undefined) {
        if (member.modifiers !== undefined) throw new OutsideSubset("constructor modifier");
        return [
          comments,
          "constructor",
          this.signature(member.parameters, undefined),
          " ",
          this.block(member.body),
        ];
      }
      if (
        ts.isMethodDeclaration(member) &&
        ts.isIdentifier(member.name) &&
        member.body !== undefined &&
        member.type !== undefined &&
        member.typeParameters === undefined &&
        member.questionToken === undefined &&
        member.asteriskToken === undefined &&
        member.modifiers?.length === 1 &&
        member.modifiers[0]!.kind === ts.SyntaxKind.PublicKeyword
      ) {
        return [
          comments,
          "public ",
          member.name.text,
          this.signature(member.parameters, member.type),
          " ",
          this.block(member.body),
        ];
      }
      throw new OutsideSubset("class member");
    });
    return [this.classHead(node), " {", indent([hardline, members]), hardline, "}"];
  }

  /** `export class Name extends Base`: prettier never breaks it, whatever its length. */
  private classHead(node: ts.ClassDeclaration): string {
    const [clause, ...more] = node.heritageClauses ?? [];
    const base = clause?.types.length === 1 ? clause.types[0] : undefined;
    if (
      !isExportedOnly(node.modifiers) ||
      node.name === undefined ||
      node.typeParameters !== undefined ||
      more.length > 0 ||
      clause?.token !== ts.SyntaxKind.ExtendsKeyword ||
      base === undefined ||
      base.typeArguments !== undefined ||
      !ts.isIdentifier(base.expression)
    ) {
      throw new OutsideSubset("class");
    }
    return `export class ${node.name.text} extends ${base.expression.text}`;
  }

  private block(node: ts.Block): Doc {
    if (node.statements.length === 0) throw new OutsideSubset("empty block");
    const body = this.sequence(node.statements, (statement) => this.statement(statement));
    return ["{", indent([hardline, body]), hardline, "}"];
  }

  private statement(node: ts.Statement): Doc {
    if (ts.isIfStatement(node)) return this.ifStatement(node);
    if (ts.isVariableStatement(node)) return this.variableStatement(node);
    if (ts.isReturnStatement(node)) return this.returnStatement(node);
    if (ts.isForInStatement(node)) return this.forIn(node);
    if (ts.isSwitchStatement(node)) return this.switchStatement(node);
    if (ts.isBreakStatement(node) && node.label === undefined) return "break;";
    if (ts.isExpressionStatement(node)) {
      const expression = unparenthesized(node.expression);
      if (!ts.isCallExpression(expression)) throw new OutsideSubset("expression statement");
      return [this.expressions.print(expression, "statement"), ";"];
    }
    throw new OutsideSubset(`statement ${ts.SyntaxKind[node.kind]}`);
  }

  /** An if without else, its consequent a single statement. */
  private ifStatement(node: ts.IfStatement): Doc {
    if (node.elseStatement !== undefined || ts.isBlock(node.thenStatement)) {
      throw new OutsideSubset("if with a block or else");
    }
    return group([
      "if (",
      group([indent([softline, this.expressions.print(node.expression, "if-test")]), softline]),
      ")",
      indent([line, this.statement(node.thenStatement)]),
    ]);
  }

  private returnStatement(node: ts.ReturnStatement): Doc {
    if (node.expression === undefined) return "return;";
    const argument = unparenthesized(node.expression);
    const printed = this.expressions.print(argument, "return");
    const binaryish =
      ts.isBinaryExpression(argument) && argument.operatorToken.kind !== ts.SyntaxKind.EqualsToken;
    return [
      "return ",
      binaryish
        ? group([ifBreak("("), indent([softline, printed]), softline, ifBreak(")")])
        : printed,
      ";",
    ];
  }

  private forIn(node: ts.ForInStatement): Doc {
    const declarations = ts.isVariableDeclarationList(node.initializer)
      ? node.initializer.declarations
      : undefined;
    const only = declarations?.length === 1 ? declarations[0] : undefined;
    if (
      only === undefined ||
      !(node.initializer.flags & ts.NodeFlags.Const) ||
      !ts.isIdentifier(only.name) ||
      only.type !== undefined ||
      !ts.isBlock(node.statement)
    ) {
      throw new OutsideSubset("for-in");
    }
    const object = this.expressions.print(node.expression, "element");
    return group(["for (const ", only.name.text, " in ", object, ") ", this.block(node.statement)]);
  }

  private switchStatement(node: ts.SwitchStatement): Doc {
    const clauses = node.caseBlock.clauses;
    if (clauses.length === 0) throw new OutsideSubset("empty switch");
    const printed = this.sequence(clauses, (clause) => {
      const head: Doc = ts.isCaseClause(clause)
        ? ["case ", this.expressions.print(clause.expression, "element"), ":"]
        : "default:";
      const statements = clause.statements;
      if (statements.length === 0) return head;
      if (statements.some((statement) => ts.isBlock(statement))) {
        throw new OutsideSubset("block in a case");
      }
      const body = this.sequence(statements, (statement) => this.statement(statement));
      return [head, indent([hardline, body])];
    });
    return [
      group([
        "switch (",
        indent([softline, this.expressions.print(node.expression, "element")]),
        softline,
        ")",
      ]),
      " {",
      indent([hardline, printed]),
      hardline,
      "}",
    ];
  }

  /** `export? const name: Type = value;` with prettier's assignment layouts. */
  private variableStatement(node: ts.VariableStatement): Doc {
    const modifiers = node.modifiers ?? [];
    const exported = modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    const list = node.declarationList;
    const only = list.declarations.length === 1 ? list.declarations[0] : undefined;
    if (
      modifiers.length > (exported ? 1 : 0) ||
      !(list.flags & ts.NodeFlags.Const) ||
      only === undefined ||
      !ts.isIdentifier(only.name) ||
      only.initializer === undefined ||
      only.exclamationToken !== undefined
    ) {
      throw new OutsideSubset("declaration");
    }
    const name = only.name.text;
    const left = only.type === undefined ? name : group([name, ": ", typeDoc(only.type)]);
    const init = only.initializer;
    const pure = this.pureAnnotation(init);
    const value = this.expressions.print(init, "initializer");
    const right = pure ? ["/* @__PURE__ */ ", value] : value;
    const assignment = this.expressions.assignment(left, " =", init, right, false);
    return group([exported ? "export const " : "const ", assignment, ";"]);
  }

  /** True when `/* @__PURE__ *\/` stands between `=` and the initializer; any other text declines. */
  private pureAnnotation(init: ts.Expression): boolean {
    const between = this.source.text.slice(init.pos, init.getStart(this.source));
    if (between === " ") return false;
    if (between !== " /* @__PURE__ */ ") throw new OutsideSubset("comment before a value");
    return true;
  }
}

/**
 * How many comments `text` could hold: the `//` and `/*` in it. The subset has no division and no
 * regular expression, and string literals are printed as written, so a layout holds as many as
 * its source unless it dropped a comment (one the printers do not look for).
 */
function commentMarks(text: string): number {
  return text.split("//").length + text.split("/*").length;
}

/**
 * The braces of an import or export (prettier's printModuleSpecifiers): one specifier stays on
 * the line; more break one per line when they do not fit.
 */
function specifierList(elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[]): Doc {
  const names = elements.map((element) => {
    const name = element.name;
    const property = element.propertyName;
    if (!ts.isIdentifier(name) || (property !== undefined && !ts.isIdentifier(property))) {
      throw new OutsideSubset("string specifier");
    }
    const renamed = property === undefined ? name.text : `${property.text} as ${name.text}`;
    return element.isTypeOnly ? `type ${renamed}` : renamed;
  });
  if (names.length === 0) throw new OutsideSubset("empty specifier list");
  return names.length === 1
    ? ["{ ", names[0]!, " }"]
    : group(["{", indent([line, join([",", line], names)]), ifBreak(","), line, "}"]);
}

function isExportedOnly(modifiers: ts.NodeArray<ts.ModifierLike> | undefined): boolean {
  return modifiers?.length === 1 && modifiers[0]!.kind === ts.SyntaxKind.ExportKeyword;
}

/**
 * Code prettier prints on one line as it is when it fits: ASCII (so its width is its length)
 * within the print width at `indentation`; otherwise declined, since prettier would break it.
 */
function fitsFlat(code: string, indentation: number): string {
  if (!/^[\x20-\x7e]*$/.test(code) || indentation + code.length > PRINT_OPTIONS.printWidth) {
    throw new OutsideSubset("a line prettier would break");
  }
  return code;
}
