import { openFoundryStore } from '../../main/store/index.ts';
import { createTriggerEngine } from '../../main/skills/triggers/index.ts';
import { readMessage } from '../../main/skills/triggers/message-matcher.ts';
import type { SkillVersionRecord } from '../../shared/contract/records.ts';
import type { SkillTriggers } from '../../shared/skills/triggers.ts';
import { measure, printNote, printTable, withTempDir } from '../harness.ts';

const SHORT = 'Wypiłem właśnie dwie szklanki wody i kawę po bieganiu';
const LONG = `${'Dzisiaj był długi dzień w pracy, dużo spotkań i mało przerw. '.repeat(64)}`.slice(0, 4000);
/** Phrases no message here mentions, so every one is checked. */
const phrases = (skill: number) => Array.from({ length: 12 }, (_, i) => `słowo${skill}x${i}`);
/** Patterns near the audit's size limit (250 steps) that fail late. */
const patterns = ['^(.*a){50}zz$', '^([a-ząęółśżźćń ,.]+)x{3}$', '^\\d+ ?ml$', '^(wypiłem|piłem) .*wody$'];

/** 20 skills, each with the most onMessage entries the audit allows, none of which matches. */
function armedVersions(): SkillVersionRecord[] {
  return Array.from({ length: 20 }, (_, s) => {
    const triggers: SkillTriggers = { onMessage: Array.from({ length: 8 }, () => ({ action: 'log', phrases: phrases(s), patterns })) };
    return { id: `v${s}`, slug: `custom-bench-${s}`, version: '1.0.0', manifest: { triggers } } as unknown as SkillVersionRecord;
  });
}

/**
 * What a reported message costs main before its 202: storing it, reading it once as the detector
 * does and checking every armed trigger, at the audit's limits (20 skills × 8 entries × 12 phrases
 * and 4 patterns each). Patterns share a budget per message; on the long message it runs out.
 */
export async function triggersBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const store = openFoundryStore(dir);
    try {
      const versions = armedVersions();
      const engine = createTriggerEngine({
        store: { ...store, versions: { ...store.versions, running: () => versions } },
        runnable: (slug) => versions.find((v) => v.slug === slug) ?? null,
        run: async () => ({ record: null }),
      });
      const entries = versions.flatMap((v) => v.manifest.triggers!.onMessage!);
      const check = (text: string) => () => {
        const message = readMessage(text);
        for (const e of entries) if (e.phrases!.some(message.mentions) || e.patterns!.some(message.matches)) break;
      };
      const rows = [
        await measure(`match a short message (${SHORT.length} chars) against 160 entries`, check(SHORT), { runs: 50 }),
        await measure(`match a 4,000-char message against 160 entries (pattern budget spent)`, check(LONG), { runs: 20, warmup: 3 }),
        await measure('report(): store + match a short message, nothing fires', () => engine.report({ kind: 'message', role: 'user', text: SHORT, at: '2026-03-02T08:15:00+01:00' }), { runs: 50 }),
        await measure('report(): a tool use (exact names only)', () => engine.report({ kind: 'tool-use', tool: 'water.log', at: '2026-03-02T08:15:00+01:00' }), { runs: 200 }),
      ];
      printTable('Triggers: what a reported event costs main before its 202 (20 armed skills at the audit limits)', rows);
      printNote('Patterns share 1,000,000 steps (program size × characters) per message; past it they do not match, so the long message is bounded however many skills are armed.');
    } finally {
      store.close();
    }
  });
}
