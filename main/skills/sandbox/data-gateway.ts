// SkillDataGateway: answers a skill's queries in main, against the store, within one execution's
// scope. The host process never opens the database: it only forwards call chains, so a
// compromised host still cannot reach a table the skill did not declare, and main alone decides.
//
// Writes are held back per execution and applied in one transaction only when the execution
// succeeds (fail secure). The execution's own reads must see them, yet no transaction may stay
// open while main waits for the host: main's other work (approvals, the audit log) would land
// inside it and vanish with a failed execution. So the gateway keeps the *net effect* of the
// execution's writes — the rows it inserted and the current content of each existing row it
// updated — and applies that inside a savepoint around each query, rolled back at once. Its
// cost is one row write per row touched, however many updates touched it: a skill that queues
// hundreds of updates matching every row pays per row it actually touches, and the limits
// below (rows touched, bytes written) bound what any query replays.
import type { Db } from '../../store/open-database.ts';
import { createSkillRowsRepository, type StoredRow } from '../../store/repositories/skill-rows.ts';
import type { SandboxLimits } from './limits.ts';
import { parseQueryChain, type QueryPlan } from './query-chain.ts';
import { utf8Bytes, type JsonObject } from './json-guards.ts';

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

export type GatewayLimits = Pick<SandboxLimits, 'maxRowsPerQuery' | 'maxRowBytes' | 'maxRowsTouched' | 'maxBytesWritten' | 'maxQueryResultBytes'>;

/** One row as the execution last wrote it. */
interface WrittenRow {
  table: string;
  data: Record<string, unknown>;
  at: string;
}

