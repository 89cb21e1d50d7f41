// How Activity's trigger column and `foundry executions` name a run a trigger started.
import { describe, expect, it } from 'vitest';
import { firingTrigger, parseFiringTrigger, triggerLabel } from '../../../shared/skills/triggers.ts';

describe('a firing’s trigger in words', () => {
  it('names the kind and the event that fired it, in both languages', () => {
    expect(triggerLabel(firingTrigger('onMessage', 42))).toEqual({ en: 'message #42', pl: 'wiadomość #42' });
    expect(triggerLabel(firingTrigger('onToolUse', 7))).toEqual({ en: 'tool use #7', pl: 'użycie narzędzia #7' });
    expect(triggerLabel(firingTrigger('onInstall', null))).toEqual({ en: 'on install', pl: 'po instalacji' });
  });

  it('leaves every other trigger as it was recorded', () => {
    expect(triggerLabel('manual')).toEqual({ en: 'manual', pl: 'manual' });
    expect(triggerLabel('on-reboot#3')).toEqual({ en: 'on-reboot#3', pl: 'on-reboot#3' });
    expect(parseFiringTrigger('schedule')).toBeNull();
    expect(parseFiringTrigger('on-session-end#12')).toEqual({ kind: 'onSessionEnd', eventId: 12 });
  });
});
