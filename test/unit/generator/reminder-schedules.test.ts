// Issue 13 §3: the offline generator gives a repeating reminder a schedule from the request's
// cadence, in the owner's time zone, and names a subject it has no English key for in its own words.
import { describe, expect, it } from 'vitest';
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';

function candidateFor(request: string) {
  const parsed = parseSkillRequest(request);
  if (!parsed.isRequest) throw new Error(`not a request: ${request}`);
  return buildOfflineCandidate(parsed.need);
}

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

describe('a reminder’s schedule comes from the request', () => {
  it.each([
    ['przypominaj mi o lekach codziennie o 8', { cron: '0 8 * * *' }],
    ['przypominaj mi co godzinę o piciu wody', { cron: '0 * * * *', activeHours: { start: '08:00', end: '22:00' } }],
    ['przypominaj mi w każdą sobotę o sprzątaniu', { cron: '0 9 * * 6' }],
    ['remind me to stretch every 90 minutes', { intervalMs: 90 * 60_000, activeHours: { start: '08:00', end: '22:00' } }],
  ])('“%s” runs remind as %j in the owner’s zone', (request, rhythm) => {
    const { manifest } = candidateFor(request);
    expect(manifest.schedules).toEqual([{ action: 'remind', timezone: zone, missed: 'catch-up-once', ...rhythm }]);
  });

  it('a one-off reminder has no schedule and no remind action', () => {
    const candidate = candidateFor('przypomnij mi żebym zadzwonił do mamy');
    expect(candidate.manifest.schedules).toBeUndefined();
    expect(candidate.code).not.toContain('"remind"');
  });

  it('“przypomnij mi żebym zadzwonił do mamy” drops the filler and is named in Polish, with its letters', () => {
    const { manifest } = candidateFor('przypomnij mi żebym zadzwonił do mamy');
    expect(manifest.name).toBe('Przypomnienie: zadzwonić do mamy');
    expect(manifest.slug).toBe('custom-zadzwonic-do-mamy-reminder');
  });
});
