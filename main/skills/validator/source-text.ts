const MAX_EXCERPT = 160;
// The same line terminators the TypeScript scanner counts, so excerpts match reported lines.
const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;

/** The audited text, indexed by line so findings can quote the offending line. */
export class SourceText {
  readonly text: string;
  readonly #lineStarts: number[] = [0];
  readonly #lineEnds: number[] = [];

  constructor(text: string) {
    this.text = text;
    for (const match of text.matchAll(LINE_BREAK)) {
      this.#lineEnds.push(match.index);
      this.#lineStarts.push(match.index + match[0].length);
    }
    this.#lineEnds.push(text.length);
  }

  /** 1-based line and column of a UTF-16 offset. */
  positionOf(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.#lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.#lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.#lineStarts[low] ?? 0) + 1 };
  }

  /** The line, trimmed; a long line is cut to a window around the column. */
  excerpt(line: number, column: number): string {
    const start = this.#lineStarts[line - 1];
    if (start === undefined) return '';
    const raw = this.text.slice(start, this.#lineEnds[line - 1]);
    const trimmed = raw.trim();
    if (trimmed.length <= MAX_EXCERPT) return trimmed;
    const from = Math.max(0, column - 1 - MAX_EXCERPT / 2);
    const window = raw.slice(from, from + MAX_EXCERPT).trim();
    return `${from > 0 ? '…' : ''}${window}${from + MAX_EXCERPT < raw.length ? '…' : ''}`;
  }
}
