import { describe, expect, it } from 'vitest';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';

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
