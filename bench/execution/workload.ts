// What every layer of the execution suite runs, and the shape of what it reports.
import { PROBE_ROWS, PROBE_SKILL, probeCall, queryReply, TENANT, WATER_GET_DATA, WATER_ROWS, WATER_SKILL, type HostCallKind } from '../fixtures/bench-skills.ts';
import type { Stats } from '../harness.ts';
import { hostInvocation, type HostInvocation } from './host-arguments.ts';

/** Host calls per execution in the host-call runs; each per-call figure is (t(N) − t(0)) / N. */
export const N = 200;
/** The pause before each "spaced" warm run: long enough for the host to prepare its spare context. */
export const SPACING_MS = 5;

/** WaterTracker getData: one select returning five rows, then a reduce. */
export const WATER = hostInvocation(WATER_SKILL, WATER_GET_DATA);
export const WATER_ACTIONS = hostInvocation(WATER_SKILL, { method: 'getActions', tenantId: TENANT });
export const WATER_REPLY = queryReply(WATER_ROWS);
export const PROBE_REPLY = queryReply(PROBE_ROWS);

export function probe(kind: HostCallKind, n: number): HostInvocation {
  return hostInvocation(PROBE_SKILL, probeCall(kind, n));
}

export interface HostCallStats {
  none: Stats;
  query: Stats;
  log?: Stats;
}

/** One layer's figures: a never-seen version, a warm one, and the host-call runs. */
export interface Layer {
  cold: Stats;
  warm: Stats;
  calls: HostCallStats;
}

export function perCall(calls: HostCallStats, kind: 'query' | 'log'): number {
  const stats = calls[kind];
  if (!stats) throw new Error(`no ${kind} runs in this layer`);
  return (stats.p50 - calls.none.p50) / N;
}
