import { Buffer } from 'node:buffer';
import { START_OF_FILE, type FindingSink } from './findings.ts';
import type { SourceText } from './source-text.ts';

/** Far above any real skill; larger files are refused before parsing. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

// NUL and other control characters (tab, line breaks, VT and FF are fine), the replacement character
// left by an invalid UTF-8 decode, and lone surrogates: none occur in honest source text.
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bidirectional overrides and isolates ("Trojan Source"): the code would read differently than it runs.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;

/** Whether the text is worth parsing; reports why not otherwise. */
export function checkInput(text: SourceText, sink: FindingSink): boolean {
  const source = text.text;
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > MAX_SOURCE_BYTES) {
    sink.add('input/too-large', START_OF_FILE, bytes, MAX_SOURCE_BYTES);
    return false;
  }
  if (source.trim() === '') {
    sink.add('input/empty', START_OF_FILE);
    return false;
  }
  const notText = NOT_TEXT.exec(source);
  if (notText) {
    sink.add('input/binary', text.positionOf(notText.index));
    return false;
  }
  const bidi = BIDI_CONTROL.exec(source);
  if (bidi) sink.add('evasion/bidi-control', text.positionOf(bidi.index));
  return true;
}
