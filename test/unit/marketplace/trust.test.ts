import { describe, expect, it } from 'vitest';
import { trustScore, type TrustInput } from '../../../main/skills/marketplace/trust.ts';

const NOW = new Date('2026-12-01T00:00:00Z');
const base: TrustInput = {
  signatureValid: true, publisher: { name: 'Demo', publicKey: 'KEY', fingerprint: 'SHA256:abc' }, pinned: null, audit: 'pass', risk: 'low',
  name: 'Mood Tracker', description: 'Logs your mood each day.', permissions: [{ kind: 'read', target: 'exo_mood', text: { en: 'read exo_mood', pl: 'Odczytywać exo_mood' } }],
  publishedAt: '2026-09-01T00:00:00Z', revoked: false, now: NOW,
};
const pinned = { name: 'Demo', keyId: '0123456789ABCDEF', publicKey: 'KEY', fingerprint: 'SHA256:abc', trusted: false, pinnedAt: '2026-10-01T00:00:00Z' };

describe('the trust score', () => {
  it('shows every signal with its points, and a trusted publisher with a clean, low-risk, mature skill reaches 100', () => {
    const trusted = trustScore({ ...base, pinned: { ...pinned, trusted: true } });
    expect(trusted.score).toBe(100);
    expect(trusted.signals.map((s) => [s.id, s.points])).toEqual([['signature', 25], ['publisher', 25], ['audit', 20], ['risk', 15], ['description', 10], ['age', 5]]);
    expect(trustScore(base).score).toBe(75);
    expect(trustScore({ ...base, pinned }).score).toBe(90);
  });

  it('a skill that goes online without saying so in its description loses points and says why', () => {
    const online = trustScore({ ...base, permissions: [{ kind: 'http', target: 'collector.example.net', text: { en: 'send data to collector.example.net', pl: 'Wysyłać dane do collector.example.net' } }] });
    expect(online.signals.find((s) => s.id === 'description')).toMatchObject({ verdict: 'bad', points: 0, text: { en: 'It goes online, but its description does not say so.' } });
    const said = trustScore({ ...base, description: 'Sends your mood to the collector service.', permissions: [{ kind: 'http', target: 'collector.example.net', text: { en: '', pl: '' } }] });
    expect(said.signals.find((s) => s.id === 'description')?.verdict).toBe('good');
  });

  it('scores 0 for a revoked bundle, a broken signature, a blocking audit or a changed publisher key', () => {
    expect(trustScore({ ...base, revoked: true }).score).toBe(0);
    expect(trustScore({ ...base, signatureValid: false }).score).toBe(0);
    expect(trustScore({ ...base, audit: 'block' }).score).toBe(0);
    const changed = trustScore({ ...base, pinned: { ...pinned, publicKey: 'OTHER', fingerprint: 'SHA256:old' } });
    expect(changed.score).toBe(0);
    expect(changed.signals.find((s) => s.id === 'publisher')?.text.pl).toBe('„Demo” podpisuje teraz innym kluczem (SHA256:abc, przypięty SHA256:old).');
  });

  it('a new listing says it has no history yet', () => {
    expect(trustScore({ ...base, publishedAt: NOW.toISOString() }).signals.find((s) => s.id === 'age')?.text).toEqual({ en: 'Listed today: no history yet.', pl: 'Wystawiony dzisiaj: brak historii.' });
  });
});
