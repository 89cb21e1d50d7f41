// The audit's own thread (node:worker_threads): runs the pure auditSkill for main, one request at a
// time, so a file that is slow to audit costs this thread and never main's event loop. Started and
// bounded by audit-off-thread.ts; it holds nothing between requests.
import { parentPort } from 'node:worker_threads';
import { auditSkill, type AuditOptions } from './index.ts';

export interface AuditRequest {
  id: number;
  source: string;
  options: AuditOptions;
}

parentPort?.on('message', ({ id, source, options }: AuditRequest) => {
  parentPort?.postMessage({ id, report: auditSkill(source, options) });
});
// The parser is loaded: from here on, main's clock for the audit's budget runs.
parentPort?.postMessage({ ready: true });
