// Rows of skills' own tables: each (skill, table) is a partition of `skill_rows`, the row itself a
// JSON object in `data`. Column names reach SQL only as bound JSON paths, and callers pass
// names already checked against COLUMN_NAME (main/skills/sandbox/query-chain.ts); SQL text is
// assembled from fixed fragments only.
import type { Db } from '../open-database.ts';

export type RowValue = string | number | boolean | null;
export interface RowFilter {
  column: string;
  value: RowValue;
}
export interface RowOrder {
  column: string;
  ascending: boolean;
  nullsFirst: boolean | null;
}
export interface StoredRow {
  id: number;
  data: Record<string, unknown>;
}

interface Partition {
  skillSlug: string;
  table: string;
}

export function createSkillRowsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO skill_rows (skill_slug, table_name, data, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const rewrite = db.prepare(`UPDATE skill_rows SET data = ?, updated_at = ? WHERE id = ?`);
  const removeAll = db.prepare('DELETE FROM skill_rows WHERE skill_slug = ?');

  function where(partition: Partition, filters: readonly RowFilter[]): { sql: string; params: unknown[] } {
    const clauses = ['skill_slug = ?', 'table_name = ?'];
    const params: unknown[] = [partition.skillSlug, partition.table];
    for (const filter of filters) {
      // IS, not =: eq(column, null) finds rows where the field is null or missing.
      clauses.push(filter.column === 'id' ? 'id IS ?' : 'json_extract(data, ?) IS ?');
      if (filter.column !== 'id') params.push(jsonPath(filter.column));
      params.push(typeof filter.value === 'boolean' ? Number(filter.value) : filter.value);
    }
    return { sql: clauses.join(' AND '), params };
  }

  function select(partition: Partition, query: { filters: readonly RowFilter[]; order: readonly RowOrder[]; limit: number }): StoredRow[] {
    const filter = where(partition, query.filters);
    const orderSql: string[] = [];
    const orderParams: unknown[] = [];
    for (const order of query.order) {
      const nulls = order.nullsFirst === null ? '' : order.nullsFirst ? ' NULLS FIRST' : ' NULLS LAST';
      orderSql.push(`${order.column === 'id' ? 'id' : 'json_extract(data, ?)'} ${order.ascending ? 'ASC' : 'DESC'}${nulls}`);
      if (order.column !== 'id') orderParams.push(jsonPath(order.column));
    }
    orderSql.push('id ASC');
    const rows = db
      .prepare<unknown[], { id: number; data: string }>(`SELECT id, data FROM skill_rows WHERE ${filter.sql} ORDER BY ${orderSql.join(', ')} LIMIT ?`)
      .all(...filter.params, ...orderParams, query.limit);
    return rows.map((row) => ({ id: row.id, data: JSON.parse(row.data) as Record<string, unknown> }));
  }

  return {
    /** Drops every row of one partition (a dry run's scratch data). */
    removePartition(skillSlug: string): number {
      return removeAll.run(skillSlug).changes;
    },
    select,
    insert(partition: Partition, rows: readonly Record<string, unknown>[], now: string): void {
      for (const row of rows) insert.run(partition.skillSlug, partition.table, JSON.stringify(row), now, now);
    },
    /** Merges `patch` into every matching row. */
    update(partition: Partition, filters: readonly RowFilter[], patch: Record<string, unknown>, now: string): void {
      const filter = where(partition, filters);
      const matched = db
        .prepare<unknown[], { id: number; data: string }>(`SELECT id, data FROM skill_rows WHERE ${filter.sql}`)
        .all(...filter.params);
      for (const row of matched) {
        // Spread defines keys (never invokes a `__proto__` setter).
        const merged = { ...(JSON.parse(row.data) as Record<string, unknown>), ...patch };
        rewrite.run(JSON.stringify(merged), now, row.id);
      }
    },
  };
}
export type SkillRowsRepository = ReturnType<typeof createSkillRowsRepository>;

function jsonPath(column: string): string {
  return `$.${column}`;
}
