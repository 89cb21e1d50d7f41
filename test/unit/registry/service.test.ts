import { beforeEach, describe, expect, it } from 'vitest';
import { createSkillService } from '../../../main/skills/service.ts';
import { SERVICE_ERROR_STATUS, ServiceError } from '../../../main/skills/service-error.ts';
import { GeneratorError } from '../../../main/skills/generator/index.ts';
import { LATEST_SCHEMA_VERSION } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { changedGoalGenerator, openFlow, rejection, thrown, waterNeed, type Flow } from './flow-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

/** Executions of actions (reading a version's action list once is not one). */
const actionRuns = () => flow.engine.store.executions.page({ offset: 0, limit: 500 }).items.filter((e) => e.trigger !== 'dry-run' && e.action !== 'getActions').length;

describe('generate', () => {
  it('runs the pipeline for the owner’s or the assistant’s sentence and tells the owner a version waits', async () => {
    const result = await flow.service.generate('assistant', 'Chcę śledzić ile piję wody');
    expect(result).toMatchObject({ outcome: 'pending', version: { slug: SLUG, status: 'pending' } });
    expect(flow.events().find((e) => e.event === 'skill.generated')).toMatchObject({ actor: 'assistant' });
    expect(flow.notices).toEqual([expect.objectContaining({ kind: 'pending-review', skillSlug: SLUG, title: { en: 'New skill to review: Śledzenie: woda', pl: 'Nowy skill do przejrzenia: Śledzenie: woda' } })]);
    expect(await flow.service.generate('owner', waterNeed())).toMatchObject({ outcome: 'pending', version: { version: '1.1.0' } });
  });

  it('refuses the scheduler, sentences that are not requests, malformed needs, and says when no generator is set up', async () => {
    expect(await rejection(flow.service.generate('scheduler', 'Chcę śledzić ile piję wody'))).toMatchObject({ code: 'forbidden', status: 403 });
    expect(flow.events().at(-1)).toMatchObject({ event: 'access.denied', actor: 'scheduler' });
    const notRequest = await rejection(flow.service.generate('owner', 'Jaka jest pogoda?'));
    expect(notRequest).toMatchObject({ code: 'bad-request', reason: 'not-a-request', status: 400 });
    expect(notRequest.userMessage.pl.length).toBeGreaterThan(5);
    const ambiguous = await rejection(flow.service.generate('owner', 'Count my reading'));
    expect(ambiguous).toMatchObject({ code: 'bad-request', reason: 'needs-clarification', status: 400, userMessage: { en: 'Do you mean the number of books or of pages?' } });
    expect(await rejection(flow.service.generate('owner', { ...waterNeed(), kind: 'spaceship' } as never))).toMatchObject({
      code: 'bad-request', reason: 'invalid-need', details: [expect.stringContaining('kind')],
    });
    expect(await rejection(flow.service.generate('owner', 42 as never))).toMatchObject({ code: 'bad-request' });

    const { store, skills } = flow.engine;
    expect(await rejection(createSkillService({ store, skills }).generate('owner', 'Chcę śledzić ile piję wody'))).toMatchObject({ code: 'unavailable', status: 503 });
    const broken = createSkillService({
      store, skills, getGenerator: async () => { throw new GeneratorError('generator/invalid-settings', { en: 'Key cannot be unlocked.', pl: 'Nie da się odblokować klucza.' }); },
    });
    expect(await rejection(broken.generate('owner', 'Chcę śledzić ile piję wody'))).toMatchObject({ code: 'unavailable', userMessage: { en: 'Key cannot be unlocked.' } });
    expect(store.skills.list()).toEqual([]);
  });
});

