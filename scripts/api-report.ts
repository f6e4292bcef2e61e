// `npm run api-report`: writes api/cdk8s-netsec.api.md, the package root's API (lib/index.ts, the
// jsii-compiled construct API) as a sorted listing of every export and member signature.
// test/package/api-report.test.ts renders it again and fails when it differs from the committed
// file, so that API changes show in review.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
/** The committed report. */
export const API_REPORT_FILE = path.join(ROOT, 'api', 'cdk8s-netsec.api.md');
const ENTRY = path.join(ROOT, 'lib', 'index.ts');

/** Source text with runs of whitespace made one space, so line breaks in the source do not show. */
function text(node: ts.Node): string {
  return node.getText().replace(/\s+/g, ' ');
}

function isHidden(decl: ts.Declaration): boolean {
  const flags = ts.getCombinedModifierFlags(decl);
  const name = ts.getNameOfDeclaration(decl);
  return (flags & ts.ModifierFlags.Private) !== 0 || (name !== undefined && ts.isPrivateIdentifier(name));
}

function modifiers(decl: ts.Declaration): string {
  const flags = ts.getCombinedModifierFlags(decl);
  return [
    flags & ts.ModifierFlags.Protected ? 'protected ' : '',
    flags & ts.ModifierFlags.Static ? 'static ' : '',
    flags & ts.ModifierFlags.Abstract ? 'abstract ' : '',
    flags & ts.ModifierFlags.Readonly ? 'readonly ' : '',
  ].join('');
}

function parameters(params: ts.NodeArray<ts.ParameterDeclaration>): string {
  return params.map((p) => {
    const optional = p.questionToken !== undefined || p.initializer !== undefined ? '?' : '';
    return `${p.dotDotDotToken ? '...' : ''}${text(p.name)}${optional}: ${p.type ? text(p.type) : 'unknown'}`;
  }).join(', ');
}

function typeParameters(params: ts.NodeArray<ts.TypeParameterDeclaration> | undefined): string {
  return params ? `<${params.map(text).join(', ')}>` : '';
}

/** The type of a declaration as written, else as the checker infers it. */
function typeOf(checker: ts.TypeChecker, decl: ts.Declaration & { readonly type?: ts.TypeNode }): string {
  if (decl.type) return text(decl.type);
  return checker.typeToString(checker.getTypeAtLocation(decl), undefined, ts.TypeFormatFlags.NoTruncation);
}

function returnType(checker: ts.TypeChecker, decl: ts.SignatureDeclaration): string {
  if (decl.type) return text(decl.type);
  const signature = checker.getSignatureFromDeclaration(decl);
  return signature ? checker.typeToString(signature.getReturnType(), undefined, ts.TypeFormatFlags.NoTruncation) : 'unknown';
}

/** One line per member of a class or interface, sorted by name (statics first); private ones left out. */
function memberLines(checker: ts.TypeChecker, members: ts.NodeArray<ts.ClassElement | ts.TypeElement>): string[] {
  const lines: { readonly rank: number; readonly name: string; readonly line: string }[] = [];
  for (const m of members) {
    if (isHidden(m)) continue;
    const name = m.name !== undefined ? text(m.name) : '';
    const optional = 'questionToken' in m && m.questionToken !== undefined ? '?' : '';
    const rank = ts.isConstructorDeclaration(m) ? 0 : ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static ? 1 : 2;
    const add = (line: string): void => {
      lines.push({ rank, name, line: `${modifiers(m)}${line}` });
    };
    if (ts.isConstructorDeclaration(m)) add(`constructor(${parameters(m.parameters)})`);
    else if (ts.isPropertyDeclaration(m) || ts.isPropertySignature(m)) add(`${name}${optional}: ${typeOf(checker, m)}`);
    else if (ts.isMethodDeclaration(m) || ts.isMethodSignature(m)) {
      add(`${name}${optional}${typeParameters(m.typeParameters)}(${parameters(m.parameters)}): ${returnType(checker, m)}`);
    } else if (ts.isGetAccessorDeclaration(m)) add(`get ${name}(): ${returnType(checker, m)}`);
    else if (ts.isSetAccessorDeclaration(m)) add(`set ${name}(${parameters(m.parameters)})`);
    else if (ts.isIndexSignatureDeclaration(m)) add(`[${parameters(m.parameters)}]: ${text(m.type)}`);
    else add(text(m));
  }
  const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return lines.sort((a, b) => a.rank - b.rank || order(a.name, b.name) || order(a.line, b.line)).map((l) => l.line);
}

function heritage(clauses: ts.NodeArray<ts.HeritageClause> | undefined): string {
  return (clauses ?? []).map((c) => ` ${text(c)}`).join('');
}

/** The listing of one export: a header line, then its members indented. */
function describe(checker: ts.TypeChecker, name: string, decl: ts.Declaration): string[] {
  const indent = (lines: string[]): string[] => lines.map((l) => `  ${l}`);
  if (ts.isClassDeclaration(decl)) {
    const abstract = ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Abstract ? 'abstract ' : '';
    return [`${abstract}class ${name}${typeParameters(decl.typeParameters)}${heritage(decl.heritageClauses)}`, ...indent(memberLines(checker, decl.members))];
  }
  if (ts.isInterfaceDeclaration(decl)) {
    return [`interface ${name}${typeParameters(decl.typeParameters)}${heritage(decl.heritageClauses)}`, ...indent(memberLines(checker, decl.members))];
  }
  if (ts.isEnumDeclaration(decl)) {
    return [`enum ${name}`, ...indent(decl.members.map((m) => (m.initializer ? `${text(m.name)} = ${text(m.initializer)}` : text(m.name))))];
  }
  if (ts.isTypeAliasDeclaration(decl)) return [`type ${name}${typeParameters(decl.typeParameters)} = ${text(decl.type)}`];
  if (ts.isFunctionDeclaration(decl)) {
    return [`function ${name}${typeParameters(decl.typeParameters)}(${parameters(decl.parameters)}): ${returnType(checker, decl)}`];
  }
  if (ts.isVariableDeclaration(decl)) return [`const ${name}: ${typeOf(checker, decl)}`];
  return [`${ts.SyntaxKind[decl.kind]} ${name}`];
}

/** The report's text: a short header, then every export of lib/index.ts sorted by name. */
export function renderApiReport(): string {
  const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (f) => ts.sys.readFile(f));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
  const program = ts.createProgram([ENTRY], { ...parsed.options, types: ['node'], noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENTRY);
  const moduleSymbol = source ? checker.getSymbolAtLocation(source) : undefined;
  if (!moduleSymbol) throw new Error(`cannot read the exports of ${ENTRY}`);
  const entries = checker.getExportsOfModule(moduleSymbol)
    .map((s) => ({ name: s.getName(), symbol: s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const lines: string[] = [];
  for (const { name, symbol } of entries) {
    // A name with a class or function and an interface of the same name (declaration merging) lists each.
    for (const decl of symbol.declarations ?? []) lines.push(...describe(checker, name, decl));
  }
  return [
    '# API report: cdk8s-netsec',
    '',
    'The package root (`lib/index.ts`), the construct API that `npm run jsii` compiles: every export',
    'and every public or protected member, sorted. Generated by `npm run api-report`; do not edit.',
    '',
    '```ts',
    ...lines,
    '```',
    '',
  ].join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(API_REPORT_FILE), { recursive: true });
  fs.writeFileSync(API_REPORT_FILE, renderApiReport());
  console.log(`wrote ${path.relative(ROOT, API_REPORT_FILE)}`);
}
