import path from 'node:path';
import { readHistoryFile, type HistoryMessage } from '../../../main/skills/detector/history.ts';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
export const PL_HISTORY = path.join(FIXTURES, 'history-pl.jsonl');
export const EN_HISTORY = path.join(FIXTURES, 'history-en.json');

export const plHistory = (): HistoryMessage[] => readHistoryFile(PL_HISTORY);
export const enHistory = (): HistoryMessage[] => readHistoryFile(EN_HISTORY);

/** A history written on the spot: one message per entry, each on its own day from `firstDay`. */
export function history(texts: string[], options: { role?: HistoryMessage['role']; firstDay?: string } = {}): HistoryMessage[] {
  const start = Date.parse(`${options.firstDay ?? '2026-03-01'}T12:00:00Z`);
  return texts.map((text, i) => {
    const at = new Date(start + i * 24 * 60 * 60 * 1000).toISOString();
    return { role: options.role ?? 'user', text, at, day: at.slice(0, 10), time: Date.parse(at) };
  });
}