describe('execute', () => {
  it('runs built-in mods and approved skills for every principal allowed to, with actions, data and insights', async () => {
    expect(await flow.service.execute('scheduler', 'energy-monitor', 'log_energy', { level: 6 })).toMatchObject({ slug: 'energy-monitor', result: { success: true } });
    expect(await flow.service.execute('owner', 'energy-monitor', 'getActions')).toMatchObject({ result: [{ slug: 'log_energy', name: 'Log energy' }] });
    await flow.approvedWaterTracker();
    const logged = await flow.service.execute('assistant', SLUG, 'log_water', { amount_ml: 400 });
    expect(logged).toEqual({ slug: SLUG, action: 'log_water', result: expect.objectContaining({ success: true }), record: expect.objectContaining({ action: 'log_water', actor: 'assistant', status: 'succeeded' }) });
    // The record is this call's own execution, as stored.
    expect(flow.engine.store.executions.page({ offset: 0, limit: 1, skillSlug: SLUG }).items[0]?.id).toBe(logged.record?.id);
    expect(await flow.service.execute('scheduler', SLUG, 'getInsights')).toMatchObject({ result: [{ type: 'warning', title: 'Pij więcej wody!' }] });
    const byTrigger = flow.engine.store.executions.page({ offset: 0, limit: 100, skillSlug: SLUG }).items.filter((e) => e.trigger !== 'dry-run');
    expect(byTrigger.map((e) => [e.action, e.trigger, e.actor])).toEqual(expect.arrayContaining([['log_water', 'api', 'assistant'], ['getInsights', 'schedule', 'scheduler']]));
  });

  it('refuses params the schema refuses as a bad request, before anything runs', async () => {
    await flow.approvedWaterTracker();
    const before = actionRuns();
    const refused = await rejection(flow.service.execute('assistant', SLUG, 'log_water', { amount_ml: -5 }));
    expect(refused).toMatchObject({ code: 'bad-request', status: 400, reason: 'params-refused', details: [expect.stringContaining('amount_ml')] });
    expect(refused.userMessage.pl).toContain('log_water');
    expect(await rejection(flow.service.execute('assistant', SLUG, 'log_water', 'x' as never))).toMatchObject({ code: 'bad-request' });
    expect(await rejection(flow.service.execute('assistant', SLUG, '', {}))).toMatchObject({ code: 'bad-request' });
    expect(await rejection(flow.service.execute('owner', 'sleep-tracker', 'log_sleep', { hours: 'many' }))).toMatchObject({ reason: 'params-refused' });
    expect(actionRuns()).toBe(before);
  });

  it('refuses unknown skills, and skills without an approved version (the assistant may run only approved ones)', async () => {
    expect(await rejection(flow.service.execute('owner', 'custom-nothing', 'go'))).toMatchObject({ code: 'not-found', status: 404 });
    expect(await rejection(flow.service.execute('intruder' as never, 'sleep-tracker', 'getData'))).toMatchObject({ code: 'forbidden' });
    expect(flow.service.isApproved('assistant', 'sleep-tracker')).toBe(true);
    expect(thrown(() => flow.service.isApproved('assistant', 'custom-nothing'))).toMatchObject({ code: 'not-found' });
    const pending = await flow.pendingWaterTracker();
    expect(flow.service.isApproved('assistant', SLUG)).toBe(false);
    expect(await rejection(flow.service.execute('assistant', SLUG, 'log_water', { amount_ml: 1 }))).toMatchObject({ code: 'forbidden', reason: 'condition-not-met' });
    expect(await rejection(flow.service.execute('owner', SLUG, 'log_water', { amount_ml: 1 }))).toMatchObject({ code: 'conflict', reason: 'not-deployed' });
    await flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
    expect(flow.service.isApproved('assistant', SLUG)).toBe(true);
  });
});

