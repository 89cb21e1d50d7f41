// TypeScript → a script the isolate can run. Done in the host, not in main: the parser runs on
// untrusted text, so a pathological file costs the host (which main can kill), never main.
//
// Two routes to the same script. The fast one strips the types (Node's `stripTypeScriptTypes`,
// which blanks them out in place) and turns the file's exported classes into CommonJS exports by
// hand; it takes a file only when that gives what TypeScript's own CommonJS output would, and
// hands every other file (a syntax error, an enum, a decorator, an import…) to
// `ts.transpileModule`, which accepts or refuses it as it always has. In the host, where cold runs
// are rare and TypeScript's emitter is seldom warm, the fast route costs a fraction of a
// millisecond against several.
import { createHash } from 'node:crypto';
import nodeModule from 'node:module';
import ts from 'typescript';

export type TranspileResult = { ok: true; script: string } | { ok: false; message: string };

export const SKILL_FILENAME = 'skill.js';

/**
 * CommonJS output wrapped in a function expression: running the compiled script yields the module
 * factory `(exports, module) => void`, which the prelude's `run` calls in each fresh context.
 */
export function transpileSkill(source: string): TranspileResult {
  const stripped = stripSkill(source);
  return stripped === null ? transpileWithTypeScript(source) : { ok: true, script: stripped };
}

/** `ts.transpileModule`: every file goes this way when the fast route declines it. */
export function transpileWithTypeScript(source: string): TranspileResult {
  const refusal: { message: string | null } = { message: null };
  const output = ts.transpileModule(source, {
    fileName: 'skill.ts',
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2023,
      alwaysStrict: true,
      sourceMap: false,
      removeComments: true,
    },
    transformers: {
      before: [
        () => (file) => {
          refusal.message = findEscapedName(file);
          return file;
        },
      ],
    },
  });
  const first = output.diagnostics?.[0];
  if (first) return { ok: false, message: describeDiagnostic(first) };
  if (refusal.message) return { ok: false, message: refusal.message };
  return { ok: true, script: `(function (exports, module) {\n${output.outputText}\n})` };
}

/** Sources whose transpiled form is kept; a version evicted from the warm pool, or the approved twin of a dry-run candidate, skips TypeScript. */
const CACHE_ENTRIES = 256;
/** Characters of scripts kept at most (UTF-16: up to twice as many bytes). */
const CACHE_CHARS = 16 * 1024 * 1024;

/**
 * `transpileSkill` results by the SHA-256 of the exact source text, least recently used first out.
 * The result is a pure function of the text, so a hit is exactly what transpiling would give.
 * Refusals are kept too: a broken file sent again is refused again without parsing it again.
 */
export class TranspileCache {
  private readonly entries = new Map<string, { result: TranspileResult; chars: number }>();
  private chars = 0;
  private readonly maxEntries: number;
  private readonly maxChars: number;
  private readonly transpile: (source: string) => TranspileResult;

  constructor(options: { maxEntries?: number; maxChars?: number; transpile?: (source: string) => TranspileResult } = {}) {
    this.maxEntries = options.maxEntries ?? CACHE_ENTRIES;
    this.maxChars = options.maxChars ?? CACHE_CHARS;
    this.transpile = options.transpile ?? transpileSkill;
  }

  get(source: string): TranspileResult {
    const key = createHash('sha256').update(source, 'utf8').digest('hex');
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.result;
    }
    let result: TranspileResult;
    try {
      result = this.transpile(source);
    } catch {
      result = { ok: false, message: 'the file cannot be parsed' };
    }
    const chars = result.ok ? result.script.length : result.message.length;
    if (chars <= this.maxChars) {
      this.entries.set(key, { result, chars });
      this.chars += chars;
      for (const [oldKey, old] of this.entries) {
        if (this.entries.size <= this.maxEntries && this.chars <= this.maxChars) break;
        this.entries.delete(oldKey);
        this.chars -= old.chars;
      }
    }
    return result;
  }

  get size(): number {
    return this.entries.size;
  }
}

