// The engine sends each changed file as a unified diff; these helpers turn one into rows for the
// unified view and pairs of rows for the side-by-side view, each line highlighted (hunk by hunk,
// so a token spanning lines inside a hunk is still coloured right).
import { parsePatch } from 'diff';
import { highlightLines, type CodeLanguage, type HighlightedHtml } from './highlight.ts';

export type RowKind = 'context' | 'add' | 'del';

export interface DiffLine {
  kind: RowKind;
  /** 1-based line number in the old file (context, del) and in the new file (context, add). */
  oldNumber: number | null;
  newNumber: number | null;
  text: string;
  html: HighlightedHtml;
}

export interface DiffHunk {
  header: string;
  lines: DiffLine[];
}

export interface SideBySideRow {
  left: DiffLine | null;
  right: DiffLine | null;
}

export function parseUnifiedDiff(patch: string, language: CodeLanguage): DiffHunk[] {
  if (!patch.trim()) return [];
  const [file] = parsePatch(patch);
  if (!file) return [];
  return file.hunks.map((hunk) => {
    const raw = hunk.lines.filter((line) => !line.startsWith('\\'));
    const oldText = raw.filter((line) => !line.startsWith('+')).map((line) => line.slice(1));
    const newText = raw.filter((line) => !line.startsWith('-')).map((line) => line.slice(1));
    const oldHtml = highlightLines(oldText.join('\n'), language);
    const newHtml = highlightLines(newText.join('\n'), language);
    let oldIndex = 0;
    let newIndex = 0;
    let oldNumber = hunk.oldStart;
    let newNumber = hunk.newStart;
    const lines: DiffLine[] = raw.map((line) => {
      const text = line.slice(1);
      if (line.startsWith('-')) return { kind: 'del', oldNumber: oldNumber++, newNumber: null, text, html: oldHtml[oldIndex++] ?? ('' as HighlightedHtml) };
      if (line.startsWith('+')) return { kind: 'add', oldNumber: null, newNumber: newNumber++, text, html: newHtml[newIndex++] ?? ('' as HighlightedHtml) };
      oldIndex++;
      return { kind: 'context', oldNumber: oldNumber++, newNumber: newNumber++, text, html: newHtml[newIndex++] ?? ('' as HighlightedHtml) };
    });
    return { header: `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, lines };
  });
}

/** A hunk's lines side by side: context on both sides, each run of removed lines beside the added lines that replace it. */
export function sideBySide(lines: DiffLine[]): SideBySideRow[] {
  const rows: SideBySideRow[] = [];
  let dels: DiffLine[] = [];
  let adds: DiffLine[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(dels.length, adds.length); i++) rows.push({ left: dels[i] ?? null, right: adds[i] ?? null });
    dels = [];
    adds = [];
  };
  for (const line of lines) {
    if (line.kind === 'del') {
      if (adds.length > 0) flush();
      dels.push(line);
    } else if (line.kind === 'add') {
      adds.push(line);
    } else {
      flush();
      rows.push({ left: line, right: line });
    }
  }
  flush();
  return rows;
}

/** How many lines a patch adds and removes. */
export function countChanges(hunks: DiffHunk[]): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const hunk of hunks) for (const line of hunk.lines) {
    if (line.kind === 'add') added++;
    if (line.kind === 'del') removed++;
  }
  return { added, removed };
}
