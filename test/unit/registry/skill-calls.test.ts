// Skills calling skills through the service, with real skills in the real sandbox.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, rejection, type Flow } from './flow-fixtures.ts';
import { approvedWith, waterCaller, waterTrackerGenerator, generatorOf } from './composition-fixtures.ts';

const tempDir = useTempDir();
let flow: Flow;
beforeEach(async () => {
  flow = await openFlow(tempDir());
});
afterEach(() => flow.close());

const executions = () => flow.engine.store.executions.page({ offset: 0, limit: 50 }).items;

describe('a skill calling a skill it declares', () => {
  it('runs the callee as its own execution, recorded as triggered by the caller', async () => {
    await approvedWith(flow, waterTrackerGenerator());
    await approvedWith(flow, generatorOf(waterCaller('custom-hydration-coach', 'custom-water-tracker')));
    const run = await flow.service.execute('owner', 'custom-hydration-coach', 'drink', { amount_ml: 300 });
    expect(run.result).toEqual({ success: true, data: expect.objectContaining({ success: true }) });
    const callee = executions().find((e) => e.skillSlug === 'custom-water-tracker' && e.action === 'log_water')!;
    expect(callee).toMatchObject({ status: 'succeeded', triggeredBy: 'custom-hydration-coach@v1.0.0', actor: 'owner' });
    const data = await flow.service.execute('owner', 'custom-water-tracker', 'getData');
    expect(data.result).toMatchObject({ total_ml: 300 });
  });
});
