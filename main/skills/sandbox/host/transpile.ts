// TypeScript → a script the isolate can run. Done in the host, not in main: the parser runs on
// untrusted text, so a pathological file costs the host (which main can kill), never main.
import ts from 'typescript';

export type TranspileResult = { ok: true; script: string } | { ok: false; message: string };

export const SKILL_FILENAME = 'skill.js';

/**
 * CommonJS output wrapped in a function expression: running the compiled script yields the module
 * factory `(exports, module) => void`, which the prelude's `run` calls in each fresh context.
 */
export function transpileSkill(source: string): TranspileResult {
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
