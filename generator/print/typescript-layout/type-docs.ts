/**
 * Type annotations of the laid-out subset, as prettier prints them: keywords, (qualified)
 * references with one simple type argument, arrays, `readonly` arrays, and the one-index-signature
 * object type generated checks cast to.
 */
import { builders } from "prettier/doc";

type Doc = builders.Doc;
import { ts } from "ts-morph";
import { OutsideSubset } from "./outside-subset.js";

const { group, indent, line, softline, ifBreak } = builders;

const KEYWORDS = new Map<ts.SyntaxKind, string>([
  [ts.SyntaxKind.UnknownKeyword, "unknown"],
  [ts.SyntaxKind.BooleanKeyword, "boolean"],
  [ts.SyntaxKind.StringKeyword, "string"],
  [ts.SyntaxKind.NumberKeyword, "number"],
  [ts.SyntaxKind.VoidKeyword, "void"],
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
 * `A.B` or `A<T>` with one keyword or plain reference argument: prettier hugs such an argument,
 * so the reference has no place to break.
 */
function referenceText(node: ts.TypeReferenceNode): string {
  const name = entityName(node.typeName);
  const args = node.typeArguments;
  if (args === undefined) return name;
  const only = args.length === 1 ? args[0] : undefined;
  if (only === undefined) throw new OutsideSubset("type arguments");
  const keyword = KEYWORDS.get(only.kind);
  if (keyword !== undefined) return `${name}<${keyword}>`;
  if (ts.isTypeReferenceNode(only) && only.typeArguments === undefined) {
    return `${name}<${entityName(only.typeName)}>`;
  }
  throw new OutsideSubset("type argument");
}

/** `{ readonly [key: string]: unknown }` */
function indexSignatureObject(node: ts.TypeLiteralNode): Doc {
  const [member, ...others] = node.members;
  if (member === undefined || others.length > 0 || !ts.isIndexSignatureDeclaration(member)) {
    throw new OutsideSubset("object type");
  }
  const [parameter, ...more] = member.parameters;
  const readonly = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.ReadonlyKeyword);
  if (
    parameter === undefined ||
    more.length > 0 ||
    parameter.type === undefined ||
    !ts.isIdentifier(parameter.name) ||
    member.modifiers?.some((m) => m.kind !== ts.SyntaxKind.ReadonlyKeyword)
  ) {
    throw new OutsideSubset("index signature");
  }
  return group([
    "{",
    indent([
      line,
      readonly === true ? "readonly " : "",
      "[",
      group([indent([softline, parameter.name.text, ": ", typeDoc(parameter.type)]), softline]),
      "]: ",
      typeDoc(member.type),
      ifBreak(";"),
    ]),
    line,
    "}",
  ]);
}
