/**
 * Expressions of the laid-out subset as prettier's estree printer builds their docs (its
 * binaryish, ternary, call, member and array printers, for these node kinds only). Parentheses
 * follow prettier's rules, not the source's: a logical chain is flattened whatever its nesting,
 * and a mixed `&&`/`||`, a conditional inside an operator, and an operator under `!` are
 * parenthesised.
 */
import { builders, utils } from "prettier/doc";

import { ts } from "ts-morph";
import { PRETTIER_OPTIONS } from "../prettier-options.js";
import { OutsideSubset } from "./outside-subset.js";
import { printNumber, printString } from "./literal-text.js";
import { leadingComments, nextLineEmpty } from "./trivia.js";
import { typeDoc } from "./type-docs.js";

type Doc = builders.Doc;

const { group, indent, align, line, softline, ifBreak, join, indentIfBreak, lineSuffixBoundary } =
  builders;

/** Where an expression sits, as far as prettier's choices depend on it. */
export type Parent =
  | "if-test"
  | "return"
  | "unary"
  | "logical"
  | "conditional"
  | "initializer"
  | "argument"
  | "element"
  | "comparison"
  | "property"
  | "statement";

/** Node kinds prettier's choices look at (estree's names). */
type Kind =
  | "logical"
  | "binary"
  | "conditional"
  | "unary"
  | "call"
  | "member"
  | "array"
  | "as"
  | "object"
  | "atom";

export function unparenthesized(node: ts.Expression): ts.Expression {
  let inner = node;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}

const LOGICAL = new Set([ts.SyntaxKind.AmpersandAmpersandToken, ts.SyntaxKind.BarBarToken]);
const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
]);

function kindOf(node: ts.Expression): Kind {
  if (ts.isBinaryExpression(node)) {
    if (LOGICAL.has(node.operatorToken.kind)) return "logical";
    if (EQUALITY.has(node.operatorToken.kind)) return "binary";
    throw new OutsideSubset(`operator ${ts.tokenToString(node.operatorToken.kind)}`);
  }
  if (ts.isConditionalExpression(node)) return "conditional";
  if (ts.isPrefixUnaryExpression(node) || ts.isTypeOfExpression(node)) return "unary";
  if (ts.isCallExpression(node) || ts.isNewExpression(node)) return "call";
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return "member";
  if (ts.isArrayLiteralExpression(node)) return "array";
  if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return "as";
  if (ts.isObjectLiteralExpression(node)) return "object";
  return "atom";
}

export class ExpressionPrinter {
  constructor(private readonly source: ts.SourceFile) {}

  /** The doc of `node` in `parent`, with the parentheses prettier gives it there. */
  print(raw: ts.Expression, parent: Parent): Doc {
    const node = unparenthesized(raw);
    const kind = kindOf(node);
    const doc = this.printBare(node, kind, parent);
    return needsParentheses(kind, parent) ? ["(", doc, ")"] : doc;
  }

  /** A short argument in prettier's sense (isLoneShortArgument), for assignment layouts. */
  isLoneShortArgument(raw: ts.Expression): boolean {
    const node = unparenthesized(raw);
    const threshold = PRETTIER_OPTIONS.printWidth * 0.25;
    if (ts.isIdentifier(node)) return node.text.length <= threshold;
    if (ts.isStringLiteral(node)) return this.stringText(node).length <= threshold;
    if (ts.isPrefixUnaryExpression(node)) return this.isLoneShortArgument(node.operand);
    if (
      ts.isCallExpression(node) &&
      node.arguments.length === 0 &&
      ts.isIdentifier(node.expression)
    ) {
      return node.expression.text.length <= threshold - 2;
    }
    return (
      ts.isNumericLiteral(node) ||
      node.kind === ts.SyntaxKind.TrueKeyword ||
      node.kind === ts.SyntaxKind.FalseKeyword ||
      node.kind === ts.SyntaxKind.NullKeyword
    );
  }

  /** prettier's isPoorlyBreakableMemberOrCallChain. */
  isPoorlyBreakableChain(raw: ts.Expression, deep = false): boolean {
    const node = unparenthesized(raw);
    if (ts.isCallExpression(node)) {
      const args = node.arguments;
      const poorlyBreakable =
        args.length === 0 || (args.length === 1 && this.isLoneShortArgument(args[0]!));
      return poorlyBreakable && this.isPoorlyBreakableChain(node.expression, true);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      return this.isPoorlyBreakableChain(node.expression, true);
    }
    return deep && ts.isIdentifier(node);
  }