describe('approve and reject through the service', () => {
  it('turns gateway refusals into ServiceErrors with the precise reason', async () => {
    const pending = await flow.pendingWaterTracker();
    const input = async () => ({ versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
    expect(await rejection(flow.service.approve('assistant', await input()))).toMatchObject({ code: 'forbidden', reason: 'forbidden', status: 403 });
    expect(await rejection(flow.service.approve('owner', { ...(await input()), totpCode: '' }))).toMatchObject({ code: 'refused', reason: 'totp-required', status: 401 });
    expect(await rejection(flow.service.approve('owner', { ...(await input()), shownContentSha256: 'x' }))).toMatchObject({ code: 'conflict', reason: 'content-changed' });
    expect(await rejection(flow.service.approve('owner', null as never))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.reject('owner', { versionId: pending.id, reason: '' }))).toMatchObject({ code: 'bad-request', reason: 'reason-required' });
    expect(await flow.service.approve('owner', await input())).toMatchObject({ id: pending.id, status: 'approved' });
  });

  it('serializes errors as code, status and a message in both languages', () => {
    const error = new ServiceError('locked', { en: 'Locked.', pl: 'Zablokowane.' }, { reason: 'totp-locked', lockedUntil: '2026-03-02T10:15:00.000Z' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'locked', status: 429, message: { en: 'Locked.', pl: 'Zablokowane.' }, reason: 'totp-locked', details: [], lockedUntil: '2026-03-02T10:15:00.000Z',
    });
    expect(SERVICE_ERROR_STATUS).toMatchObject({ 'bad-request': 400, forbidden: 403, 'not-found': 404, conflict: 409 });
  });
});

describe('reading skills', () => {
  it('shows a skill with its versions and the diff of a regenerated version against the running one', async () => {
    const v1 = await flow.approvedWaterTracker();
    expect(flow.service.diffVersion('assistant', v1.id)).toBeNull();
    const v2 = await flow.pendingWaterTracker(changedGoalGenerator);
    const details = flow.service.getSkill('assistant', SLUG);
    expect(details.skill).toMatchObject({ slug: SLUG, status: 'active', activeVersion: '1.0.0' });
    expect(details.versions.map((v) => [v.version, v.status])).toEqual([['1.1.0', 'pending'], ['1.0.0', 'approved']]);
    expect(details.approvals).toEqual([expect.objectContaining({ versionId: v1.id, outcome: 'approved', factors: [expect.objectContaining({ factor: 'totp' }), expect.objectContaining({ factor: 'biometric' })] })]);
    expect(flow.service.getSkill('owner', details.skill.id).skill.slug).toBe(SLUG);

    const diff = flow.service.diffVersion('owner', v2.id)!;
    expect(diff).toMatchObject({ from: { tag: `${SLUG}@v1.0.0` }, to: { tag: `${SLUG}@v1.1.0` }, identical: false });
    expect(diff.code).toMatch(/^\+.*2500/m);
    expect(flow.service.diffVersion('owner', v1.id, v2.id)?.code).toMatch(/^\+.*2000/m);
    expect(thrown(() => flow.service.diffVersion('owner', 'nope'))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.getSkill('owner', 'custom-nope'))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.listSkills('root' as never))).toMatchObject({ code: 'forbidden' });
  });
});

describe('review requests', () => {
  it('ask the owner to review the waiting version; deciding on it closes them; the owner may dismiss one', async () => {
    expect(flow.engine.store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    const pending = await flow.pendingWaterTracker();
    const request = flow.service.requestReview('assistant', SLUG, 'please look');
    expect(request).toMatchObject({ kind: 'review', versionId: pending.id, requestedBy: 'assistant', note: 'please look', status: 'open' });
    expect(flow.notices.at(-1)).toMatchObject({ kind: 'review-requested', body: { en: 'Asked by the assistant: please review the skill “Śledzenie: woda”.', pl: 'Prośba od: asystent. Przejrzyj skill „Śledzenie: woda”.' } });
    expect(flow.service.requestReview('assistant', SLUG)).toMatchObject({ id: request.id });
    expect(flow.engine.store.versions.get(pending.id)!.status).toBe('pending');

    await flow.service.approve('owner', { versionId: pending.id, shownContentSha256: pending.contentSha256, totpCode: await flow.nextCode() });
    expect(flow.service.reviewRequests('closed')).toEqual([expect.objectContaining({ id: request.id, resolution: 'approved' })]);

    const again = flow.service.requestReview('assistant', SLUG);
    expect(again).toMatchObject({ versionId: pending.id, status: 'open' });
    expect(thrown(() => flow.service.dismissReviewRequest('assistant', again.id))).toMatchObject({ code: 'forbidden' });
    expect(flow.service.dismissReviewRequest('owner', again.id)).toMatchObject({ status: 'closed', resolution: 'dismissed', closedBy: 'owner' });
    expect(flow.events().at(-1)).toMatchObject({ event: 'review.closed', data: { requestId: again.id, resolution: 'dismissed' } });
    expect(thrown(() => flow.service.dismissReviewRequest('owner', again.id))).toMatchObject({ code: 'not-found' });
    expect(thrown(() => flow.service.requestReview('assistant', 'custom-unknown'))).toMatchObject({ code: 'not-found' });
  });
});
