import { describe, expect, it } from 'vitest';
import {
  createBiometricSelector,
  type BiometricProvider,
  type BiometricProviderId,
  type BiometricSelectorOptions,
} from '../../../main/skills/approval/biometric.ts';

const REASON = { en: 'Approve Water Tracker v1.0.0', pl: 'Zatwierdź Water Tracker v1.0.0' };

function fakeProvider(id: BiometricProviderId, available: boolean | 'throws'): BiometricProvider {
  return {
    id,
    label: { en: `${id} label`, pl: `${id} etykieta` },
    available: async () => {
      if (available === 'throws') throw new Error('probe crashed');
      return available;
    },
    verify: async () => ({ ok: true }),
  };
}

function selector(overrides: Partial<BiometricSelectorOptions> = {}) {
  return createBiometricSelector({
    platform: 'linux',
    providers: { polkit: fakeProvider('polkit', true) },
    fallback: fakeProvider('passphrase-fallback', false),
    testSetting: undefined,
    isPackaged: false,
    ...overrides,
  });
}

describe('the test provider', () => {
  it('is used only with FOUNDRY_TEST_BIOMETRIC set in an unpackaged build, and answers as told', async () => {
    for (const [setting, expected] of [
      ['approve', { ok: true }],
      ['deny', { ok: false, reason: 'failed' }],
      ['cancel', { ok: false, reason: 'cancelled' }],
    ] as const) {
      const selection = await selector({ testSetting: setting }).select();
      if (selection.state !== 'ready') throw new Error('no provider');
      expect(selection.provider.id).toBe('test');
      expect(selection.notice?.en).toContain('TEST provider');
      expect(await selection.provider.verify(REASON)).toMatchObject(expected);
    }
  });

  it('is never chosen without the setting, even when nothing else is available', async () => {
    const selection = await selector({ providers: {}, testSetting: undefined }).select();
    expect(selection.state).toBe('none');
    expect((await selector({ testSetting: '' }).select())).toMatchObject({ state: 'ready', provider: { id: 'polkit' } });
  });

  it('is ignored, visibly, in a packaged app', async () => {
    const description = await selector({ testSetting: 'approve', isPackaged: true }).describeActiveProvider();
    expect(description).toMatchObject({ state: 'ready', id: 'polkit', isTest: false });
    expect(description.notice?.en).toContain('ignored');
    expect(description.notice?.pl).toContain('pominięte');
  });

  it('blocks approvals with an explanation when the setting has an unknown value', async () => {
    const selection = await selector({ testSetting: 'yes' }).select();
    expect(selection).toMatchObject({ state: 'none' });
    expect(selection.state === 'none' && selection.message.en).toContain('approve, deny, cancel');
  });
});

describe('platform selection', () => {
  const all = {
    'touch-id': fakeProvider('touch-id', true),
    'windows-hello': fakeProvider('windows-hello', true),
    polkit: fakeProvider('polkit', true),
  };

  it.each([
    ['darwin', 'touch-id'],
    ['win32', 'windows-hello'],
    ['linux', 'polkit'],
  ] as const)('picks the %s check (%s)', async (platform, id) => {
    expect(await selector({ platform, providers: all }).describeActiveProvider()).toEqual({
      state: 'ready',
      id,
      label: { en: `${id} label`, pl: `${id} etykieta` },
      isTest: false,
      notice: null,
    });
  });

  it("never takes another platform's check", async () => {
    expect((await selector({ platform: 'linux', providers: { 'touch-id': all['touch-id'] } }).select()).state).toBe('none');
    expect((await selector({ platform: 'freebsd', providers: all }).select()).state).toBe('none');
  });
});

describe('no silent drop to one factor', () => {
  it('reports none, with how to set up the fallback, when no check is available', async () => {
    for (const polkit of [fakeProvider('polkit', false), fakeProvider('polkit', 'throws')]) {
      const description = await selector({ providers: { polkit } }).describeActiveProvider();
      expect(description.state).toBe('none');
      if (description.state !== 'none') return;
      expect(description.message.en).toContain('polkit label is not available');
      expect(description.message.en).toContain('local approval passphrase');
      expect(description.message.pl).toContain('lokalnego hasła zatwierdzania');
    }
  });

  it('uses the local passphrase once it is set up', async () => {
    const description = await selector({
      providers: { polkit: fakeProvider('polkit', false) },
      fallback: fakeProvider('passphrase-fallback', true),
    }).describeActiveProvider();
    expect(description).toMatchObject({ state: 'ready', id: 'passphrase-fallback', isTest: false });
  });

  it('prefers the OS check over the passphrase when both are there', async () => {
    const description = await selector({ fallback: fakeProvider('passphrase-fallback', true) }).describeActiveProvider();
    expect(description).toMatchObject({ state: 'ready', id: 'polkit' });
  });

  it('describes the choice as plain data the renderer can receive', async () => {
    const description = await selector().describeActiveProvider();
    expect(JSON.parse(JSON.stringify(description))).toEqual(description);
  });
});