  private printBare(node: ts.Expression, kind: Kind, parent: Parent): Doc {
    switch (kind) {
      case "logical":
      case "binary":
        return this.binaryish(node as ts.BinaryExpression, parent);
      case "conditional":
        // In a return or a call prettier indents the test's operators another way.
        if (parent === "return" || parent === "argument" || parent === "statement") {
          throw new OutsideSubset(`conditional in ${parent}`);
        }
        return this.conditional(node as ts.ConditionalExpression);
      case "unary":
        return this.unary(node);
      case "call":
        return ts.isNewExpression(node)
          ? this.newExpression(node)
          : this.call(node as ts.CallExpression);
      case "member":
        return this.member(node as ts.PropertyAccessExpression | ts.ElementAccessExpression);
      case "array":
        return this.array(node as ts.ArrayLiteralExpression);
      case "as": {
        const as = node as ts.AsExpression | ts.SatisfiesExpression;
        if (parent !== "initializer" && parent !== "property") {
          throw new OutsideSubset(`as or satisfies in ${parent}`);
        }
        const keyword = ts.isAsExpression(as) ? " as " : " satisfies ";
        return [this.print(as.expression, "element"), keyword, typeDoc(as.type)];
      }
      case "object":
        if (parent !== "initializer" && parent !== "property" && parent !== "element") {
          throw new OutsideSubset(`object in ${parent}`);
        }
        return this.object(node as ts.ObjectLiteralExpression);
      case "atom":
        return this.atom(node);
    }
  }

  /**
   * prettier's printObject: one property per line once broken, broken from the start when the
   * source has a line break between `{` and the first property (prettier keeps that choice).
   */
  private object(node: ts.ObjectLiteralExpression): Doc {
    const [first] = node.properties;
    if (first === undefined) return "{}";
    const text = this.source.text;
    const shouldBreak = text
      .slice(node.getStart(this.source), first.getStart(this.source))
      .includes("\n");
    const properties = node.properties.map((property) => {
      if (ts.isShorthandPropertyAssignment(property)) {
        if (property.objectAssignmentInitializer !== undefined) {
          throw new OutsideSubset("shorthand initializer");
        }
        return property.name.text;
      }
      if (!ts.isPropertyAssignment(property)) throw new OutsideSubset("object member");
      const key = this.propertyName(property.name);
      const value = this.print(property.initializer, "property");
      const shortKey = /^[\x20-\x7e]*$/.test(key) && key.length < 5;
      return this.assignment(key, ":", property.initializer, value, shortKey);
    });
    return group(["{", indent([line, join([",", line], properties)]), ifBreak(","), line, "}"], {
      shouldBreak,
    });
  }

  /**
   * prettier's chooseLayout and printAssignment, for a left side that cannot break (a name, a
   * name with a type, a property key): break after the operator before a string or a chain that
   * breaks poorly; keep a short key's value on its line; else "fluid" (the value breaks first).
   */
  assignment(
    left: Doc,
    operator: string,
    rawValue: ts.Expression,
    value: Doc,
    shortKey: boolean,
  ): Doc {
    const init = unparenthesized(rawValue);
    const breakAfter = group([group(left), operator, group(indent([line, value]))]);
    const neverBreak = group([group(left), operator, " ", value]);
    if (ts.isBinaryExpression(init)) throw new OutsideSubset("operator value");
    if (
      ts.isConditionalExpression(init) &&
      ts.isBinaryExpression(unparenthesized(init.condition))
    ) {
      return breakAfter;
    }
    if (shortKey) return neverBreak;
    let inner: ts.Expression = init;
    while (ts.isPrefixUnaryExpression(inner) || ts.isTypeOfExpression(inner)) {
      inner = unparenthesized(ts.isTypeOfExpression(inner) ? inner.expression : inner.operand);
    }
    if (ts.isStringLiteral(inner) || this.isPoorlyBreakableChain(inner)) return breakAfter;
    const isBoolean =
      init.kind === ts.SyntaxKind.TrueKeyword || init.kind === ts.SyntaxKind.FalseKeyword;
    // prettier keeps a boolean after the operator only when the left side cannot break.
    if (isBoolean && !utils.canBreak(left)) return neverBreak;
    const id = Symbol("assignment");
    return group([
      group(left),
      operator,
      group(indent(line), { id }),
      lineSuffixBoundary,
      indentIfBreak(value, { groupId: id }),
    ]);
  }

  /**
   * A property name as prettier prints it (quoteProps "as-needed"): a quoted name that is an
   * identifier loses its quotes, any other keeps them.
   */
  propertyName(name: ts.PropertyName): string {
    if (ts.isIdentifier(name)) return name.text;
    // `["__proto__"]: value`, which defines a property where `__proto__: value` would not.
    if (ts.isComputedPropertyName(name) && ts.isStringLiteral(name.expression)) {
      return `[${this.stringText(name.expression)}]`;
    }
    if (!ts.isStringLiteral(name)) throw new OutsideSubset("property name");
    const quoted = this.stringText(name);
    return /^[A-Za-z_$][\w$]*$/.test(name.text) && quoted.slice(1, -1) === name.text
      ? name.text
      : quoted;
  }

