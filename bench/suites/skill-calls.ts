import { openFlow } from '../../test/unit/registry/flow-fixtures.ts';
import { approvedWith, generatorOf, waterCaller, waterTrackerGenerator } from '../../test/unit/registry/composition-fixtures.ts';
import { measure, printNote, printRatio, printTable, withTempDir } from '../harness.ts';

/**
 * What calling a skill from a skill costs: the water tracker's log_water run directly, beside a
 * caller whose action is one foundry.skills.call of it (both through the service, approved, warm).
 */
export async function skillCallsBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const flow = await openFlow(dir);
    try {
      await approvedWith(flow, waterTrackerGenerator({ provides: ['water.log'] }));
      await approvedWith(flow, generatorOf(waterCaller('custom-hydration-coach', 'custom-water-tracker')));
      await approvedWith(flow, generatorOf(waterCaller('custom-glass-counter', 'water.log')));
      const runs = { runs: 100, warmup: 10 };
      const direct = await measure('log_water run directly', () => flow.service.execute('owner', 'custom-water-tracker', 'log_water', { amount_ml: 1 }), runs);
      const called = await measure('drink → foundry.skills.call(slug)', () => flow.service.execute('owner', 'custom-hydration-coach', 'drink', { amount_ml: 1 }), runs);
      const provided = await measure('drink → foundry.skills.call(capability)', () => flow.service.execute('owner', 'custom-glass-counter', 'drink', { amount_ml: 1 }), runs);
      printTable('Skills calling skills: one call, through the service (each call is a whole execution of the callee)', [direct, called, provided]);
      printRatio('caller + callee / callee alone (p50)', called.p50 / direct.p50);
      printRatio('through a capability / through a slug (p50)', provided.p50 / called.p50);
      printNote('The callee is its own execution (own slot, own record); the caller\'s slot steps aside while it waits.');
    } finally {
      await flow.close();
    }
  });
}
