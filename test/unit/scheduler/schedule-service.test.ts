// The service around the scheduler, over a real store, with the skill's side stubbed (no sandbox):
// who may do what, the limit, proposals, the webhook through the HTTP guard, and a manifest
// schedule following its skill's running version.
import { afterEach, describe, expect, it } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createScheduleService, type ScheduleService } from '../../../main/skills/scheduler/index.ts';
import { ServiceError } from '../../../main/skills/service-error.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { ScheduleSpec } from '../../../shared/skills/schedules.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { json, testClient, useServers } from '../http/servers.ts';
import { testClock, type TestClock } from './scheduler-clock.ts';

const tempDir = useTempDir();
const serve = useServers();

interface Bench {
  store: FoundryStore;
  clock: TestClock;
  service: ScheduleService;
  /** The version the stubbed registry runs; null: the skill cannot run (archived). */
  running: { version: SkillVersionRecord | null };
  /** What each run answers. */
  outcome: { success: boolean };
  delivered: { title: string; body: string }[];
  proposals: string[];
  limits: { maxScheduled: number };
}

const open: Bench[] = [];
afterEach(async () => {
  for (const bench of open.splice(0)) {
    await bench.service.scheduler.stop();
    bench.store.close();
  }
});

function version(manifest: Partial<SkillManifest> = {}): SkillVersionRecord {
  return {
    id: 'v-1', skillId: 's-1', slug: 'custom-meds-reminder', name: 'Meds Reminder', version: '1.0.0', tag: 'custom-meds-reminder@v1.0.0',
    manifest: { slug: 'custom-meds-reminder', name: 'Meds Reminder', description: '', version: '1.0.0', capabilities: { reads: [], writes: [], http: [], notifications: true, skills: [] }, config_schema: {}, ...manifest },
  } as unknown as SkillVersionRecord;
}

function bench(): Bench {
  const clock = testClock('2026-01-05T07:00:00Z');
  const store = openFoundryStore(tempDir(), { now: clock.now });
  const made: Omit<Bench, 'service'> = {
    store, clock, running: { version: version() }, outcome: { success: true }, delivered: [], proposals: [], limits: { maxScheduled: 20 },
  };
  const service = createScheduleService({
    store,
    clock,
    enabled: () => true,
    maxScheduled: () => made.limits.maxScheduled,
    maxFailures: () => 2,
    runnableVersion: () => made.running.version,
    actionsOf: async () => ['remind', 'notify_due'],
    execute: async (slug, action) => ({ slug, action, result: made.outcome.success ? { success: true } : { success: false, error: 'the pharmacy API is down' }, record: null }),
    deliver: (_version, sent) => { made.delivered.push(...sent); },
    locale: () => 'en',
    httpClient: testClient(),
    localAllowances: () => [],
    announceProposal: (_slug, text) => made.proposals.push(text.body.en),
  });
  const full = { ...made, service };
  open.push(full);
  return full;
}

const DAILY: ScheduleSpec = { action: 'remind', cron: '0 8 * * *', timezone: 'Europe/Warsaw' };

async function refusal(work: Promise<unknown> | (() => unknown)): Promise<ServiceError> {
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected a ServiceError');
}