  /** prettier's printBinaryishExpression, for `===`, `!==`, `&&` and `||`. */
  private binaryish(node: ts.BinaryExpression, parent: Parent): Doc {
    const isLogical = LOGICAL.has(node.operatorToken.kind);
    const parts = this.binaryishParts(node, parent, isLogical);
    switch (parent) {
      case "if-test":
        return parts;
      case "unary":
        return group([indent([softline, ...parts]), softline]);
      case "return":
      case "conditional":
        return group(parts);
      case "logical":
        // the logical chain: its first operand outside the indentation
        return group([parts[0]!, indent(parts.slice(1))]);
      default:
        throw new OutsideSubset(`operator in ${parent}`);
    }
  }

  /**
   * prettier's printBinaryishExpressions: a chain of one operator is flattened (prettier rebalances
   * `a && (b && c)` first), the first operand grouped; a two-operand expression's right side is
   * grouped unless it is a logical one inside an if's parentheses or the chain's parent or an
   * operand is itself logical.
   */
  private binaryishParts(node: ts.BinaryExpression, parent: Parent, isLogical: boolean): Doc[] {
    const operator = node.operatorToken.kind;
    const operands = isLogical ? this.chainOperands(node, operator) : [node.left, node.right];
    const text = ts.tokenToString(operator) as string;
    const [first, ...rest] = operands as [ts.Expression, ...ts.Expression[]];
    const operandParent: Parent = isLogical ? "logical" : "comparison";
    if (!isLogical) {
      for (const operand of operands) {
        const kind = kindOf(unparenthesized(operand));
        if (kind === "logical" || kind === "binary") {
          throw new OutsideSubset("operator inside a comparison");
        }
      }
    }
    const parts: Doc[] = [group(this.print(first, operandParent))];
    const shouldGroup =
      rest.length === 1 &&
      !(parent === "if-test" && isLogical) &&
      !(parent === "logical" && isLogical) &&
      operands.every((operand) => kindOf(unparenthesized(operand)) !== "logical");
    for (const operand of rest) {
      const right = [text, line, this.print(operand, operandParent)];
      parts.push(" ", shouldGroup ? group(right) : right);
    }
    return parts;
  }