type StripTypes = (code: string, options?: { mode?: 'strip' | 'transform' }) => string;
/** Absent where the runtime has no type stripping (it is experimental in Node 24); unset after an unexpected failure. */
let stripTypes: StripTypes | undefined = (nodeModule as { stripTypeScriptTypes?: StripTypes }).stripTypeScriptTypes;
/** What `stripTypeScriptTypes` throws for a file it cannot strip: an answer, not a fault. */
const STRIP_REFUSALS = new Set(['ERR_INVALID_TYPESCRIPT_SYNTAX', 'ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX']);

/**
 * The fast route: the script, or null when the file needs TypeScript. It declines any file that
 * TypeScript would report, refuse or rewrite beyond erasing types and exporting classes:
 * - syntax errors and `\u`-escaped names (TypeScript words the refusal);
 * - imports and exports other than `import type`, `export type`, ambient declarations and
 *   `export class Name`; assignments to an exported class's name (TypeScript would mirror them
 *   into `exports`); dynamic `import()` and `import.meta` (TypeScript rewrites them for CommonJS);
 * - syntax TypeScript lowers for the ES2023 target (decorators, `accessor`, `using`) or that
 *   stripping cannot erase (enums, namespaces, parameter properties, `<T>x` assertions);
 * - HTML-like comments (`<!--`, `-->`): a script reads them as comments where TypeScript reads
 *   operators, so stripped text could mean something else to V8. TypeScript reprints them.
 */
function stripSkill(source: string): string | null {
  const strip = stripTypes;
  if (!strip || source.startsWith('#!') || source.includes('<!--') || source.includes('-->')) return null;
  const file = ts.createSourceFile('skill.ts', source, ts.ScriptTarget.ES2023, false, ts.ScriptKind.TS);
  const diagnostics = (file as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics === undefined || diagnostics.length > 0 || findEscapedName(file) !== null) return null;
  const exported = exportedClasses(file);
  if (exported === null || !erasesOnly(file, new Set(exported.map((entry) => entry.name)))) return null;
  // Blank each `export` and add `exports.Name = Name;` right after its class, on the same line so
  // no line moves; backwards, so the offsets still to be used stay valid.
  let edited = source;
  for (const { name, keyword, end } of [...exported].reverse()) {
    edited = `${edited.slice(0, keyword)}${' '.repeat(6)}${edited.slice(keyword + 6, end)} exports.${name} = ${name};${edited.slice(end)}`;
  }
  let body: string;
  try {
    body = quietly(() => strip(edited, { mode: 'strip' }));
  } catch (error) {
    // Anything but a refusal means the stripper itself failed: stop using it in this process.
    if (!STRIP_REFUSALS.has((error as { code?: unknown }).code as string)) stripTypes = undefined;
    return null;
  }
  if (body.length !== edited.length) return null;
  // TypeScript's CommonJS prologue, on the wrapper's line so the skill's lines keep their numbers.
  const prologue = ['"use strict";'];
  if (ts.isExternalModule(file)) prologue.push('Object.defineProperty(exports, "__esModule", { value: true });');
  for (const { name } of exported) prologue.push(`exports.${name} = void 0;`);
  return `(function (exports, module) {${prologue.join(' ')}\n${body}\n})`;
}

/**
 * Runs `fn` without Node's one-time "stripTypeScriptTypes is an experimental feature" warning,
 * which would otherwise land on the host's stderr (the tail main keeps to explain a failed start).
 * Every other warning passes through; `fn` is synchronous, so nothing else runs meanwhile.
 */
function quietly<T>(fn: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: unknown } | undefined)?.type;
    if (type === 'ExperimentalWarning' && String(warning).includes('stripTypeScriptTypes')) return;
    Reflect.apply(emitWarning, process, [warning, ...rest]);
  }) as typeof process.emitWarning;
  try {
    return fn();
  } finally {
    process.emitWarning = emitWarning;
  }
}

interface ExportedClass {
  name: string;
  /** Offset of the `export` keyword. */
  keyword: number;
  /** Offset just past the class's closing brace. */
  end: number;
}