export function createSkillDataGateway(db: Db, options: { limits: GatewayLimits; now: () => Date }) {
  const rows = createSkillRowsRepository(db);
  const lastInsertId = db.prepare<[], { id: number }>('SELECT last_insert_rowid() AS id');
  const { limits } = options;

  return {
    open(access: DataAccess): ExecutionDataScope {
      const reads = new Set(access.reads);
      const writes = new Set(access.writes);
      const inserted: WrittenRow[] = [];
      /** Existing rows the execution updated, by id, with their content after its updates. */
      const updated = new Map<number, WrittenRow>();
      let rowsTouched = 0;
      let bytesWritten = 0;

      /** Applies the net effect of the writes; returns which inserted row each new id holds. */
      const apply = (): Map<number, WrittenRow> => {
        const insertedById = new Map<number, WrittenRow>();
        for (const row of inserted) {
          rows.insert(partitionOf(row.table), [row.data], row.at);
          insertedById.set(lastInsertId.get()!.id, row);
        }
        // A merge of the full content: every key the row had is in it, as updates only add or replace keys.
        for (const [id, row] of updated) rows.update(partitionOf(row.table), [{ column: 'id', value: id }], row.data, row.at);
        return insertedById;
      };

      const partitionOf = (table: string) => ({ skillSlug: access.skillSlug, table });

      /** Runs `work` against the store as this execution sees it, then undoes every change. */
      const withOwnWrites = <T>(work: (insertedById: Map<number, WrittenRow>) => T): T => {
        db.exec('SAVEPOINT sandbox_preview');
        try {
          return work(apply());
        } finally {
          db.exec('ROLLBACK TO sandbox_preview');
          db.exec('RELEASE sandbox_preview');
        }
      };

      /** Counts rows and bytes against the execution's limits; the refusal, or null once counted. */
      const count = (written: readonly Record<string, unknown>[]): string | null => {
        const sizes = written.map((row) => utf8Bytes(JSON.stringify(row)));
        if (sizes.some((size) => size > limits.maxRowBytes)) return `A row is larger than ${limits.maxRowBytes} bytes.`;
        if (rowsTouched + written.length > limits.maxRowsTouched) {
          return `More than ${limits.maxRowsTouched} rows touched in one execution (each row an update changes counts).`;
        }
        const bytes = sizes.reduce((sum, size) => sum + size, 0);
        if (bytesWritten + bytes > limits.maxBytesWritten) return `More than ${limits.maxBytesWritten} bytes written in one execution.`;
        rowsTouched += written.length;
        bytesWritten += bytes;
        return null;
      };

      const select = (plan: Extract<QueryPlan, { kind: 'select' }>): string => {
        if (!reads.has(plan.table)) return reply(null, `This skill did not declare reading ${plan.table}.`);
        const read = () =>
          rows.select(partitionOf(plan.table), { filters: plan.filters, order: plan.order, limit: plan.single ? 2 : (plan.limit ?? limits.maxRowsPerQuery) });
        const found = inserted.length + updated.size === 0 ? read() : withOwnWrites(read);
        const data = found.map((row) => project(row, plan.columns));
        if (plan.single && data.length !== 1) return reply(null, `single() expects exactly one row, found ${data.length === 0 ? 'none' : 'more'}.`);
        const text = reply(plan.single ? data[0] : data, null);
        return utf8Bytes(text) <= limits.maxQueryResultBytes
          ? text
          : reply(null, `The result is larger than ${limits.maxQueryResultBytes} bytes; select fewer rows or columns.`);
      };

      const insert = (plan: Extract<QueryPlan, { kind: 'insert' }>): string => {
        const refusal = count(plan.rows);
        if (refusal) return reply(null, refusal);
        const at = options.now().toISOString();
        for (const data of plan.rows) inserted.push({ table: plan.table, data, at });
        return reply(null, null);
      };

      const update = (plan: Extract<QueryPlan, { kind: 'update' }>): string => {
        const at = options.now().toISOString();
        const refusal = withOwnWrites((insertedById) => {
          // One row past what the execution may still touch is enough to refuse: the scan stops there.
          const remaining = limits.maxRowsTouched - rowsTouched;
          const matched = rows.select(partitionOf(plan.table), { filters: plan.filters, order: [], limit: remaining + 1 });
          const merged = matched.map((row) => ({ id: row.id, data: merge(row.data, plan.patch) }));
          const problem = count(merged.map((row) => row.data));
          if (problem) return problem;
          for (const { id, data } of merged) {
            const own = insertedById.get(id);
            if (own) own.data = data;
            else updated.set(id, { table: plan.table, data, at });
          }
          return null;
        });
        return reply(null, refusal);
      };

      return {
        query(chain) {
          const parsed = parseQueryChain(chain, limits.maxRowsPerQuery);
          if (!parsed.ok) return reply(null, parsed.message);
          const { plan } = parsed;
          if (plan.kind === 'select') return select(plan);
          if (!writes.has(plan.table)) return reply(null, `Writing to ${plan.table} was not approved for this version of the skill.`);
          return plan.kind === 'insert' ? insert(plan) : update(plan);
        },
        commit() {
          apply();
          inserted.length = 0;
          updated.clear();
        },
      };
    },
  };
}
export type SkillDataGateway = ReturnType<typeof createSkillDataGateway>;

/** What an update makes of a row: the patch's fields over the row's (spread defines keys, never invokes a `__proto__` setter). */
function merge(row: Record<string, unknown>, patch: JsonObject): Record<string, unknown> {
  return { ...row, ...patch };
}

/** supabase-js shape: `{ data, error }`, the error a plain `{ message }`. */
function reply(data: unknown, error: string | null): string {
  return JSON.stringify({ data, error: error === null ? null : { message: error } });
}

function project(row: StoredRow, columns: string[] | '*'): Record<string, unknown> {
  if (columns === '*') return { id: row.id, ...row.data };
  // Own fields only: `constructor` must not find Object.prototype's.
  return Object.fromEntries(columns.map((c) => [c, c === 'id' ? row.id : Object.hasOwn(row.data, c) ? row.data[c] : null]));
}
