// An approved reminder skill (the offline generator's): `notify_due` sends one foundry.notify per
// reminder that came due, so tests can make a real skill notify as many times as they need.
import { parseSkillRequest } from '../../../main/skills/detector/index.ts';
import { offlineGenerator, type SkillGenerator } from '../../../main/skills/generator/index.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { Flow } from '../registry/flow-fixtures.ts';

export const REMINDER_REQUEST = 'Remind me to stretch every hour';

/** The offline reminder whose dry run adds a reminder already due, so its notify_due sample notifies. */
export const dueInDryRun: SkillGenerator = {
  id: 'offline',
  async generate(need, feedback) {
    const candidate = await offlineGenerator.generate(need, feedback);
    const sampleInputs = candidate.sampleInputs.map((input) =>
      input.action === 'add_reminder' ? { ...input, params: { ...input.params, due_at: '2020-01-01T08:00:00Z' } } : input);
    return { ...candidate, sampleInputs };
  },
};

export async function pendingReminder(flow: Flow): Promise<SkillVersionRecord> {
  const parsed = parseSkillRequest(REMINDER_REQUEST);
  if (!parsed.isRequest) throw new Error('the reminder request must parse');
  const result = await flow.engine.skills.generate(parsed.need, 'owner', { generator: dueInDryRun });
  if (result.outcome !== 'pending') throw new Error(`the reminder must be pending: ${result.reason.en}`);
  return result.version;
}

export async function approvedReminder(flow: Flow): Promise<SkillVersionRecord> {
  const pending = await pendingReminder(flow);
  return flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
}

/** Adds `count` reminders due now, then runs notify_due once: the skill sends `count` notifications. */
export async function remindAndNotify(flow: Flow, slug: string, count: number, principal: 'owner' | 'assistant' = 'owner'): Promise<void> {
  const dueAt = flow.clock.now().toISOString();
  for (let i = 1; i <= count; i++) await flow.service.execute('owner', slug, 'add_reminder', { title: `Stretch #${i} at ${dueAt}`, due_at: dueAt });
  await flow.service.execute(principal, slug, 'notify_due', {});
}