  /** The operands of a chain of one logical operator, however it is nested. */
  private chainOperands(node: ts.Expression, operator: ts.SyntaxKind): ts.Expression[] {
    const inner = unparenthesized(node);
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === operator) {
      return [
        ...this.chainOperands(inner.left, operator),
        ...this.chainOperands(inner.right, operator),
      ];
    }
    return [node];
  }

  /** prettier's printTernaryOld, for a conditional that holds no other. */
  private conditional(node: ts.ConditionalExpression): Doc {
    for (const part of [node.condition, node.whenTrue, node.whenFalse]) {
      if (ts.isConditionalExpression(unparenthesized(part))) {
        throw new OutsideSubset("nested conditional");
      }
    }
    return group([
      this.print(node.condition, "conditional"),
      indent([
        line,
        "? ",
        align(2, this.print(node.whenTrue, "conditional")),
        line,
        ": ",
        align(2, this.print(node.whenFalse, "conditional")),
      ]),
    ]);
  }

  private unary(node: ts.Expression): Doc {
    if (ts.isTypeOfExpression(node)) return ["typeof ", this.print(node.expression, "unary")];
    const unary = node as ts.PrefixUnaryExpression;
    if (unary.operator !== ts.SyntaxKind.ExclamationToken) {
      throw new OutsideSubset("unary operator");
    }
    return ["!", this.print(unary.operand, "unary")];
  }

  /** A call: a one-step member chain prints on one line, its arguments in one group. */
  private call(node: ts.CallExpression): Doc {
    if (node.questionDotToken !== undefined) throw new OutsideSubset("optional call");
    const typeArgumentList = node.typeArguments ?? [];
    if (typeArgumentList.length > 1) throw new OutsideSubset("type arguments");
    const typeArguments = typeArgumentList.map((type) => ["<", typeDoc(type), ">"]);
    const args = this.callArguments(node.arguments);
    const callee = node.expression;
    if (ts.isIdentifier(callee)) return [callee.text, typeArguments, args];
    if (callee.kind === ts.SyntaxKind.SuperKeyword) return ["super", typeArguments, args];
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
      return group([callee.expression.text, ".", callee.name.text, typeArguments, args]);
    }
    throw new OutsideSubset("callee");
  }

  /** `new Name(arguments)` */
  private newExpression(node: ts.NewExpression): Doc {
    if (!ts.isIdentifier(node.expression) || node.typeArguments !== undefined) {
      throw new OutsideSubset("new");
    }
    return ["new ", node.expression.text, this.callArguments(node.arguments ?? [])];
  }

  private callArguments(args: readonly ts.Expression[]): Doc {
    if (args.length === 0) return "()";
    const only = args.length === 1 ? unparenthesized(args[0]!) : undefined;
    if (only !== undefined && ts.isObjectLiteralExpression(only)) {
      // A lone object is hugged: `f({` ... `})`, its own group breaking inside the parentheses
      // (prettier's last-argument expansion, which for one object prints the same).
      return ["(", this.object(only), ")"];
    }
    const printed = args.map((arg) => {
      const kind = kindOf(unparenthesized(arg));
      if (kind !== "atom" && kind !== "call" && kind !== "member") {
        throw new OutsideSubset(`${kind} argument`);
      }
      return this.print(arg, "argument");
    });
    return parenthesizedList(printed);
  }

  private member(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): Doc {
    if (!ts.isIdentifier(node.expression) || node.questionDotToken !== undefined) {
      throw new OutsideSubset("member of an expression");
    }
    const object = node.expression.text;
    if (ts.isPropertyAccessExpression(node)) return `${object}.${node.name.text}`;
    if (!ts.isStringLiteral(node.argumentExpression)) throw new OutsideSubset("computed member");
    return [
      object,
      group(["[", indent([softline, this.stringText(node.argumentExpression)]), softline, "]"]),
    ];
  }

  /**
   * prettier's printArray: two or more elements that are all arrays, or all objects, of two or
   * more entries always break; each element grouped with its leading comments; a blank line after
   * an element kept. An array of numbers only, which prettier fills, declines.
   */
  private array(node: ts.ArrayLiteralExpression): Doc {
    const elements = node.elements.map((element) => unparenthesized(element));
    if (elements.length === 0) return "[]";
    const entries = (element: ts.Expression) =>
      ts.isArrayLiteralExpression(element)
        ? element.elements.length
        : ts.isObjectLiteralExpression(element)
          ? element.properties.length
          : 0;
    const shouldBreak =
      elements.length > 1 &&
      elements.every(
        (element, i) => entries(element) > 1 && (i === 0 || element.kind === elements[i - 1]!.kind),
      );
    if (elements.length > 1 && elements.every((element) => ts.isNumericLiteral(element))) {
      throw new OutsideSubset("array of numbers");
    }
    const parts: Doc[] = [];
    node.elements.forEach((element, index) => {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) {
        throw new OutsideSubset("array hole or spread");
      }
      const kind = kindOf(unparenthesized(element));
      if (kind !== "atom" && kind !== "member" && kind !== "array" && kind !== "object") {
        throw new OutsideSubset(`${kind} element`);
      }
      parts.push(group([leadingComments(this.source, element), this.print(element, "element")]));
      if (index < elements.length - 1) {
        parts.push(",", line);
        const next = node.elements[index + 1]!.getStart(this.source);
        const multiline = this.source.text.slice(element.end, next);
        if (multiline.includes("\n") && nextLineEmpty(this.source, element)) parts.push(softline);
      }
    });
    return group(["[", indent([softline, parts, ifBreak(",")]), softline, "]"], { shouldBreak });
  }

  private atom(node: ts.Expression): Doc {
    if (ts.isIdentifier(node)) return node.text;
    if (node.kind === ts.SyntaxKind.ThisKeyword) return "this";
    if (ts.isStringLiteral(node)) return this.stringText(node);
    if (ts.isNumericLiteral(node)) return printNumber(node.getText(this.source));
    switch (node.kind) {
      case ts.SyntaxKind.TrueKeyword:
        return "true";
      case ts.SyntaxKind.FalseKeyword:
        return "false";
      case ts.SyntaxKind.NullKeyword:
        return "null";
    }
    throw new OutsideSubset(`expression ${ts.SyntaxKind[node.kind]}`);
  }

  /** A string literal as prettier prints it (printString). */
  stringText(node: ts.StringLiteral): string {
    return printString(node.getText(this.source));
  }
}

/**
 * prettier's needsParens for the subset. A logical operand of a chain always has the other
 * operator (chains of one are flattened), which prettier parenthesises for clarity.
 */
function needsParentheses(kind: Kind, parent: Parent): boolean {
  if (kind === "conditional") {
    return parent === "logical" || parent === "unary" || parent === "comparison";
  }
  if (kind === "logical") return parent === "logical" || parent === "unary";
  if (kind === "binary") return parent === "unary";
  return false;
}

/**
 * `(a, b)` as prettier prints call arguments and function parameters alike: together when they
 * fit (with `after`, a parameter list's return type), else one per line with a trailing comma.
 */
export function parenthesizedList(items: Doc[], after: Doc = ""): Doc {
  return group([
    "(",
    indent([softline, join([",", line], items)]),
    ifBreak(","),
    softline,
    ")",
    after,
  ]);
}
