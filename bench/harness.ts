import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Stats {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

export interface MeasureOptions {
  runs?: number;
  warmup?: number;
  /** Untimed work before every run (warm-up runs included), e.g. preparing what the timed call consumes. */
  before?: () => unknown;
}

/** Times `fn` (ms) after a warm-up; returns percentiles of this run. */
export async function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<Stats> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) {
    await options.before?.();
    await fn();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await options.before?.();
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return statsOf(name, samples);
}

/** Percentiles of samples (ms) gathered elsewhere. */
export function statsOf(name: string, samples: readonly number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { name, runs: sorted.length, p50: at(0.5), p95: at(0.95), mean: sorted.reduce((s, x) => s + x, 0) / sorted.length };
}

export interface Throughput {
  name: string;
  count: number;
  seconds: number;
  perSecond: number;
}

/** Calls `fn` back to back (one in flight) for `durationMs` and counts completions. */
export async function measureThroughput(name: string, fn: (i: number) => unknown, durationMs: number): Promise<Throughput> {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < durationMs) await fn(count++);
  const seconds = (performance.now() - start) / 1000;
  return { name, count, seconds, perSecond: count / seconds };
}

export function formatMs(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
}

export function printTable(title: string, rows: Stats[]): void {
  console.log(`\n## ${title}`);
  const width = Math.max(...rows.map((r) => r.name.length));
  for (const r of rows) {
    console.log(`  ${r.name.padEnd(width)}  p50 ${formatMs(r.p50).padStart(10)}  p95 ${formatMs(r.p95).padStart(10)}  (${r.runs} runs)`);
  }
}

/** A line of context under a table: which layer a figure measures, or why it comes out as it does. */
export function printNote(text: string): void {
  console.log(`  · ${text}`);
}

export interface Target {
  atLeast?: number;
  atMost?: number;
}

function verdict(value: number, target: Target | undefined, show: (bound: number) => string): string {
  if (target?.atLeast !== undefined) return `${value >= target.atLeast ? '✓' : '✗'} target ≥ ${show(target.atLeast)}`;
  if (target?.atMost !== undefined) return `${value <= target.atMost ? '✓' : '✗'} target ≤ ${show(target.atMost)}`;
  return '';
}

/** A ratio printed with its target, so a reader sees at once whether the target holds in this run. */
export function printRatio(label: string, ratio: number, target?: Target): void {
  const shown = verdict(ratio, target, (bound) => `${bound}×`);
  console.log(`  ${label}: ${ratio.toFixed(2)}×${shown ? `  ${shown}` : ''}`);
}

/** A figure printed with its target (same unit); a bare number is an upper bound. */
export function printTarget(label: string, value: number, target: number | Target, unit = 'ms'): void {
  const show = (x: number) => (unit === 'ms' ? formatMs(x) : `${x.toLocaleString('en', { maximumFractionDigits: 1 })} ${unit}`);
  console.log(`  ${label}: ${show(value)}  ${verdict(value, typeof target === 'number' ? { atMost: target } : target, show)}`);
}

/** Runs `fn` with a fresh temporary directory and removes it afterwards, whatever happens. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-bench-'));
  try {
    return await fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
