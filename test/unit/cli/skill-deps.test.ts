import { describe, expect, it } from 'vitest';
import { dependencyLines } from '../../../main/cli/commands/skill-deps.ts';

describe('foundry skills deps', () => {
  it('prints what a skill calls, through whom, who calls it, what it provides, and why it is disabled', () => {
    const lines = dependencyLines({
      slug: 'custom-morning-routine',
      provides: ['morning.start'],
      dependencies: [
        { name: 'water.log', slug: 'custom-water-tracker', problem: null },
        { name: 'custom-coffee', slug: null, problem: { en: 'depends on custom-coffee, which was archived', pl: 'zależy od custom-coffee, który został zarchiwizowany' } },
      ],
      indirect: ['sleep-tracker'],
      dependents: ['custom-weekday'],
      disabled: { en: 'depends on custom-coffee, which was archived', pl: 'zależy od custom-coffee, który został zarchiwizowany' },
    });
    expect(lines).toEqual([
      'custom-morning-routine',
      'disabled     depends on custom-coffee, which was archived',
      'provides     morning.start',
      'calls:',
      '  water.log → custom-water-tracker',
      '  custom-coffee  (cannot be called: depends on custom-coffee, which was archived)',
      'through them sleep-tracker',
      'called by    custom-weekday',
    ]);
  });
});