/** The file's `export class Name` statements, or null if it imports or exports anything else. */
function exportedClasses(file: ts.SourceFile): ExportedClass[] | null {
  const found: ExportedClass[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly !== true) return null;
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      if (!statement.isTypeOnly) return null;
      continue;
    }
    if (ts.isExportAssignment(statement) || ts.isImportEqualsDeclaration(statement) || ts.isNamespaceExportDeclaration(statement)) return null;
    const modifiers = ts.canHaveModifiers(statement) ? (ts.getModifiers(statement) ?? []) : [];
    const exportKeyword = modifiers.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!exportKeyword) continue;
    if (modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) continue;
    const isDefault = modifiers.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    if (!ts.isClassDeclaration(statement) || !statement.name || isDefault) return null;
    const keyword = exportKeyword.getStart(file);
    if (file.text.slice(keyword, keyword + 6) !== 'export') return null;
    found.push({ name: statement.name.text, keyword, end: statement.end });
  }
  return found;
}

/** True when nothing in the file needs more than erasing types (see `stripSkill`). */
function erasesOnly(file: ts.SourceFile, exportedNames: ReadonlySet<string>): boolean {
  let ok = true;
  const assignsExported = (target: ts.Expression): boolean => {
    let inner = target;
    while (ts.isParenthesizedExpression(inner) || ts.isAsExpression(inner) || ts.isNonNullExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
    return ts.isIdentifier(inner) && exportedNames.has(inner.text);
  };
  const visit = (node: ts.Node): void => {
    if (!ok) return;
    switch (node.kind) {
      case ts.SyntaxKind.Decorator:
      case ts.SyntaxKind.AccessorKeyword:
      case ts.SyntaxKind.EnumDeclaration:
      case ts.SyntaxKind.ModuleDeclaration:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.MetaProperty:
        ok = false;
        return;
      case ts.SyntaxKind.VariableDeclarationList:
        if (node.flags & ts.NodeFlags.Using) ok = false;
        break;
      case ts.SyntaxKind.Parameter:
        // A modifier on a parameter (public, private, readonly…) makes it a parameter property.
        if (ts.getModifiers(node as ts.ParameterDeclaration)?.length) ok = false;
        break;
      case ts.SyntaxKind.ForOfStatement:
      case ts.SyntaxKind.ForInStatement: {
        const initializer = (node as ts.ForOfStatement | ts.ForInStatement).initializer;
        if (!ts.isVariableDeclarationList(initializer) && (assignsExported(initializer) || !ts.isIdentifier(initializer))) ok = false;
        break;
      }
      case ts.SyntaxKind.CallExpression:
        if ((node as ts.CallExpression).expression.kind === ts.SyntaxKind.ImportKeyword) ok = false;
        break;
      case ts.SyntaxKind.BinaryExpression: {
        const { left, operatorToken } = node as ts.BinaryExpression;
        const assignment = operatorToken.kind >= ts.SyntaxKind.FirstAssignment && operatorToken.kind <= ts.SyntaxKind.LastAssignment;
        if (assignment && (assignsExported(left) || ts.isObjectLiteralExpression(left) || ts.isArrayLiteralExpression(left))) ok = false;
        break;
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const { operator, operand } = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
        if ((operator === ts.SyntaxKind.PlusPlusToken || operator === ts.SyntaxKind.MinusMinusToken) && assignsExported(operand)) ok = false;
        break;
      }
    }
    if (ok) ts.forEachChild(node, visit);
  };
  visit(file);
  return ok;
}

/**
 * A name spelled with \u escapes (`\u0065val`) serves only to hide what code does, and V8 (Node
 * 24.21) aborts the whole process on an escaped `eval` inside an object method (a CHECK failure,
 * measured): such files are refused before they reach an isolate.
 */
function findEscapedName(file: ts.SourceFile): string | null {
  let found: string | null = null;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const named = ts.isIdentifier(node) || ts.isPrivateIdentifier(node);
    if (named && file.text.slice(node.getStart(file), node.end).includes('\\')) {
      const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
      found = `line ${line + 1}, column ${character + 1}: names written with \\u escapes are not allowed`;
    } else {
      ts.forEachChild(node, visit);
    }
  };
  visit(file);
  return found;
}

function describeDiagnostic(diagnostic: ts.Diagnostic): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (!diagnostic.file || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `line ${line + 1}, column ${character + 1}: ${text}`;
}
