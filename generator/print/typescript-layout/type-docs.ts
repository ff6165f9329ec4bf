/**
 * Type annotations of the laid-out subset, as prettier prints them: keywords, (qualified)
 * references with keyword or plain reference arguments, arrays, `readonly` arrays, and the
 * one-index-signature object type generated checks cast to; and, for interface members and type
 * aliases that fit on their lines, the flat text of a few more (unions, literals, indexed access).
 */
import { builders } from "prettier/doc";

import { ts } from "ts-morph";
import { OutsideSubset } from "./outside-subset.js";

type Doc = builders.Doc;

const { group, indent, line, softline, ifBreak, join } = builders;

const KEYWORDS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.UnknownKeyword, "unknown"],
  [ts.SyntaxKind.BooleanKeyword, "boolean"],
  [ts.SyntaxKind.StringKeyword, "string"],
  [ts.SyntaxKind.NumberKeyword, "number"],
  [ts.SyntaxKind.VoidKeyword, "void"],
  [ts.SyntaxKind.UndefinedKeyword, "undefined"],
  [ts.SyntaxKind.BigIntKeyword, "bigint"],
  [ts.SyntaxKind.NeverKeyword, "never"],
  [ts.SyntaxKind.ObjectKeyword, "object"],
]);

export function typeDoc(node: ts.TypeNode): Doc {
  const keyword = KEYWORDS.get(node.kind);
  if (keyword !== undefined) return keyword;
  if (ts.isTypeReferenceNode(node)) return referenceText(node);
  if (ts.isArrayTypeNode(node)) return [typeDoc(node.elementType), "[]"];
  if (
    ts.isTypeOperatorNode(node) &&
    node.operator === ts.SyntaxKind.ReadonlyKeyword &&
    ts.isArrayTypeNode(node.type)
  ) {
    return ["readonly ", typeDoc(node.type)];
  }
  if (ts.isTypeLiteralNode(node)) return indexSignatureObject(node);
  throw new OutsideSubset(`type ${ts.SyntaxKind[node.kind]}`);
}

function entityName(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : `${entityName(name.left)}.${name.right.text}`;
}

/**
 * `A.B`, or `A<T, ...>` with keyword or plain reference arguments: prettier hugs a single one
 * (no place to break) and breaks several one per line.
 */
function referenceText(node: ts.TypeReferenceNode): Doc {
  const name = entityName(node.typeName);
  const args = node.typeArguments;
  if (args === undefined) return name;
  const simple = args.map((arg) => {
    const keyword = KEYWORDS.get(arg.kind);
    if (keyword !== undefined) return keyword;
    if (ts.isTypeReferenceNode(arg) && arg.typeArguments === undefined) {
      return entityName(arg.typeName);
    }
    // An argument with its own arguments makes prettier choose another assignment layout.
    throw new OutsideSubset("type argument");
  });
  if (simple.length === 1) return `${name}<${simple[0]!}>`;
  // Several arguments break one per line, without a trailing comma, when they do not fit.
  return [name, group(["<", indent([softline, join([",", line], simple)]), softline, ">"])];
}

/** `{ readonly [key: string]: unknown }` */
function indexSignatureObject(node: ts.TypeLiteralNode): Doc {
  const member = onlyIndexSignature(node);
  const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
  if (member.modifiers?.some((m) => m.kind !== ts.SyntaxKind.ReadonlyKeyword)) {
    throw new OutsideSubset("index signature modifier");
  }
  const { name, type } = indexParameter(member);
  return group([
    "{",
    indent([
      line,
      readonly === true ? "readonly " : "",
      "[",
      group([indent([softline, name, ": ", typeDoc(type)]), softline]),
      "]: ",
      typeDoc(member.type),
      ifBreak(";"),
    ]),
    line,
    "}",
  ]);
}

/** The one member of an object type, which must be an index signature. */
function onlyIndexSignature(node: ts.TypeLiteralNode): ts.IndexSignatureDeclaration {
  const [member, ...others] = node.members;
  if (member === undefined || others.length > 0 || !ts.isIndexSignatureDeclaration(member)) {
    throw new OutsideSubset("object type");
  }
  return member;
}

/** The `key: string` of an index signature: one plain, typed parameter. */
function indexParameter(member: ts.IndexSignatureDeclaration): {
  readonly name: string;
  readonly type: ts.TypeNode;
} {
  const [parameter, ...more] = member.parameters;
  if (
    parameter === undefined ||
    more.length > 0 ||
    parameter.type === undefined ||
    !ts.isIdentifier(parameter.name)
  ) {
    throw new OutsideSubset("index signature");
  }
  return { name: parameter.name.text, type: parameter.type };
}

