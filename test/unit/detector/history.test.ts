import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError, parseHistory, readHistoryFile } from '../../../main/skills/detector/history.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();
const fixture = (name: string) => path.join(import.meta.dirname, '../../fixtures', name);

function historyError(run: () => unknown): HistoryError {
  try {
    run();
  } catch (error) {
    if (error instanceof HistoryError) return error;
    throw error;
  }
  throw new Error('expected a HistoryError');
}

describe('conversation history files', () => {
  it('reads the JSON Lines and JSON array fixtures', () => {
    const pl = readHistoryFile(fixture('history-pl.jsonl'));
    const en = readHistoryFile(fixture('history-en.json'));
    expect(pl.length).toBeGreaterThanOrEqual(60);
    expect(en.length).toBeGreaterThanOrEqual(60);
    expect(pl[0]).toMatchObject({ role: 'user', day: '2026-03-02', at: '2026-03-02T08:05:00+01:00' });
    expect(en.some((m) => m.role === 'system')).toBe(true);
  });

  it('names the line of every broken JSON Lines entry', () => {
    const text = [
      '{"role":"user","text":"ok","at":"2026-03-02T08:00:00Z"}',
      '{"role":"user","text":"broken",',
      '',
      '{"role":"user","at":"2026-03-02T09:00:00Z"}',
      '{"role":"user","text":"bad date","at":"2026-02-30T10:00:00Z"}',
      '{"role":"bot","text":"who?","at":"2026-03-02T10:00:00Z"}',
      '{"role":"user","text":42,"at":"2026-03-02T10:00:00Z"}',
      '["not", "an", "object"]',
    ].join('\n');
    const syntax = historyError(() => parseHistory(text));
    expect(syntax.issues.map((i) => i.line)).toEqual([2]);
    expect(syntax.userMessage.en).toContain('line 2: not valid JSON');
    expect(syntax.userMessage.pl).toContain('linia 2');

    const fields = historyError(() => parseHistory(text.split('\n').filter((_, i) => i !== 1).join('\n')));
    expect(fields.issues.map((i) => [i.line, i.message.en])).toEqual([
      [3, 'the “text” field is missing.'],
      [4, expect.stringContaining('“at” is not a valid date: “2026-02-30T10:00:00Z”')],
      [5, expect.stringContaining('unknown role “bot”')],
      [6, '“text” must be a string.'],
      [7, expect.stringContaining('must be an object')],
    ]);
  });

  it('names the message of a broken JSON array entry', () => {
    const error = historyError(() => parseHistory(JSON.stringify([
      { role: 'user', text: 'fine', at: '2026-03-02T08:00:00Z' },
      { role: 'user', text: 'no time zone is fine', at: '2026-03-02 08:00' },
      { role: 'user', text: 'when?', at: 'yesterday' },
    ])));
    expect(error.issues).toEqual([{ line: null, item: 3, message: expect.objectContaining({ en: expect.stringContaining('“yesterday”') }) }]);
    expect(error.userMessage.en).toContain('message 3:');
  });

  it('explains malformed JSON, empty files, wrong shapes and files that are too big', () => {
    expect(historyError(() => parseHistory('[{"role":"user","text":"a" "at":"2026-03-02"}]')).userMessage.en).toMatch(/not valid JSON.*line 1/);
    expect(historyError(() => parseHistory(' \n ')).userMessage.en).toContain('empty');
    expect(historyError(() => parseHistory('[1, 2]')).issues).toHaveLength(2);

    const big = path.join(tempDir(), 'big.jsonl');
    fs.writeFileSync(big, `${JSON.stringify({ role: 'user', text: 'x'.repeat(2000), at: '2026-03-02' })}\n`.repeat(10));
    expect(historyError(() => readHistoryFile(big, 1024)).userMessage.en).toMatch(/file is 20 KB; the limit is 1 KB/);
    expect(historyError(() => readHistoryFile(path.join(tempDir(), 'missing.json'))).userMessage.en).toContain('cannot be opened');
  });
});
