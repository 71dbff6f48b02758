import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * Finds the audit codes source code writes, by reading it as TypeScript (not by pattern), so a
 * code chosen by a condition (`action: id ? 'person.updated' : 'person.created'`), handed to a
 * helper as an argument (`change(session, id, 'restriction.ended', …)`) or named in a parameter's
 * type (`action: 'mail-settings.saved' | …`) is found as well as a plain `action: '…'`.
 *
 * - every string a `field: …` property can take: literals, both arms of `? :`, both sides of
 *   `??` / `||`; a template with holes (`retention.${decision}`) is returned in `templates`,
 *   for the test to expand from its schema;
 * - for actions, also any other string literal shaped like a code (`word.word`) whose first word
 *   is one the `action:` properties use, wherever it appears.
 */
export type CodesWritten = {
  readonly codes: ReadonlySet<string>;
  /** Templates with holes, as `prefix*suffix`, each with the file it is in. */
  readonly templates: readonly { readonly pattern: string; readonly file: string }[];
};

const codeShape = /^[a-z][a-z-]*\.[a-z][a-z-]*$/;

function stringsOf(
  node: ts.Expression,
  found: Set<string>,
  templates: { pattern: string; file: string }[],
  file: string,
) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
  else if (ts.isParenthesizedExpression(node)) stringsOf(node.expression, found, templates, file);
  else if (ts.isConditionalExpression(node)) {
    stringsOf(node.whenTrue, found, templates, file);
    stringsOf(node.whenFalse, found, templates, file);
  } else if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    stringsOf(node.left, found, templates, file);
    stringsOf(node.right, found, templates, file);
  } else if (ts.isTemplateExpression(node)) {
    const tail = node.templateSpans.map((span) => span.literal.text).join('*');
    templates.push({ pattern: `${node.head.text}*${tail}`, file });
  }
}

/** The string literal types in a parameter's type (`action: 'mail-settings.saved' | …`). */
function literalTypesOf(node: ts.TypeNode, found: Set<string>) {
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) found.add(node.literal.text);
  else if (ts.isUnionTypeNode(node)) for (const member of node.types) literalTypesOf(member, found);
  else if (ts.isParenthesizedTypeNode(node)) literalTypesOf(node.type, found);
}

function propertyName(node: ts.PropertyAssignment): string | undefined {
  return ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
}

/** The codes in one file's text (exported for the test that proves a made-up code is caught). */
export function codesInSource(
  text: string,
  file: string,
  field: 'action' | 'recordType',
): { properties: Set<string>; literals: Set<string>; templates: { pattern: string; file: string }[] } {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
  const properties = new Set<string>();
  const literals = new Set<string>();
  const templates: { pattern: string; file: string }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && propertyName(node) === field)
      stringsOf(node.initializer, properties, templates, file);
    else if (
      ts.isParameter(node) &&
      ts.isIdentifier(node.name) &&
      node.name.text === field &&
      node.type !== undefined
    )
      literalTypesOf(node.type, properties);
    else if (
      (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) &&
      codeShape.test(node.text)
    )
      literals.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { properties, literals, templates };
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return Promise.resolve(/\.tsx?$/.test(entry.name) && !/\.d\.ts$/.test(entry.name) ? [path] : []);
    }),
  );
  return nested.flat();
}

/** Joins each file's findings: literals count only under a first word the properties use. */
export function combine(
  perFile: readonly ReturnType<typeof codesInSource>[],
  field: 'action' | 'recordType',
): CodesWritten {
  const codes = new Set(perFile.flatMap((found) => [...found.properties]));
  const templates = perFile.flatMap((found) => found.templates);
  if (field === 'action') {
    const namespaces = new Set([...codes].map((code) => code.split('.')[0]));
    for (const literal of perFile.flatMap((found) => [...found.literals]))
      if (namespaces.has(literal.split('.')[0])) codes.add(literal);
  }
  return { codes, templates };
}

/** Every code the app's sources (renderer, shared, main process) write into `field`. */
export async function codesWritten(
  roots: readonly string[],
  field: 'action' | 'recordType',
): Promise<CodesWritten> {
  const files = (await Promise.all(roots.map(sourceFiles))).flat();
  const perFile = await Promise.all(
    files.map(async (file) => codesInSource(await readFile(file, 'utf8'), file, field)),
  );
  return combine(perFile, field);
}
