import { describe, expect, it } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSuggestionService, suggestionFromRequest, SuggestionError } from '../../../main/skills/detector/suggestions.ts';
import { readLearningSettings } from '../../../main/skills/detector/learning-settings.ts';
import { createSkillsConfig } from '../../../main/skills/config/index.ts';
import { writeFileSync } from 'node:fs';
import { findPatterns } from '../../../main/skills/detector/pattern-matcher.ts';
import { findGaps } from '../../../main/skills/detector/gap-detector.ts';
import { parseSkillRequest } from '../../../main/skills/detector/request-parser.ts';
import type { SkillSuggestion } from '../../../main/skills/detector/suggestion.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { history, plHistory } from './fixtures.ts';

const tempDir = useTempDir();

function openStore() {
  const clock = { now: new Date(2026, 2, 23, 10, 0) };
  const store = openFoundryStore(tempDir(), { now: () => clock.now });
  return { store, clock, service: createSuggestionService(store) };
}

/** Thirteen gap suggestions, one per life domain: a history that talks about none of them. */
const allGaps = (): SkillSuggestion[] => findGaps(history(['Cześć']), { minMessages: 1, minDistinctDays: 1 }).suggestions;

const auditEvents = (store: FoundryStore) =>
  store.auditLog.page({ limit: 100, offset: 0 }).items.reverse().filter((e) => e.event.startsWith('suggestion.')).map((e) => [e.actor, e.event, e.data.subjectKey]);

const setConfig = (store: FoundryStore, key: Parameters<ReturnType<typeof createSkillsConfig>['set']>[0], value: unknown) =>
  createSkillsConfig(store).set(key, value, 'owner');

function requestSuggestion(text: string): SkillSuggestion {
  const parsed = parseSkillRequest(text);
  if (!parsed.isRequest) throw new Error(parsed.reason.en);
  return suggestionFromRequest(parsed.need);
}

describe('stored suggestions', () => {
  it('stores proposals with their need, evidence and title, and accepting one hands back the need', () => {
    const { store, service } = openStore();
    const [coffee] = findPatterns(plHistory());
    const report = service.proposeSuggestions([coffee!]);
    expect(report.skipped).toEqual([]);
    const [stored] = service.listSuggestions({ status: 'proposed' });
    expect(stored).toMatchObject({ source: 'pattern', subjectKey: 'coffee', status: 'proposed', decidedAt: null, title: coffee!.title, evidence: coffee!.evidence });

    const need = service.acceptSuggestion(stored!.id);
    expect(need).toEqual(coffee!.need);
    expect(service.listSuggestions({ status: 'accepted' }).map((s) => s.id)).toEqual([stored!.id]);
    expect(service.listSuggestions({ status: 'proposed' })).toEqual([]);
    expect(auditEvents(store)).toEqual([
      ['assistant', 'suggestion.proposed', 'coffee'],
      ['owner', 'suggestion.accepted', 'coffee'],
    ]);
    store.close();
  });

  it('never proposes a dismissed subject again from the same source, not even days later', () => {
    const { store, clock, service } = openStore();
    const [coffee] = findPatterns(plHistory());
    const [stored] = service.proposeSuggestions([coffee!]).stored;
    expect(service.dismissSuggestion(stored!.id).status).toBe('dismissed');

    clock.now = new Date(2026, 3, 20, 10, 0);
    const again = service.proposeSuggestions([coffee!]);
    expect(again.stored).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['dismissed-before']);
    expect(auditEvents(store)).toEqual([
      ['assistant', 'suggestion.proposed', 'coffee'],
      ['owner', 'suggestion.dismissed', 'coffee'],
    ]);
    store.close();
  });

  it('does not store the same proposal twice, nor one already accepted', () => {
    const { store, service } = openStore();
    const [coffee] = findPatterns(plHistory());
    const [stored] = service.proposeSuggestions([coffee!, coffee!]).stored;
    expect(service.listSuggestions()).toHaveLength(1);
    expect(service.proposeSuggestions([coffee!]).skipped[0]!.reason).toBe('already-proposed');
    service.acceptSuggestion(stored!.id);
    expect(service.proposeSuggestions([coffee!]).skipped[0]!.reason).toBe('already-accepted');
    store.close();
  });

  it('enforces maxProposedPerDay, and the next day allows more', () => {
    const { store, clock, service } = openStore();
    const gaps = allGaps();
    const first = service.proposeSuggestions(gaps);
    expect(first.stored).toHaveLength(5);
    expect(first.skipped.map((s) => s.reason)).toEqual(Array(8).fill('daily-limit'));

    clock.now = new Date(2026, 2, 23, 23, 59);
    expect(service.proposeSuggestions(gaps).stored).toHaveLength(0);

    clock.now = new Date(2026, 2, 24, 0, 1);
    const next = service.proposeSuggestions(gaps);
    expect(next.stored.map((s) => s.subjectKey)).toEqual(first.skipped.slice(0, 5).map((s) => s.suggestion.subjectKey));

    setConfig(store, 'skills.learning.maxProposedPerDay', 7);
    expect(service.proposeSuggestions(gaps).stored).toHaveLength(2);
    expect(service.listSuggestions()).toHaveLength(12);
    store.close();
  });

  it('the owner’s own requests are not the assistant’s proposals: they skip the daily limit', () => {
    const { store, service } = openStore();
    setConfig(store, 'skills.learning.maxProposedPerDay', 0);
    expect(service.proposeSuggestions(allGaps()).stored).toEqual([]);
    const report = service.proposeSuggestions([requestSuggestion('Chcę śledzić ile piję wody')]);
    expect(report.stored.map((s) => [s.source, s.subjectKey, s.title.pl])).toEqual([['request', 'water', 'Twoja prośba: „Chcę śledzić ile piję wody”']]);
    expect(auditEvents(store)).toEqual([['owner', 'suggestion.proposed', 'water']]);
    store.close();
  });

  it('with ai_proposed off nothing from patterns or gaps is stored', () => {
    const { store, service } = openStore();
    setConfig(store, 'skills.learning.mode', ['user_authored']);
    const report = service.proposeSuggestions([...findPatterns(plHistory()), ...allGaps(), requestSuggestion('log my coffee')]);
    expect(report.stored.map((s) => s.source)).toEqual(['request']);
    expect(report.skipped.every((s) => s.reason === 'mode-off')).toBe(true);
    expect(report.skipped).toHaveLength(14);
    store.close();
  });

  it('does not propose what an installed skill already covers', () => {
    const { store, service } = openStore();
    const at = new Date().toISOString();
    store.db.prepare("INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES ('s1', 'custom-coffee-counter', 'Coffee', 'active', ?, ?)").run(at, at);
    store.db.prepare(
      `INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, content_sha256, need, generator, created_at)
       VALUES ('v1', 's1', '1.0.0', 'approved', '', '{}', '{}', '', 'x', ?, 'offline', ?)`,
    ).run(JSON.stringify({ subjectKey: 'coffee' }), at);
    expect(service.installedSubjectKeys()).toEqual(['coffee']);
    const report = service.proposeSuggestions(findPatterns(plHistory()));
    expect(report.skipped.map((s) => [s.suggestion.subjectKey, s.reason])).toEqual([['coffee', 'installed']]);
    store.close();
  });

  it('refuses to decide twice or on a suggestion that does not exist, changing nothing', () => {
    const { store, service } = openStore();
    const [stored] = service.proposeSuggestions(allGaps().slice(0, 1)).stored;
    service.dismissSuggestion(stored!.id);
    expect(() => service.acceptSuggestion(stored!.id)).toThrow(expect.objectContaining({ code: 'already-decided' }));
    expect(() => service.dismissSuggestion('nope')).toThrow(SuggestionError);
    expect(service.listSuggestions()[0]!.status).toBe('dismissed');
    expect(auditEvents(store)).toHaveLength(2);
    store.close();
  });
});

