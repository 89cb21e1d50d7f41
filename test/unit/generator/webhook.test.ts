import { describe, expect, it } from 'vitest';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { candidateProblems } from '../../../main/skills/generator/candidate.ts';
import { webhookCandidate } from '../../fixtures/webhook-skill.ts';

const need = (text: string) => {
  const parsed = parseSkillRequest(text);
  if (!parsed.isRequest) throw new Error(`must parse: ${parsed.reason.en}`);
  return parsed.need;
};

describe('a webhook request', () => {
  it('becomes a webhook need in English and in Polish, with its address and cadence', () => {
    expect(need('Post my daily summary to this Slack webhook https://hooks.slack.com/services/T000/B000/XYZ every day at 18:00')).toMatchObject({
      kind: 'webhook', subject: 'slack', language: 'en', cadence: { type: 'daily', at: '18:00' }, webhook: { url: 'https://hooks.slack.com/services/T000/B000/XYZ' },
    });
    expect(need('Wysyłaj podsumowanie dnia na ten webhook https://chat.example.pl/hook/42.')).toMatchObject({
      kind: 'webhook', language: 'pl', webhook: { url: 'https://chat.example.pl/hook/42' },
    });
  });

  it('says what is missing when it names no address, or several', () => {
    expect(parseSkillRequest('Post my summary to our webhook')).toMatchObject({ isRequest: false, reason: { en: expect.stringContaining('does not give the webhook’s address') } });
    expect(parseSkillRequest('Post to the webhook https://a.example/x and https://b.example/y')).toMatchObject({ isRequest: false, reason: { pl: expect.stringContaining('kilka adresów') } });
  });

  it('is written offline as one http action and no code of its own, and passes the audit as it is', () => {
    const candidate = buildOfflineCandidate(need('Post my daily summary to this Slack webhook https://hooks.slack.com/services/T000/B000/XYZ'));
    expect(candidate.manifest).toMatchObject({
      slug: 'custom-slack-webhook',
      capabilities: { http: ['hooks.slack.com'], reads: [], writes: [] },
      actions: [{ slug: 'post_message', type: 'http', name: 'Post a message', http: { method: 'POST', url: 'https://hooks.slack.com/services/T000/B000/XYZ', body: { text: '{{params.text}}' } } }],
    });
    expect(auditSkill(candidate.code, { manifest: candidate.manifest }).findings).toEqual([]);
    expect(candidate.skillMd).toContain('`post_message`: Posts a message to the webhook at hooks.slack.com');
  });
});

describe('manifest actions in a generated candidate', () => {
  it('are accepted with every policy field, and a shell action is refused with the reason', () => {
    const candidate = webhookCandidate('hooks.slack.com');
    expect(candidateProblems(candidate)).toEqual([]);
    const shell = { slug: 'backup', type: 'shell', name: 'Backup', description: 'Copies files', params_schema: { type: 'object' }, shell: { command: ['/usr/bin/rsync', '-a', 'src', 'dst'] } };
    const problems = candidateProblems({ ...candidate, manifest: { ...candidate.manifest, actions: [...candidate.manifest.actions!, shell] } });
    expect(problems).toEqual(['/manifest/actions/2 is a shell action: a generated skill may not run commands on this computer (shell actions need the owner\'s own configuration and consent to each run)']);
    const typo = candidateProblems({ ...candidate, manifest: { ...candidate.manifest, actions: [{ slug: 'log_water', permissions: ['skills:everything'] }] } });
    expect(typo.join('\n')).toContain('/manifest/actions/0/permissions/0');
  });
});
