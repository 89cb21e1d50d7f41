// What the audit says about a manifest's triggers, and how the disclosure words them for the owner.
import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { SkillTriggers } from '../../../shared/skills/triggers.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';
import { WATER_TRACKER, WATER_TRACKER_MANIFEST } from '../../fixtures/skills.ts';

const withTriggers = (triggers: unknown): SkillManifest => ({ ...WATER_TRACKER_MANIFEST, triggers: triggers as SkillTriggers });
const findings = (triggers: unknown) =>
  auditSkill(WATER_TRACKER, { manifest: withTriggers(triggers) }).findings.filter((f) => f.rule.startsWith('trigger/')).map((f) => ({ rule: f.rule, en: f.message.en, pl: f.message.pl }));
const rules = (triggers: unknown) => findings(triggers).map((f) => f.rule);

const log = { action: 'log_water', params: { amount_ml: 250 } };

describe('the audit of triggers', () => {
  it('passes well-formed triggers of every kind that run an action the skill has', () => {
    expect(findings({
      onInstall: log,
      onUninstall: log,
      onMessage: [{ ...log, phrases: ['woda', 'szklanka wody'], patterns: ['^wypiłem \\d+ ?ml$'] }],
      onToolUse: [{ ...log, tools: ['water.log', 'mcp:drink'] }],
      onSessionStart: log,
      onSessionEnd: log,
    })).toEqual([]);
  });

  it('blocks a trigger that runs an action the skill does not have', () => {
    expect(findings({ onSessionStart: { action: 'drain_water' } })).toEqual([{
      rule: 'trigger/unknown-action',
      en: 'The trigger onSessionStart runs the action drain_water, which the skill does not have.',
      pl: 'Wyzwalacz onSessionStart uruchamia akcję drain_water, której skill nie ma.',
    }]);
  });

  it('blocks a pattern that is not anchored, one RE2 cannot run in linear time, and one too complex', () => {
    const found = findings({ onMessage: [{ ...log, patterns: ['wypiłem', '^(?=woda).*$', '^(.*a){60}$'] }] });
    expect(found.map((f) => f.rule)).toEqual(['trigger/bad-pattern', 'trigger/bad-pattern', 'trigger/bad-pattern']);
    expect(found[0]!.en).toBe('The pattern wypiłem of the trigger onMessage[1] is refused: it must be anchored: start with ^ and end with $.');
    expect(found[1]!.en).toContain('the linear-time engine (RE2) cannot compile it');
    expect(found[2]!.en).toContain('it is too complex');
  });

  it('blocks unknown kinds and fields, phrases without words, and more entries or matchers than the limits', () => {
    expect(rules({ onReboot: log })).toEqual(['trigger/invalid']);
    expect(findings({ onInstall: { ...log, when: 'always' } })[0]!.en).toContain('“when” is not one of its fields');
    expect(rules({ onMessage: [{ ...log, phrases: ['?!'] }] })).toEqual(['trigger/bad-phrase']);
    expect(rules({ onMessage: Array.from({ length: 9 }, () => ({ ...log, phrases: ['woda'] })) })).toEqual(['trigger/too-many']);
    expect(rules({ onMessage: [{ ...log, phrases: Array.from({ length: 17 }, (_, i) => `słowo${i}`) }] })).toEqual(['trigger/invalid']);
    expect(rules({ onMessage: [{ ...log }] })).toEqual(['trigger/invalid']);
    expect(rules({ onToolUse: [{ ...log, tools: ['rm -rf /'] }] })).toEqual(['trigger/invalid']);
    expect(rules({ onMessage: log })).toEqual(['trigger/invalid']);
  });

  it('makes a blocked trigger block the whole skill', () => {
    expect(auditSkill(WATER_TRACKER, { manifest: withTriggers({ onMessage: [{ ...log, patterns: ['woda'] }] }) }).verdict).toBe('block');
  });
});

describe('the disclosure of triggers', () => {
  const report: AuditReport = { sourceSha256: 'a'.repeat(64), verdict: 'pass', findings: [], capabilities: { ...WATER_TRACKER_MANIFEST.capabilities, blockedCalls: [] } };
  const manifest = withTriggers({
    onInstall: { action: 'log_water', params: { amount_ml: 0.1 } },
    onMessage: [{ ...log, phrases: ['woda'], patterns: ['^\\d+ ?ml$'] }],
    onToolUse: [{ action: 'log_water', params: { amount_ml: 500 }, tools: ['water.log'] }],
    onSessionEnd: log,
  });

  it('says in both languages what starts the skill by itself', () => {
    const items = buildDisclosure({ manifest, report }).items.filter((item) => item.kind === 'trigger');
    expect(items.map((item) => item.text)).toEqual([
      { en: 'run log_water with {"amount_ml":0.1} once, when you first approve it', pl: 'Uruchamiać log_water z parametrami {"amount_ml":0.1}, raz, gdy pierwszy raz go zatwierdzisz' },
      {
        en: 'run log_water with {"amount_ml":250} when you mention ‘woda’, or your whole message matches ^\\d+ ?ml$',
        pl: 'Uruchamiać log_water z parametrami {"amount_ml":250}, gdy w Twojej wiadomości padnie „woda” albo cała Twoja wiadomość pasuje do wzorca ^\\d+ ?ml$',
      },
      { en: 'run log_water with {"amount_ml":500} when the assistant uses the tool water.log', pl: 'Uruchamiać log_water z parametrami {"amount_ml":500}, gdy asystent użyje narzędzia water.log' },
      { en: 'run log_water with {"amount_ml":250} when a conversation with the assistant ends', pl: 'Uruchamiać log_water z parametrami {"amount_ml":250}, gdy kończy się rozmowa z asystentem' },
    ]);
  });

  it('shows a trigger added by a new version as a change', () => {
    const previous = { version: '1.0.0', capabilities: WATER_TRACKER_MANIFEST.capabilities, triggers: { onSessionEnd: log } };
    const changes = buildDisclosure({ manifest, report, previous }).changes!;
    expect(changes.added.map((item) => item.target)).toEqual(['onInstall', 'onMessage', 'onToolUse']);
    expect(changes.removed).toEqual([]);
  });
});
