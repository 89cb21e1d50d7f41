import { performance } from 'node:perf_hooks';

export interface Stats {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  mean: number;
}

/** Times `fn` (ms) after a warm-up; returns percentiles of this run. */
export async function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<Stats> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { name, runs, p50: at(0.5), p95: at(0.95), mean: samples.reduce((s, x) => s + x, 0) / runs };
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

/** A ratio printed with its target, so a reader sees at once whether the target holds in this run. */
export function printRatio(label: string, ratio: number, target?: { atLeast?: number; atMost?: number }): void {
  let verdict = '';
  if (target?.atLeast !== undefined) verdict = ratio >= target.atLeast ? `  ✓ target ≥ ${target.atLeast}×` : `  ✗ target ≥ ${target.atLeast}×`;
  if (target?.atMost !== undefined) verdict = ratio <= target.atMost ? `  ✓ target ≤ ${target.atMost}×` : `  ✗ target ≤ ${target.atMost}×`;
  console.log(`  ${label}: ${ratio.toFixed(2)}×${verdict}`);
}

/** A figure printed with its target (same unit). */
export function printTarget(label: string, value: number, atMost: number, unit = 'ms'): void {
  const shown = unit === 'ms' ? formatMs(value) : `${value.toFixed(1)} ${unit}`;
  const target = unit === 'ms' ? formatMs(atMost) : `${atMost} ${unit}`;
  console.log(`  ${label}: ${shown}  ${value <= atMost ? '✓' : '✗'} target ≤ ${target}`);
}
