// The audit's own thread (node:worker_threads): runs the pure auditSkill for main, one request at a
// time, so a file that is slow to audit costs this thread and never main's event loop. Started and
// bounded by audit-off-thread.ts; it holds nothing between requests.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import type { AuditOptions } from './index.ts';

export interface AuditRequest {
  id: number;
  source: string;
  options: AuditOptions;
}

// The TypeScript parser probes the file system's case sensitivity through CommonJS's __filename as
// it loads; bundled into out/main as an ES module (the built app) it would find none. So the
// worker provides one before it loads the auditor.
const scope = globalThis as { __filename?: string; __dirname?: string };
scope.__filename ??= fileURLToPath(import.meta.url);
scope.__dirname ??= path.dirname(scope.__filename);
const { auditSkill } = await import('./index.ts');

parentPort?.on('message', ({ id, source, options }: AuditRequest) => {
  parentPort?.postMessage({ id, report: auditSkill(source, options) });
});
// The parser is loaded: from here on, main's clock for the audit's budget runs.
parentPort?.postMessage({ ready: true });
