import { describe, expect, it } from 'vitest';
import { createExecutionSlots, WAITING_FACTOR, type ExecutionSlot } from '../../../main/skills/sandbox/execution-slots.ts';

/** Whether `promise` has settled once queued callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

describe('execution slots', () => {
  const limits = { total: 2, perSkill: 1 };

  it('lets no more than the global limit run at once; the next starts when one ends', async () => {
    const slots = createExecutionSlots();
    const a = await slots.acquire('a', limits);
    await slots.acquire('b', limits);
    const third = slots.acquire('c', limits);
    expect(await settled(third)).toBe(false);
    a.release();
    expect(await settled(third)).toBe(true);
  });

  it('lets another execution run while one awaits the network, and lets the waiting one go first when its answer is there', async () => {
    const slots = createExecutionSlots();
    const a = await slots.acquire('a', limits);
    const b = await slots.acquire('b', limits);
    a.pause();
    const c = await slots.acquire('c', limits);
    const queued = slots.acquire('d', limits);
    const resumed = a.resume();
    expect(await settled(resumed)).toBe(false);
    b.release();
    // The resumption goes before the execution that has not started yet.
    expect(await settled(resumed)).toBe(true);
    expect(await settled(queued)).toBe(false);
    c.release();
    expect(await settled(queued)).toBe(true);
  });

  it('runs one execution of a skill version at a time, waiting on the network or not', async () => {
    const slots = createExecutionSlots();
    const first = await slots.acquire('same', limits);
    first.pause();
    const second = slots.acquire('same', limits);
    expect(await settled(second)).toBe(false);
    first.release();
    expect(await settled(second)).toBe(true);
  });

  it('bounds the executions in progress, waiting ones included', async () => {
    const slots = createExecutionSlots();
    const held: ExecutionSlot[] = [];
    for (let i = 0; i < limits.total * WAITING_FACTOR; i += 1) {
      const slot = await slots.acquire(`skill-${i}`, limits);
      slot.pause();
      held.push(slot);
    }
    const one = slots.acquire('one-more', limits);
    expect(await settled(one)).toBe(false);
    held[0]!.release();
    expect(await settled(one)).toBe(true);
  });

  it('lets an execution that ends while waiting for its turn go, without taking a turn', async () => {
    const slots = createExecutionSlots();
    const a = await slots.acquire('a', limits);
    await slots.acquire('b', limits);
    a.pause();
    await slots.acquire('c', limits);
    const resumed = a.resume();
    a.release();
    expect(await settled(resumed)).toBe(true);
    // Its turn was not taken: two still run, so a fourth waits.
    expect(await settled(slots.acquire('d', limits))).toBe(false);
  });
});
