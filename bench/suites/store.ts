import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFoundryStore } from '../../main/store/index.ts';
import { measure, printRatio, printTable } from '../harness.ts';

const ROWS = 100_000;

/** Activity must stay smooth at 100,000 rows: a page deep in the log should cost about what the first does. */
export async function storeBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-bench-'));
  const store = openFoundryStore(dir);
  try {
    const started = performance.now();
    store.db.transaction(() => {
      for (let i = 0; i < ROWS; i++) store.auditLog.append({ actor: 'system', event: i % 2 ? 'skill.executed' : 'skill.audited', data: { i } });
    })();
    const appendMs = (performance.now() - started) / ROWS;
    const first = await measure('audit page 0 (100 rows)', () => store.auditLog.page({ offset: 0, limit: 100 }));
    const deep = await measure('audit page at 99,900 (100 rows)', () => store.auditLog.page({ offset: ROWS - 100, limit: 100 }));
    const filtered = await measure('audit page filtered by event', () => store.auditLog.page({ offset: 0, limit: 100, event: 'skill.executed' }));
    printTable(`Store: audit log with ${ROWS.toLocaleString('en')} chained entries (append ${(appendMs * 1000).toFixed(1)} µs each)`, [first, deep, filtered]);
    printRatio('deep page / first page (p50)', deep.p50 / first.p50);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
