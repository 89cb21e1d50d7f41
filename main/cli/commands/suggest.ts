import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { HistoryError, readHistoryFile, type HistoryMessage } from '../../skills/detector/history.ts';
import { findPatterns, PATTERN_DEFAULTS } from '../../skills/detector/pattern-matcher.ts';
import { findGaps, type GapReport } from '../../skills/detector/gap-detector.ts';
import { createSuggestionService, SKIP_MESSAGES, type ProposeReport } from '../../skills/detector/suggestions.ts';
import type { SkillSuggestion } from '../../skills/detector/suggestion.ts';
import { needLines } from './need.ts';

const USAGE = 'foundry suggest (--history FILE | --events | both) [--min-mentions N] [--min-days N] [--window-days N] [--installed KEY,KEY] [--store] [--json]';

interface Thresholds {
  minMentions: number;
  minDistinctDays: number;
  windowDays: number;
}

/** The numeric options, or the first one that is not a whole number of at least 1. */
function readThresholds(values: Record<string, string | boolean | undefined>): Thresholds | string {
  const read = (name: string, fallback: number): number | string => {
    const value = values[name];
    if (typeof value !== 'string') return fallback;
    return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : `--${name} must be a whole number of at least 1, not “${value}”`;
  };
  const minMentions = read('min-mentions', PATTERN_DEFAULTS.minMentions);
  const minDistinctDays = read('min-days', PATTERN_DEFAULTS.minDistinctDays);
  const windowDays = read('window-days', PATTERN_DEFAULTS.windowDays);
  for (const v of [minMentions, minDistinctDays, windowDays]) if (typeof v === 'string') return v;
  return { minMentions: minMentions as number, minDistinctDays: minDistinctDays as number, windowDays: windowDays as number };
}

interface Findings {
  patterns: SkillSuggestion[];
  gaps: GapReport;
}

function detect(history: HistoryMessage[], thresholds: Thresholds, installed: string[]): Findings {
  return {
    patterns: findPatterns(history, { ...thresholds, installedSubjectKeys: installed }),
    gaps: findGaps(history, { windowDays: thresholds.windowDays, installedSubjectKeys: installed }),
  };
}

function suggestionLines(s: SkillSuggestion, n: number): string[] {
  const lines = [`  ${n}. ${s.title.pl}`, `     ${s.title.en}`];
  if (s.source === 'pattern') {
    lines.push(`     ${s.evidence.count} messages on ${s.evidence.distinctDays} days / ${s.evidence.count} wiadomości z ${s.evidence.distinctDays} dni`);
    for (const e of s.evidence.examples ?? []) lines.push(`       „${e.text}” (${e.at})`);
  } else {
    const scanned = s.evidence.scanned!;
    lines.push(`     0 mentions in ${scanned.messages} messages over ${scanned.days} days / 0 wzmianek w ${scanned.messages} wiadomościach z ${scanned.days} dni`);
  }
  return [...lines, ...needLines(s.need, '     ')];
}

function printHuman(io: CommandIo, found: Findings, report: ProposeReport | null, dataDir: string | null): void {
  const { patterns, gaps } = found;
  const out = [`history: ${gaps.scanned.messages} of your messages over ${gaps.scanned.days} days / ${gaps.scanned.messages} Twoich wiadomości z ${gaps.scanned.days} dni`, ''];
  out.push('patterns / wzorce');
  if (patterns.length === 0) out.push('  none / brak');
  patterns.forEach((s, i) => out.push(...suggestionLines(s, i + 1)));
  out.push('', 'gaps / luki');
  if (gaps.tooSmall) out.push(`  ${gaps.tooSmall.en}`, `  ${gaps.tooSmall.pl}`);
  else if (gaps.suggestions.length === 0) out.push('  none / brak');
  gaps.suggestions.forEach((s, i) => out.push(...suggestionLines(s, i + 1)));
  if (report) {
    out.push('', `stored in ${dataDir}: ${report.stored.length} / zapisano: ${report.stored.length}`);
    for (const r of report.stored) out.push(`  ${r.id}  ${r.source}  ${r.subjectKey}`);
    for (const { suggestion, reason } of report.skipped) {
      out.push(`  skipped ${suggestion.source} ${suggestion.subjectKey}: ${SKIP_MESSAGES[reason].en} / ${SKIP_MESSAGES[reason].pl}`);
    }
  }
  io.out(out.join('\n'));
}

function printJson(io: CommandIo, found: Findings, report: ProposeReport | null): void {
  io.out(JSON.stringify({
    scanned: found.gaps.scanned,
    patterns: found.patterns,
    gaps: found.gaps.suggestions,
    gapsTooSmall: found.gaps.tooSmall,
    ...(report ? {
      stored: report.stored,
      skipped: report.skipped.map(({ suggestion, reason }) => ({ source: suggestion.source, subjectKey: suggestion.subjectKey, reason, message: SKIP_MESSAGES[reason] })),
    } : {}),
  }, null, 2));
}

export const suggestCommand: Command = {
  name: 'suggest',
  summary: 'Propose skills from a conversation history: what you often mention, what you never do',
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        history: { type: 'string' },
        events: { type: 'boolean', default: false },
        'min-mentions': { type: 'string' },
        'min-days': { type: 'string' },
        'window-days': { type: 'string' },
        installed: { type: 'string' },
        store: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    });
    if (!values.history && !values.events) {
      io.err(`foundry suggest: give --history FILE (a JSON array or JSON Lines of {role, text, at}), --events (the messages the assistant reported), or both.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const thresholds = readThresholds(values);
    if (typeof thresholds === 'string') {
      io.err(`foundry suggest: ${thresholds}\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    let history: HistoryMessage[] = [];
    try {
      if (values.history) history = readHistoryFile(values.history);
    } catch (error) {
      if (!(error instanceof HistoryError)) throw error;
      io.err(`${error.userMessage.en}\n\n${error.userMessage.pl}`);
      return EXIT.badInput;
    }
    const given = (values.installed ?? '').split(',').map((k) => k.trim()).filter(Boolean);
    const report = (found: Findings, proposed: ProposeReport | null, dataDir: string | null): number => {
      if (values.json) printJson(io, found, proposed);
      else printHuman(io, found, proposed, dataDir);
      return EXIT.ok;
    };

    if (!values.store && !values.events) return report(detect(history, thresholds, given), null, null);
    return withEngine(io, values.json, ({ store, service: skills }) => {
      // The assistant's reported messages are history like a file's: the same detectors read both.
      const all = values.events ? [...history, ...skills.reportedHistory(thresholds.windowDays)] : history;
      if (!values.store) return report(detect(all, thresholds, given), null, null);
      const service = createSuggestionService(store);
      const found = detect(all, thresholds, [...given, ...service.installedSubjectKeys()]);
      return report(found, service.proposeSuggestions([...found.patterns, ...found.gaps.suggestions]), store.dataDir);
    });
  },
};
