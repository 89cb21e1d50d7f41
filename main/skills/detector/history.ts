import fs from 'node:fs';
import type { Localized } from '../../../shared/i18n-types.ts';

export const HISTORY_ROLES = ['user', 'assistant', 'system', 'tool'] as const;
export type HistoryRole = (typeof HISTORY_ROLES)[number];

export interface HistoryMessage {
  role: HistoryRole;
  text: string;
  /** As written in the file (ISO 8601). */
  at: string;
  /** The calendar day as written ("2026-03-02"): the person's own day, whatever the offset. */
  day: string;
  /** Milliseconds since the epoch, for ordering and windows. */
  time: number;
}

export interface HistoryIssue {
  /** 1-based line of a JSONL file, or of a JSON syntax error when the parser knows it. */
  line: number | null;
  /** 1-based position of the message in a JSON array. */
  item: number | null;
  message: Localized;
}

/** A history file that cannot be used; every issue says where and what. Nothing was read from it. */
export class HistoryError extends Error {
  readonly issues: HistoryIssue[];
  readonly userMessage: Localized;

  constructor(issues: HistoryIssue[]) {
    const userMessage = {
      pl: ['Nie można użyć pliku historii:', ...issues.map((i) => `  ${where(i).pl}${i.message.pl}`)].join('\n'),
      en: ['The history file cannot be used:', ...issues.map((i) => `  ${where(i).en}${i.message.en}`)].join('\n'),
    };
    super(userMessage.en);
    this.name = 'HistoryError';
    this.issues = issues;
    this.userMessage = userMessage;
  }
}

function where(issue: HistoryIssue): Localized {
  if (issue.line !== null) return { pl: `linia ${issue.line}: `, en: `line ${issue.line}: ` };
  if (issue.item !== null) return { pl: `wiadomość ${issue.item}: `, en: `message ${issue.item}: ` };
  return { pl: '', en: '' };
}

export const MAX_HISTORY_BYTES = 20 * 1024 * 1024;
const MAX_ISSUES = 20;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Reads an exported conversation: a JSON array or JSON Lines of {role, text, at}. */
export function readHistoryFile(file: string, maxBytes = MAX_HISTORY_BYTES): HistoryMessage[] {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new HistoryError([issue(null, null, { pl: `„${file}” nie jest plikiem.`, en: `“${file}” is not a file.` })]);
    size = stat.size;
  } catch (error) {
    if (error instanceof HistoryError) throw error;
    throw new HistoryError([issue(null, null, { pl: `Nie można otworzyć „${file}”.`, en: `“${file}” cannot be opened.` })]);
  }
  if (size > maxBytes) {
    throw new HistoryError([issue(null, null, {
      pl: `Plik ma ${formatSize(size)}, a limit to ${formatSize(maxBytes)} — wyeksportuj krótszy okres.`,
      en: `The file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)} — export a shorter period.`,
    })]);
  }
  return parseHistory(fs.readFileSync(file, 'utf8'));
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** Parses and validates history text; a leading "[" means a JSON array, anything else JSON Lines. */
export function parseHistory(content: string): HistoryMessage[] {
  const text = content.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new HistoryError([issue(null, null, { pl: 'Plik historii jest pusty.', en: 'The history file is empty.' })]);
  return text.trimStart().startsWith('[') ? parseJsonArray(text) : parseJsonLines(text);
}

function parseJsonArray(text: string): HistoryMessage[] {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const line = /\(line (\d+) column \d+\)/.exec(detail)?.[1];
    throw new HistoryError([issue(line ? Number(line) : null, null, {
      pl: `To nie jest poprawny JSON (${detail}).`,
      en: `This is not valid JSON (${detail}).`,
    })]);
  }
  if (!Array.isArray(items)) {
    throw new HistoryError([issue(null, null, { pl: 'Oczekiwano tablicy wiadomości JSON.', en: 'Expected a JSON array of messages.' })]);
  }
  return collect(items.map((value, i) => ({ value, line: null, item: i + 1 })));
}

function parseJsonLines(text: string): HistoryMessage[] {
  const entries: { value: unknown; line: number; item: null }[] = [];
  const issues: HistoryIssue[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (raw.trim() === '' || issues.length >= MAX_ISSUES) return;
    try {
      entries.push({ value: JSON.parse(raw), line: i + 1, item: null });
    } catch {
      issues.push(issue(i + 1, null, { pl: 'to nie jest poprawny JSON.', en: 'not valid JSON.' }));
    }
  });
  if (issues.length > 0) throw new HistoryError(issues);
  return collect(entries);
}

function collect(entries: { value: unknown; line: number | null; item: number | null }[]): HistoryMessage[] {
  const messages: HistoryMessage[] = [];
  const issues: HistoryIssue[] = [];
  for (const { value, line, item } of entries) {
    const result = toMessage(value);
    if ('problem' in result) {
      issues.push(issue(line, item, result.problem));
      if (issues.length >= MAX_ISSUES) break;
    } else {
      messages.push(result.message);
    }
  }
  if (issues.length > 0) throw new HistoryError(issues);
  return messages;
}

function toMessage(value: unknown): { message: HistoryMessage } | { problem: Localized } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: { pl: 'wiadomość musi być obiektem {role, text, at}.', en: 'a message must be an object {role, text, at}.' } };
  }
  const record = value as Record<string, unknown>;
  for (const field of ['role', 'text', 'at'] as const) {
    if (!(field in record)) return { problem: { pl: `brakuje pola „${field}”.`, en: `the “${field}” field is missing.` } };
    if (typeof record[field] !== 'string') return { problem: { pl: `pole „${field}” musi być tekstem.`, en: `“${field}” must be a string.` } };
  }
  const { role, text, at } = record as { role: string; text: string; at: string };
  if (!(HISTORY_ROLES as readonly string[]).includes(role)) {
    return {
      problem: {
        pl: `nieznana rola „${role}” (dozwolone: ${HISTORY_ROLES.join(', ')}).`,
        en: `unknown role “${role}” (allowed: ${HISTORY_ROLES.join(', ')}).`,
      },
    };
  }
  const time = parseIsoDate(at);
  if (time === null) {
    return {
      problem: {
        pl: `„at” nie jest poprawną datą: „${at}” (oczekiwano ISO 8601, np. 2026-03-02T08:15:00+01:00).`,
        en: `“at” is not a valid date: “${at}” (expected ISO 8601, e.g. 2026-03-02T08:15:00+01:00).`,
      },
    };
  }
  return { message: { role: role as HistoryRole, text, at, day: at.slice(0, 10), time } };
}

/** Strict ISO 8601: Date.parse alone accepts "2026-02-30" (as 2 March) and much else. */
export function parseIsoDate(value: string): number | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return null;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : time;
}

function issue(line: number | null, item: number | null, message: Localized): HistoryIssue {
  return { line, item, message };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The person's own messages from the last `windowDays` days, counted back from `end` (by default
 * the newest message in the history): only what the person said says what they care about.
 */
export function recentUserMessages(messages: readonly HistoryMessage[], windowDays: number, end?: Date): HistoryMessage[] {
  const until = end?.getTime() ?? messages.reduce((latest, m) => Math.max(latest, m.time), -Infinity);
  const from = until - windowDays * DAY_MS;
  return messages.filter((m) => m.role === 'user' && m.time > from && m.time <= until);
}

/** A message the assistant reported (main/skills/triggers/), as the detectors read history; null when it would not pass as a history line. */
export function reportedMessage(reported: { role: string; text: string; at: string }): HistoryMessage | null {
  const result = toMessage(reported);
  return 'message' in result ? result.message : null;
}
