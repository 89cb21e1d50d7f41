import { describe, expect, it, vi } from 'vitest';

const shown: { title: string; body: string; click?: () => void }[] = [];
let supported = true;
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => supported;
    entry: { title: string; body: string; click?: () => void };
    constructor(options: { title: string; body: string }) {
      this.entry = { ...options };
    }
    on(event: string, listener: () => void) {
      if (event === 'click') this.entry.click = listener;
    }
    show() {
      shown.push(this.entry);
    }
  },
}));

const { createOwnerNotifier } = await import('../../../main/app/owner-notifications.ts');

const notice = {
  kind: 'pending-review' as const,
  skillSlug: 'custom-water-tracker',
  versionId: 'v1',
  requestId: null,
  title: { en: 'A skill waits for review', pl: 'Skill czeka na przegląd' },
  body: { en: 'Water Tracker 1.0.0', pl: 'Water Tracker 1.0.0' },
};

describe('owner notifications', () => {
  it('shows the notice in the owner’s language; a click only opens the window', () => {
    const open = { window: vi.fn(), skill: vi.fn() };
    createOwnerNotifier(() => 'pl', open)(notice);
    expect(shown.at(-1)).toMatchObject({ title: 'Skill czeka na przegląd', body: 'Water Tracker 1.0.0' });
    shown.at(-1)!.click!();
    expect(open.window).toHaveBeenCalledTimes(1);
    expect(open.skill).not.toHaveBeenCalled();
  });

  it('opens a skill’s own notification on that skill', () => {
    const open = { window: vi.fn(), skill: vi.fn() };
    createOwnerNotifier(() => 'en', open)({
      ...notice, kind: 'skill-notification', notificationId: 7, title: { en: 'Reminder', pl: 'Reminder' }, body: { en: 'Stretch', pl: 'Stretch' },
    });
    expect(shown.at(-1)).toMatchObject({ title: 'Reminder', body: 'Stretch' });
    shown.at(-1)!.click!();
    expect(open.skill).toHaveBeenCalledWith('custom-water-tracker');
    expect(open.window).not.toHaveBeenCalled();
  });

  it('stays quiet where the system has no notifications', () => {
    supported = false;
    const before = shown.length;
    createOwnerNotifier(() => 'en', { window: vi.fn(), skill: vi.fn() })(notice);
    expect(shown).toHaveLength(before);
    supported = true;
  });
});
