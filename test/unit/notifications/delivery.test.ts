import { beforeEach, describe, expect, it } from 'vitest';
import type { DryRunReport } from '../../../shared/skills/dry-run.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, thrown, type Flow } from '../registry/flow-fixtures.ts';
import { approvedReminder, pendingReminder, remindAndNotify } from './reminder-fixtures.ts';

const tempDir = useTempDir();
const HOUR_MS = 60 * 60 * 1000;

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

const list = () => flow.service.listNotifications('owner');
const events = (name: string) => flow.events().filter((e) => e.event === name);

describe('notifications from an approved skill', () => {
  it('reach the owner: stored unread, announced at once, and audited without their text', async () => {
    const version = await approvedReminder(flow);
    await remindAndNotify(flow, version.slug, 2);

    const { items, unread } = list();
    expect(unread).toBe(2);
    expect(items.map((n) => n.body)).toEqual([expect.stringContaining('Stretch #2'), expect.stringContaining('Stretch #1')]);
    expect(items[0]).toMatchObject({ kind: 'skill', skillSlug: version.slug, skillName: version.name, version: version.version, readAt: null });

    const announced = flow.notices.filter((n) => n.kind === 'skill-notification');
    expect(announced.map((n) => n.notificationId)).toEqual([items[1]!.id, items[0]!.id]);
    expect(announced[0]).toMatchObject({ skillSlug: version.slug, body: { en: items[1]!.body, pl: items[1]!.body } });

    const delivered = events('notification.delivered');
    expect(delivered).toHaveLength(2);
    expect(delivered[0]).toMatchObject({ actor: 'system', skillSlug: version.slug, versionId: version.id, data: { notificationId: items[1]!.id } });
    expect(JSON.stringify(delivered)).not.toContain('Stretch');
  });

  it('sent during the dry run stay in the review and are never delivered', async () => {
    const pending = await pendingReminder(flow);
    const notifyStep = (pending.dryRun as DryRunReport).steps.find((step) => step.input.method === 'executeAction' && step.input.action === 'notify_due');
    expect(notifyStep).toMatchObject({ status: 'succeeded', notifications: [{ title: expect.any(String), body: 'stretching' }] });
    expect(list()).toEqual({ items: [], unread: 0 });
    expect(flow.notices.filter((n) => n.kind === 'skill-notification')).toEqual([]);
    expect(events('notification.delivered')).toEqual([]);
  });

  it('over 10 an hour from one skill are held back in one notice that counts them, until the hour has passed', async () => {
    const version = await approvedReminder(flow);
    await remindAndNotify(flow, version.slug, 8);
    await remindAndNotify(flow, version.slug, 9); // 2 more shown, 7 held back
    const announcedBefore = flow.notices.length;
    const { items } = list();
    expect(items.filter((n) => n.kind === 'skill')).toHaveLength(10);
    const heldBack = items.filter((n) => n.kind === 'held-back');
    expect(heldBack).toEqual([expect.objectContaining({ heldBack: 7, readAt: null })]);
    expect(flow.notices.filter((n) => n.kind === 'skill-notification')).toHaveLength(11);
    expect(flow.notices.at(-1)!.body.en).toBe('Water Tracker wanted to notify you 7 more times in the last hour. Only the first 10 an hour are shown one by one.'.replace('Water Tracker', version.name));
    expect(flow.notices.at(-1)!.body.pl).toContain(`jeszcze 7 razy w ciągu ostatniej godziny`);
    expect(events('notification.held-back')).toHaveLength(7);

    // Read, then one more within the hour: the same notice counts it and is unread again; no new pop-up.
    flow.service.markNotificationsRead('owner', 'all');
    flow.clock.advance(10 * 60 * 1000);
    await remindAndNotify(flow, version.slug, 1);
    expect(list().items.filter((n) => n.kind === 'held-back')).toEqual([expect.objectContaining({ id: heldBack[0]!.id, heldBack: 8, readAt: null })]);
    expect(flow.notices.length).toBe(announcedBefore);

    flow.clock.advance(HOUR_MS);
    await remindAndNotify(flow, version.slug, 1);
    expect(list().items[0]).toMatchObject({ kind: 'skill', body: expect.stringContaining('Stretch #1') });
  });

  it('are marked read by the owner, one by one or all, and an unknown number changes nothing', async () => {
    const version = await approvedReminder(flow);
    await remindAndNotify(flow, version.slug, 3);
    const [newest, middle] = list().items;

    expect(thrown(() => flow.service.markNotificationsRead('owner', [newest!.id, 9999]))).toMatchObject({ code: 'not-found', details: ['#9999'] });
    expect(thrown(() => flow.service.markNotificationsRead('owner', []))).toMatchObject({ code: 'bad-request' });
    expect(thrown(() => flow.service.markNotificationsRead('owner', [1.5]))).toMatchObject({ code: 'bad-request' });
    expect(list().unread).toBe(3);

    expect(flow.service.markNotificationsRead('owner', [newest!.id])).toEqual({ marked: 1 });
    expect(flow.service.listNotifications('owner', { unreadOnly: true }).items.map((n) => n.id)).not.toContain(newest!.id);
    expect(list().items.find((n) => n.id === middle!.id)!.readAt).toBeNull();
    expect(flow.service.markNotificationsRead('owner', 'all')).toEqual({ marked: 2 });
    expect(list().unread).toBe(0);
    expect(events('notifications.read')).toHaveLength(2);
  });

  it('may be read by the assistant, never marked read by it', async () => {
    const version = await approvedReminder(flow);
    await remindAndNotify(flow, version.slug, 1, 'assistant');
    expect(flow.service.listNotifications('assistant').unread).toBe(1);
    expect(thrown(() => flow.service.markNotificationsRead('assistant', 'all'))).toMatchObject({ code: 'forbidden' });
    expect(list().unread).toBe(1);
  });
});
