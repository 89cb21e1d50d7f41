import { beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, type Flow } from '../registry/flow-fixtures.ts';
import { approvedReminder } from './reminder-fixtures.ts';
import type { NotificationList } from '../../../shared/contract/notification-records.ts';

const tempDir = useTempDir();

let flow: Flow;
beforeEach(async (context) => {
  flow = await openFlow(tempDir());
  context.onTestFinished(() => flow.close());
});

describe('the window’s notification methods', () => {
  it('list what a skill run from the window sent, and mark it read; malformed or unknown ids change nothing', async () => {
    const { dispatch } = flow.engine;
    const version = await approvedReminder(flow);
    const dueAt = flow.clock.now().toISOString();
    await dispatch('skills.run', { slug: version.slug, action: 'add_reminder', params: { title: 'Stretch your back', due_at: dueAt } });
    expect(await dispatch('skills.run', { slug: version.slug, action: 'notify_due', params: {} })).toMatchObject({ ok: true });

    const listed = await dispatch('notifications.list', {});
    expect(listed).toMatchObject({ ok: true, value: { unread: 1, items: [{ skillSlug: version.slug, body: 'Stretch your back', readAt: null }] } });
    const [notification] = (listed as { value: NotificationList }).value.items;

    expect(await dispatch('notifications.markRead', { ids: [] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch('notifications.markRead', { ids: ['1'] })).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(await dispatch('notifications.markRead', { ids: [notification!.id, 9999] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('notifications.list', { unreadOnly: true })).toMatchObject({ value: { unread: 1 } });

    expect(await dispatch('notifications.markRead', { ids: [notification!.id] })).toEqual({ ok: true, value: { marked: 1 } });
    expect(await dispatch('notifications.list', { unreadOnly: true })).toEqual({ ok: true, value: { unread: 0, items: [] } });
    expect(await dispatch('notifications.markAllRead', {})).toEqual({ ok: true, value: { marked: 0 } });
  });
});