describe('learning settings', () => {
  it('defaults to the seed’s: user_authored and ai_proposed, approval required, 5 a day', () => {
    const { store } = openStore();
    expect(readLearningSettings(store)).toEqual({ modes: ['user_authored', 'ai_proposed'], requireApproval: true, maxProposedPerDay: 5 });
    store.close();
  });

  it('are read from config.yaml: a hand edit of the limit takes effect at the next proposal', () => {
    const { store, service } = openStore();
    writeFileSync(createSkillsConfig(store).file, 'skills:\n  learning:\n    maxProposedPerDay: 2\n');
    expect(service.proposeSuggestions(allGaps()).stored).toHaveLength(2);
    store.close();
  });

  it('a hand-edited autonomous mode is not obeyed: the other modes stay, autonomous is dropped', () => {
    const { store, service } = openStore();
    writeFileSync(createSkillsConfig(store).file, 'skills:\n  learning:\n    mode: [user_authored, autonomous]\n');
    expect(readLearningSettings(store).modes).toEqual(['user_authored']);
    expect(service.proposeSuggestions(allGaps()).skipped.every((s) => s.reason === 'mode-off')).toBe(true);
    store.close();
  });

  it('a value stored by an earlier version moves into config.yaml once, audited, and leaves the settings table', () => {
    const { store } = openStore();
    store.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('learning', ?, '2026-01-01')")
      .run(JSON.stringify({ modes: ['user_authored'], requireApproval: true, maxProposedPerDay: 3 }));
    expect(readLearningSettings(store)).toEqual({ modes: ['user_authored'], requireApproval: true, maxProposedPerDay: 3 });
    expect(store.settings.readValue('learning')).toBeNull();
    const migrated = store.auditLog.page({ limit: 10, offset: 0, event: 'config.migrated' }).items;
    expect(migrated).toHaveLength(1);
    expect(migrated[0]!.data).toMatchObject({ moved: { 'skills.learning.mode': ['user_authored'], 'skills.learning.maxProposedPerDay': 3 }, refused: [] });
    readLearningSettings(store);
    expect(store.auditLog.page({ limit: 10, offset: 0, event: 'config.migrated' }).items).toHaveLength(1);
    store.close();
  });

  it('a stored weakening value is not moved: the safe default stays and the audit says it was refused', () => {
    const { store, service } = openStore();
    store.db.prepare("INSERT INTO settings (key, value, updated_at) VALUES ('learning', ?, '2026-01-01')")
      .run(JSON.stringify({ modes: ['autonomous'], requireApproval: true, maxProposedPerDay: 5 }));
    expect(service.proposeSuggestions(allGaps()).stored).toHaveLength(5);
    expect(readLearningSettings(store).modes).toEqual(['user_authored', 'ai_proposed']);
    expect(store.auditLog.page({ limit: 10, offset: 0, event: 'config.migrated' }).items[0]!.data).toMatchObject({ refused: ['skills.learning.mode'] });
    store.close();
  });
});
