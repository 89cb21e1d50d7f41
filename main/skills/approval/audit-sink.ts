import type { NewAuditEntry } from '../../store/repositories/audit-log.ts';

/** Where security events go: the store's audit log in the app; only append is ever needed. */
export interface AuditSink {
  append(entry: NewAuditEntry): unknown;
}
