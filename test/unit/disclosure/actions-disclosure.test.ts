import { describe, expect, it } from 'vitest';
import type { AuditReport } from '../../../shared/skills/audit.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';
import { webhookCandidate } from '../../fixtures/webhook-skill.ts';

const candidate = webhookCandidate('hooks.slack.com');
const report: AuditReport = { sourceSha256: 'a'.repeat(64), verdict: 'pass', findings: [], capabilities: { ...candidate.manifest.capabilities, blockedCalls: [] } };
const [post, clear] = candidate.manifest.actions as [ManifestAction, ManifestAction];
const previous = { version: '1.0.0', capabilities: candidate.manifest.capabilities, secrets: candidate.manifest.secrets, actions: [post, { ...clear, requireApproval: false, permissions: [] }] };

describe('the disclosure of actions', () => {
  it('says in plain words what each action does, that it asks before each run and who may run it', () => {
    const disclosure = buildDisclosure({ manifest: candidate.manifest, report });
    const actions = disclosure.items.filter((item) => item.kind === 'action');
    expect(actions.map((item) => item.text)).toEqual([
      {
        en: 'action clear_channel sends a DELETE to hooks.slack.com — no code runs; asks you before each run; only for callers allowed to create skills; at most 3000 ms per run',
        pl: 'Akcja clear_channel wysyła żądanie DELETE do hooks.slack.com — bez uruchamiania kodu; pyta Cię przed każdym uruchomieniem; tylko dla wywołujących z uprawnieniem skills:create; najwyżej 3000 ms na uruchomienie',
      },
      { en: 'action post_summary sends a POST to hooks.slack.com — no code runs', pl: 'Akcja post_summary wysyła żądanie POST do hooks.slack.com — bez uruchamiania kodu' },
    ]);
    expect(disclosure.text.en).toContain('- action post_summary sends a POST to hooks.slack.com — no code runs');
  });

  it('shows an update that drops an action’s consent as a change the owner approves', () => {
    const update = buildDisclosure({ manifest: { ...candidate.manifest, version: '1.1.0', actions: previous.actions }, report, previous: { ...previous, actions: candidate.manifest.actions } });
    expect(update.changes?.removed.map((item) => item.text.en)).toEqual([expect.stringContaining('action clear_channel sends a DELETE to hooks.slack.com — no code runs; asks you before each run')]);
    expect(update.changes?.added.map((item) => item.text.en)).toEqual(['action clear_channel sends a DELETE to hooks.slack.com — no code runs; at most 3000 ms per run']);
  });
});
