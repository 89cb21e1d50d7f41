import { parse, TSError, type TSESTree } from '@typescript-eslint/typescript-estree';
import { START_OF_FILE, type FindingSink } from './findings.ts';

/** The program's syntax tree, or null after reporting why it could not be parsed. */
export function parseSkill(source: string, fileName: string | undefined, sink: FindingSink): TSESTree.Program | null {
  try {
    return parse(source, {
      loc: true,
      range: true,
      jsx: fileName?.toLowerCase().endsWith('.tsx') ?? false,
      comment: false,
      tokens: false,
      jsDocParsingMode: 'none',
      loggerFn: false,
      suppressDeprecatedPropertyWarnings: true,
    });
  } catch (error) {
    if (error instanceof TSError) {
      sink.add('input/syntax-error', { line: error.lineNumber, column: error.column + 1 }, error.message);
    } else if (error instanceof RangeError) {
      // The parser recurses per nesting level; absurd nesting overflows its stack.
      sink.add('input/too-deep', START_OF_FILE);
    } else {
      throw error;
    }
    return null;
  }
}
