// SkillDataGateway: answers a skill's queries in main, against the store, within one execution's
// scope. The host process never opens the database: it only forwards call chains, so a
// compromised host still cannot reach a table the skill did not declare, and main alone decides.
//
// Writes are held back per execution and applied in one transaction only when the execution
// succeeds (fail secure). Reads see the execution's own pending writes: they run inside a
// savepoint that replays those writes and is rolled back at once — same SQL, no second code path.
import type { Db } from '../../store/open-database.ts';
import { createSkillRowsRepository, type StoredRow } from '../../store/repositories/skill-rows.ts';
import type { SandboxLimits } from './limits.ts';
import { parseQueryChain, type QueryPlan } from './query-chain.ts';
import { utf8Bytes } from './json-guards.ts';

export interface DataAccess {
  skillSlug: string;
  /** Tables the manifest declares for reading. */
  reads: readonly string[];
  /** Tables whose write capability was approved for this version. */
  writes: readonly string[];
}

export interface ExecutionDataScope {
  /** Answers one recorded call chain with the JSON text of `{ data, error }`. */
  query(chain: string): string;
  /** Applies the held-back writes; call it inside the transaction that records the execution. */
  commit(): void;
}

type WritePlan = Extract<QueryPlan, { kind: 'insert' | 'update' }> & { at: string };

export type GatewayLimits = Pick<SandboxLimits, 'maxRowsPerQuery' | 'maxRowBytes' | 'maxPendingWrites' | 'maxQueryResultBytes'>;

export function createSkillDataGateway(db: Db, options: { limits: GatewayLimits; now: () => Date }) {
  const rows = createSkillRowsRepository(db);
  const { limits } = options;

  return {
    open(access: DataAccess): ExecutionDataScope {
      const reads = new Set(access.reads);
      const writes = new Set(access.writes);
      const pending: WritePlan[] = [];
      let pendingCount = 0;

      const apply = (plan: WritePlan): void => {
        const partition = { skillSlug: access.skillSlug, table: plan.table };
        if (plan.kind === 'insert') rows.insert(partition, plan.rows, plan.at);
        else rows.update(partition, plan.filters, plan.patch, plan.at);
      };

      const withPendingWrites = <T>(read: () => T): T => {
        if (pending.length === 0) return read();
        db.exec('SAVEPOINT sandbox_preview');
        try {
          pending.forEach(apply);
          return read();
        } finally {
          db.exec('ROLLBACK TO sandbox_preview');
          db.exec('RELEASE sandbox_preview');
        }
      };

      const select = (plan: Extract<QueryPlan, { kind: 'select' }>): string => {
        if (!reads.has(plan.table)) return reply(null, `This skill did not declare reading ${plan.table}.`);
        const found = withPendingWrites(() =>
          rows.select(
            { skillSlug: access.skillSlug, table: plan.table },
            { filters: plan.filters, order: plan.order, limit: plan.single ? 2 : (plan.limit ?? limits.maxRowsPerQuery) },
          ),
        );
        const data = found.map((row) => project(row, plan.columns));
        if (plan.single && data.length !== 1) return reply(null, `single() expects exactly one row, found ${data.length === 0 ? 'none' : 'more'}.`);
        const text = reply(plan.single ? data[0] : data, null);
        return utf8Bytes(text) <= limits.maxQueryResultBytes
          ? text
          : reply(null, `The result is larger than ${limits.maxQueryResultBytes} bytes; select fewer rows or columns.`);
      };

      const write = (plan: Extract<QueryPlan, { kind: 'insert' | 'update' }>): string => {
        if (!writes.has(plan.table)) return reply(null, `Writing to ${plan.table} was not approved for this version of the skill.`);
        const written = plan.kind === 'insert' ? plan.rows : [plan.patch];
        if (written.some((row) => utf8Bytes(JSON.stringify(row)) > limits.maxRowBytes)) {
          return reply(null, `A row is larger than ${limits.maxRowBytes} bytes.`);
        }
        if (pendingCount + written.length > limits.maxPendingWrites) {
          return reply(null, `More than ${limits.maxPendingWrites} rows written in one execution.`);
        }
        pendingCount += written.length;
        pending.push({ ...plan, at: options.now().toISOString() });
        return reply(null, null);
      };

      return {
        query(chain) {
          const parsed = parseQueryChain(chain, limits.maxRowsPerQuery);
          if (!parsed.ok) return reply(null, parsed.message);
          return parsed.plan.kind === 'select' ? select(parsed.plan) : write(parsed.plan);
        },
        commit() {
          pending.forEach(apply);
          pending.length = 0;
        },
      };
    },
  };
}
export type SkillDataGateway = ReturnType<typeof createSkillDataGateway>;

/** supabase-js shape: `{ data, error }`, the error a plain `{ message }`. */
function reply(data: unknown, error: string | null): string {
  return JSON.stringify({ data, error: error === null ? null : { message: error } });
}

function project(row: StoredRow, columns: string[] | '*'): Record<string, unknown> {
  if (columns === '*') return { id: row.id, ...row.data };
  // Own fields only: `constructor` must not find Object.prototype's.
  return Object.fromEntries(columns.map((c) => [c, c === 'id' ? row.id : Object.hasOwn(row.data, c) ? row.data[c] : null]));
}
