import { describe, expect, it } from 'vitest';
import { SCHEDULES_SCHEMA } from '../../../main/api/schemas.ts';
import { errorOf, expectSchema, useApi } from './harness.ts';

const start = useApi();

describe('the schedule routes', () => {
  it('the assistant lists schedules with its token, and not without it', async () => {
    const api = await start();
    const reply = await api.call({ path: '/api/schedules' });
    expect(reply.status).toBe(200);
    expectSchema(SCHEDULES_SCHEMA, reply.json);
    expect((await api.call({ path: '/api/schedules', token: null })).status).toBe(401);
  });

  it('a proposal without a schedule, or with an unknown field, is refused before the backend sees it', async () => {
    const api = await start();
    for (const body of [{ skill: 'custom-water-tracker' }, { skill: 'custom-water-tracker', schedule: { action: 'remind' }, run: true }]) {
      const reply = await api.call({ method: 'POST', path: '/api/schedules/proposals', body });
      expect(reply.status).toBe(400);
      expect(errorOf(reply).code).toBe('invalid-request');
    }
    expect(api.fake.calls.filter((c) => c.method === 'proposeSchedule')).toEqual([]);
  });

  it('there is no route to add, pause, resume, run or remove a schedule: those are the owner’s', async () => {
    const api = await start();
    for (const [method, path] of [['POST', '/api/schedules'], ['DELETE', '/api/schedules/1'], ['POST', '/api/schedules/1/run-now'], ['POST', '/api/schedules/proposals/1/confirm']] as const) {
      // 405 where a schedule route exists with another method, 404 where no route does.
      expect([404, 405]).toContain((await api.call({ method, path, body: {} })).status);
    }
  });
});
