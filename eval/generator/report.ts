// The evaluation's report as lines: pass rate per category and overall, then every failure with its reasons.
import { passRates, type RowResult } from './evaluate.ts';

const percent = (passed: number, total: number) => `${((100 * passed) / total).toFixed(1)} %`;

export function rateTable(results: RowResult[]): string[] {
  const lines = [`${'category'.padEnd(14)}${'passed'.padStart(9)}${'rate'.padStart(9)}`];
  for (const { category, passed, total } of passRates(results)) {
    if (category === 'overall') lines.push('-'.repeat(32));
    lines.push(`${category.padEnd(14)}${`${passed}/${total}`.padStart(9)}${percent(passed, total).padStart(9)}`);
  }
  return lines;
}

export function failureList(results: RowResult[]): string[] {
  const failed = results.filter((r) => r.failures.length > 0);
  if (failed.length === 0) return [];
  return [`Failures (${failed.length}):`, ...failed.flatMap(({ row, failures }) => [
    '',
    `[${row.category}, ${row.language}] ${row.text}`,
    ...failures.map((failure) => `  - ${failure}`),
  ])];
}
