import { describe, expect, it } from 'vitest';
import { createNotificationRateLimit, NOTIFICATION_WINDOW_MS } from '../../../main/skills/notifications/index.ts';
import { createClock } from '../approval/security-fixtures.ts';

describe('the per-skill notification limit', () => {
  it('shows a skill’s first 10 notifications of an hour one by one', () => {
    const limit = createNotificationRateLimit(createClock().now);
    expect(limit.verdict({ delivered: 0, heldBackId: null })).toEqual({ kind: 'deliver' });
    expect(limit.verdict({ delivered: 9, heldBackId: null })).toEqual({ kind: 'deliver' });
  });

  it('holds back the 11th under a new notice, and later ones under that same notice', () => {
    const limit = createNotificationRateLimit(createClock().now);
    expect(limit.verdict({ delivered: 10, heldBackId: null })).toEqual({ kind: 'hold-back', into: null });
    expect(limit.verdict({ delivered: 10, heldBackId: 42 })).toEqual({ kind: 'hold-back', into: 42 });
  });

  it('counts the last hour by the store’s clock, so moving the clock moves the window', () => {
    const clock = createClock(Date.parse('2026-05-01T12:00:00Z'));
    const limit = createNotificationRateLimit(clock.now);
    expect(limit.windowStart()).toBe('2026-05-01T11:00:00.000Z');
    clock.advance(NOTIFICATION_WINDOW_MS);
    expect(limit.windowStart()).toBe('2026-05-01T12:00:00.000Z');
  });
});
