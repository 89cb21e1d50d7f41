import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createTouchIdProvider } from '../../../main/app/biometric-touch-id.ts';

const systemPreferences = vi.hoisted(() => ({
  canPromptTouchID: vi.fn<() => boolean>(),
  promptTouchID: vi.fn<(reason: string) => Promise<void>>(),
}));
vi.mock('electron', () => ({ systemPreferences }));

const REASON = { en: 'approve Water Tracker v1.0.0', pl: 'zatwierdzić Water Tracker v1.0.0' };

beforeEach(() => {
  vi.clearAllMocks();
  systemPreferences.canPromptTouchID.mockReturnValue(true);
  systemPreferences.promptTouchID.mockResolvedValue(undefined);
});

describe('Touch ID provider', () => {
  it('is available only on a Mac that can prompt for Touch ID', async () => {
    expect(await createTouchIdProvider({ locale: () => 'en', platform: 'darwin' }).available()).toBe(true);
    expect(await createTouchIdProvider({ locale: () => 'en', platform: 'linux' }).available()).toBe(false);
    systemPreferences.canPromptTouchID.mockReturnValue(false);
    expect(await createTouchIdProvider({ locale: () => 'en', platform: 'darwin' }).available()).toBe(false);
  });

  it("prompts with the reason in the owner's language", async () => {
    const provider = createTouchIdProvider({ locale: () => 'pl', platform: 'darwin' });
    expect(await provider.verify(REASON)).toEqual({ ok: true });
    expect(systemPreferences.promptTouchID).toHaveBeenCalledWith(REASON.pl);
  });

  it('tells a cancelled prompt from a failed one', async () => {
    const provider = createTouchIdProvider({ locale: () => 'en', platform: 'darwin' });
    systemPreferences.promptTouchID.mockRejectedValueOnce(new Error('Canceled by user.'));
    expect(await provider.verify(REASON)).toMatchObject({ ok: false, reason: 'cancelled' });
    systemPreferences.promptTouchID.mockRejectedValueOnce(new Error('Application retry limit exceeded.'));
    expect(await provider.verify(REASON)).toMatchObject({ ok: false, reason: 'failed' });
  });
});