describe('schedules in the service', () => {
  it('the owner adds one; it is listed in plain words with its next run, and audited', async () => {
    const { service, store } = bench();
    const added = await service.addSchedule('owner', 'custom-meds-reminder', DAILY);
    // 07:00 UTC is 08:00 in Warsaw, so today's has just come: the next is tomorrow's.
    expect(added).toMatchObject({ status: 'active', source: 'owner', nextRunAt: '2026-01-06T07:00:00.000Z' });
    expect(added.description).toEqual({ en: 'runs every day at 08:00, Europe/Warsaw', pl: 'uruchamia się codziennie o 08:00, Europe/Warsaw' });
    expect(service.listSchedules().map((s) => s.id)).toEqual([added.id]);
    expect(store.auditLog.page({ offset: 0, limit: 10, event: 'schedule.added' }).items).toHaveLength(1);
  });

  it('refuses a bad schedule with every reason, and stores nothing', async () => {
    const { service } = bench();
    const error = await refusal(service.addSchedule('owner', 'custom-meds-reminder', { action: 'dance', cron: '61 * * * *', timezone: 'Mars/Olympus', activeHour: '8' }));
    expect(error.code).toBe('bad-request');
    expect(error.details.join('\n')).toMatch(/“activeHour” is not a schedule field/);
    expect(error.details.join('\n')).toMatch(/no action “dance”/);
    expect(error.details.join('\n')).toMatch(/“Mars\/Olympus” is not a time zone/);
    expect(error.userMessage.pl).toMatch(/^Harmonogram odrzucono:/);
    expect((await refusal(service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', intervalMs: 5_000 }))).details[0]).toMatch(/from 60000 \(a minute\)/);
    expect((await refusal(service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', cron: '*/10 * * * * *' }))).details[0]).toMatch(/more often than once a minute/);
    expect(service.listSchedules()).toEqual([]);
  });

  it('the 21st active schedule is refused with the reason; pausing one makes room', async () => {
    const { service } = bench();
    for (let i = 0; i < 20; i++) await service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', cron: `${i} 8 * * *` });
    const error = await refusal(service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', cron: '30 9 * * *' }));
    expect(error.details).toEqual([]);
    expect(error.userMessage.en).toBe('At most 20 schedules may be active (skills.scheduled.maxScheduled in config.yaml), and 20 already are. Pause or remove one first.');
    expect(service.listSchedules()).toHaveLength(20);
    service.pauseSchedule('owner', 1);
    await service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', cron: '30 9 * * *' });
    expect((await refusal(() => service.resumeSchedule('owner', 1))).userMessage.en).toMatch(/^At most 20 schedules/);
  });

  it('the assistant may list and propose, never add, confirm or remove; the owner confirms in the window', async () => {
    const { service, proposals } = bench();
    expect((await refusal(service.addSchedule('assistant', 'custom-meds-reminder', DAILY))).code).toBe('forbidden');
    const proposed = await service.proposeSchedule('assistant', 'custom-meds-reminder', DAILY);
    expect(proposed).toMatchObject({ status: 'proposed', source: 'proposal', createdBy: 'assistant', nextRunAt: null });
    expect(proposals).toEqual(['It runs every day at 08:00, Europe/Warsaw. Confirm or decline it in Schedules.']);
    expect(service.upcomingRuns()).toEqual([]);
    for (const attempt of [() => service.confirmProposal('assistant', proposed.id), () => service.removeSchedule('assistant', proposed.id)]) {
      expect((await refusal(attempt)).reason).toBe('owner-only');
    }
    expect(service.confirmProposal('owner', proposed.id)).toMatchObject({ status: 'active', nextRunAt: '2026-01-06T07:00:00.000Z' });
    const declined = await service.proposeSchedule('assistant', 'custom-meds-reminder', { action: 'notify_due', intervalMs: 3_600_000 });
    expect(service.declineProposal('owner', declined.id).status).toBe('declined');
    expect(service.upcomingRuns().map((r) => r.action)).toEqual(['remind']);
  });

  it('failures tell the owner when the schedule asks, and pause it after the configured number in a row', async () => {
    const b = bench();
    b.outcome.success = false;
    const added = await b.service.addSchedule('owner', 'custom-meds-reminder', { action: 'remind', intervalMs: 3_600_000, notify: { onFailure: true } });
    b.service.scheduler.start();
    await b.clock.advanceTo('2026-01-05T10:00:00Z', () => b.service.scheduler.idle());
    expect(b.delivered.map((n) => n.title)).toEqual([
      'Meds Reminder: scheduled run failed', 'Meds Reminder: scheduled run failed', 'Meds Reminder: schedule paused',
    ]);
    expect(b.delivered[0]!.body).toBe('“remind” failed: the pharmacy API is down');
    expect(b.service.listSchedules()[0]).toMatchObject({ id: added.id, status: 'paused', pausedReason: 'failures', consecutiveFailures: 2 });
    b.outcome.success = true;
    expect(b.service.resumeSchedule('owner', added.id)).toMatchObject({ status: 'active', consecutiveFailures: 0, nextRunAt: '2026-01-05T11:00:00.000Z' });
  });

  it('the webhook gets each run’s outcome as a POST through the HTTP guard, to an approved host only', async () => {
    const b = bench();
    const server = await serve((_request, response) => json(response, 200, { ok: true }));
    const origin = `http://127.0.0.1:${server.port}`;
    b.running.version = version({ capabilities: { reads: [], writes: [], http: [origin], notifications: true, skills: [] } });
    const refused = await refusal(b.service.addSchedule('owner', 'custom-meds-reminder', { ...DAILY, notify: { webhookUrl: 'https://hooks.example.com/x' } }));
    expect(refused.details).toEqual(['The webhook\'s host hooks.example.com is not among the skill\'s approved web addresses (' + origin + ').']);
    const added = await b.service.addSchedule('owner', 'custom-meds-reminder', { ...DAILY, notify: { webhookUrl: `${origin}/hooks/meds` } });
    await b.service.runScheduleNow('owner', added.id);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/hooks/meds' });
    expect(JSON.parse(server.requests[0]!.body)).toMatchObject({ scheduleId: added.id, skill: 'custom-meds-reminder', action: 'remind', status: 'succeeded', late: false });
    const entry = b.store.auditLog.page({ offset: 0, limit: 5, event: 'schedule.webhook' }).items[0]!;
    expect(entry.data).toMatchObject({ origin, status: 200, error: null });
  });

  it('a manifest schedule follows its skill: added on approval, paused while the skill cannot run, back on restore, gone with a version without it', async () => {
    const b = bench();
    b.running.version = version({ schedules: [DAILY] });
    b.service.syncSkill('custom-meds-reminder');
    expect(b.service.listSchedules()).toMatchObject([{ source: 'manifest', status: 'active', createdBy: 'system' }]);
    expect((await refusal(() => b.service.removeSchedule('owner', 1))).reason).toBe('manifest-schedule');
    b.running.version = null;
    b.service.syncSkill('custom-meds-reminder');
    expect(b.service.listSchedules()).toMatchObject([{ status: 'paused', pausedReason: 'skill-unavailable', nextRunAt: null }]);
    b.running.version = version({ schedules: [DAILY] });
    b.service.syncSkill('custom-meds-reminder');
    expect(b.service.listSchedules()).toMatchObject([{ id: 1, status: 'active' }]);
    b.running.version = version();
    b.service.syncSkill('custom-meds-reminder');
    expect(b.service.listSchedules()).toEqual([]);
  });
});
