// Syntax highlighting under the page's CSP: highlight.js runs no eval and adds no inline style; it
// escapes the code it is given and returns only <span class="hljs-…"> around escaped text. That
// output (and nothing else) is what the code views put into the page as HTML.
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';

hljs.registerLanguage('typescript', typescript);
hljs.registerLanguage('json', json);
hljs.registerLanguage('markdown', markdown);

export type CodeLanguage = 'typescript' | 'json' | 'markdown';

/** Highlight.js's HTML: code escaped, tokens wrapped in spans. Safe to put into the page as HTML. */
export type HighlightedHtml = string & { readonly __highlighted: unique symbol };

const TAG = /<span class="[\w\s-]*">|<\/span>/g;

/**
 * The code highlighted and cut into lines, each line's HTML balanced on its own: a token that spans
 * several lines (a template string, a block comment) is closed at each line end and opened again on
 * the next, so every line can be shown in its own row of a table.
 */
export function highlightLines(code: string, language: CodeLanguage): HighlightedHtml[] {
  const highlighted = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  // Belt and braces: anything but span tags around escaped text and the code is shown unhighlighted.
  const html = highlighted.replace(TAG, '').includes('<') ? escapeHtml(code) : highlighted;
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  let last = 0;
  const text = (chunk: string) => {
    const parts = chunk.split('\n');
    parts.forEach((part, index) => {
      if (index > 0) {
        lines.push(line + '</span>'.repeat(open.length));
        line = open.join('');
      }
      line += part;
    });
  };
  for (const match of html.matchAll(TAG)) {
    text(html.slice(last, match.index));
    const tag = match[0];
    if (tag === '</span>') open.pop();
    else open.push(tag);
    line += tag;
    last = match.index + tag.length;
  }
  text(html.slice(last));
  lines.push(line + '</span>'.repeat(open.length));
  // A file ending in a newline has no last, empty line to show.
  if (code.endsWith('\n') && lines.length > 1) lines.pop();
  return lines as HighlightedHtml[];
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