/**
 * A member's or alias's type on one line, as prettier prints it flat: unions joined with ` | `
 * (parenthesised as an array's element), arrays, references, keywords, `null`, and the
 * index-signature object type.
 */
export function flatType(node: ts.TypeNode, source: ts.SourceFile): string {
  const keyword = KEYWORDS.get(node.kind);
  if (keyword !== undefined) return keyword;
  if (ts.isLiteralTypeNode(node)) {
    if (node.literal.kind === ts.SyntaxKind.NullKeyword) return "null";
    // Kept as written when prettier keeps it: double quotes and no escaped quote.
    const raw = ts.isStringLiteral(node.literal) ? node.literal.getText(source) : "";
    if (!raw.startsWith('"') || /\\["']/.test(raw)) throw new OutsideSubset("literal type");
    return raw;
  }
  if (ts.isIndexedAccessTypeNode(node)) {
    if (!ts.isTypeReferenceNode(node.objectType) && !KEYWORDS.has(node.objectType.kind)) {
      throw new OutsideSubset("indexed access");
    }
    return `${flatType(node.objectType, source)}[${flatType(node.indexType, source)}]`;
  }
  if (ts.isTypeReferenceNode(node)) {
    const args = node.typeArguments;
    if (args === undefined) return entityName(node.typeName);
    return `${entityName(node.typeName)}<${args.map((arg) => flatType(arg, source)).join(", ")}>`;
  }
  if (ts.isArrayTypeNode(node)) {
    const written = node.elementType;
    const element = ts.isParenthesizedTypeNode(written) ? written.type : written;
    if (ts.isUnionTypeNode(element)) return `(${flatType(element, source)})[]`;
    return `${flatType(element, source)}[]`;
  }
  if (ts.isParenthesizedTypeNode(node)) {
    if (!ts.isUnionTypeNode(node.type)) throw new OutsideSubset("parenthesised type");
    return flatType(node.type, source);
  }
  if (ts.isUnionTypeNode(node)) {
    return node.types
      .map((member) => {
        const inner = ts.isParenthesizedTypeNode(member) ? member.type : member;
        if (ts.isUnionTypeNode(inner)) throw new OutsideSubset("nested union");
        return flatType(inner, source);
      })
      .join(" | ");
  }
  if (ts.isTypeLiteralNode(node)) return flatIndexSignatureObject(node, source);
  throw new OutsideSubset(`type ${ts.SyntaxKind[node.kind]}`);
}

/**
 * `Name<Arg>[number]` where `Arg` is flat text prettier cannot hug (an indexed access, such as a
 * paginator's `NonNullable<Response["Items"]>[number]`): prettier breaks its type arguments, one
 * per line, without a trailing comma, when the alias does not fit on its line.
 */
export function elementOfTypeDoc(node: ts.TypeNode, source: ts.SourceFile): Doc {
  if (!ts.isIndexedAccessTypeNode(node) || node.indexType.kind !== ts.SyntaxKind.NumberKeyword) {
    throw new OutsideSubset("alias value");
  }
  const list = node.objectType;
  const [argument, ...others] = (ts.isTypeReferenceNode(list) && list.typeArguments) || [];
  if (!ts.isTypeReferenceNode(list) || argument === undefined || others.length > 0) {
    throw new OutsideSubset("alias value");
  }
  // A keyword or a plain reference would be hugged (no place to break): not this shape.
  if (!ts.isIndexedAccessTypeNode(argument)) throw new OutsideSubset("alias type argument");
  const inner = flatType(argument, source);
  return [
    entityName(list.typeName),
    group(["<", indent([softline, inner]), softline, ">"]),
    "[number]",
  ];
}

function flatIndexSignatureObject(node: ts.TypeLiteralNode, source: ts.SourceFile): string {
  return `{ ${flatIndexSignature(onlyIndexSignature(node), source)} }`;
}

/** `[key: string]: Type` (no modifiers). */
export function flatIndexSignature(
  member: ts.IndexSignatureDeclaration,
  source: ts.SourceFile,
): string {
  if (member.modifiers !== undefined) throw new OutsideSubset("index signature modifier");
  const { name, type } = indexParameter(member);
  return `[${name}: ${flatType(type, source)}]: ${flatType(member.type, source)}`;
}
