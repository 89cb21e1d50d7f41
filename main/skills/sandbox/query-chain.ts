// A skill's supabase-style call chain (`from(t).select('*').eq(c, v).order(c).limit(n)`), as recorded
// in the isolate, turned into a plan — or refused. This is where the API allowlist is enforced;
// the isolate's query builder only records calls.
import { QUERY_BLOCKED_METHODS, QUERY_READ_METHODS, QUERY_WRITE_METHODS, SKILL_TABLE_NAME } from '../../../shared/skills/api-allowlist.ts';
import { isBoundedString, isIntegerIn, isJsonValue, isRecord, parseJson, type JsonObject } from './json-guards.ts';

/** A column of a skill table: a field of the row's JSON, or `id`. Never `__proto__`. */
export const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const MAX_CHAIN_LENGTH = 32;
const MAX_ROWS_PER_INSERT = 500;
const MAX_VALUE_DEPTH = 32;

export type FilterValue = string | number | boolean | null;
export interface Filter {
  column: string;
  value: FilterValue;
}
export interface Ordering {
  column: string;
  ascending: boolean;
  nullsFirst: boolean | null;
}

export type QueryPlan =
  | { kind: 'select'; table: string; columns: string[] | '*'; filters: Filter[]; order: Ordering[]; limit: number | null; single: boolean }
  | { kind: 'insert'; table: string; rows: JsonObject[] }
  | { kind: 'update'; table: string; patch: JsonObject; filters: Filter[] };

export type ParsedChain = { ok: true; plan: QueryPlan } | { ok: false; message: string };

const KNOWN = new Set<string>([...QUERY_READ_METHODS, ...QUERY_WRITE_METHODS]);
const BLOCKED = new Set<string>(QUERY_BLOCKED_METHODS);

export function parseQueryChain(text: string, maxLimit: number): ParsedChain {
  const calls = parseJson(text);
  if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_CHAIN_LENGTH) return refuse('The query is not a valid call chain.');
  const steps: { method: string; args: unknown[] }[] = [];
  for (const call of calls) {
    if (!isRecord(call) || !isBoundedString(call.method, 64) || !Array.isArray(call.args) || call.args.length > 4) {
      return refuse('The query is not a valid call chain.');
    }
    if (BLOCKED.has(call.method)) return refuse(`${call.method}() is never allowed in a skill.`);
    if (!KNOWN.has(call.method)) return refuse(`${call.method}() is not available; allowed: ${[...KNOWN].join(', ')}.`);
    steps.push({ method: call.method, args: call.args });
  }
  const [first, action, ...modifiers] = steps;
  if (first?.method !== 'from') return refuse('A query must start with from(table).');
  const table = first.args[0];
  if (typeof table !== 'string' || !SKILL_TABLE_NAME.test(table)) return refuse(`${describe(table)} is not a valid skill table name.`);
  switch (action?.method) {
    case 'select':
      return planSelect(table, action.args, modifiers, maxLimit);
    case 'insert':
      return modifiers.length > 0 ? refuse('insert() takes no filters or modifiers.') : planInsert(table, action.args);
    case 'update':
      return planUpdate(table, action.args, modifiers);
    default:
      return refuse('After from(table) call select(), insert() or update().');
  }
}

function planSelect(table: string, args: unknown[], modifiers: { method: string; args: unknown[] }[], maxLimit: number): ParsedChain {
  const columns = parseColumns(args[0]);
  if (columns === null) return refuse('select() takes "*" or a comma-separated list of column names.');
  const plan: QueryPlan = { kind: 'select', table, columns, filters: [], order: [], limit: null, single: false };
  for (const { method, args: margs } of modifiers) {
    if (method === 'eq') {
      const filter = parseFilter(margs);
      if (!filter) return refuse('eq() takes a column name and a string, number, boolean or null.');
      plan.filters.push(filter);
    } else if (method === 'order') {
      const ordering = parseOrdering(margs);
      if (!ordering) return refuse('order() takes a column name and optionally { ascending, nullsFirst }.');
      plan.order.push(ordering);
    } else if (method === 'limit') {
      if (!isIntegerIn(margs[0], 1, maxLimit)) return refuse(`limit() takes a whole number from 1 to ${maxLimit}.`);
      plan.limit = margs[0];
    } else if (method === 'single') {
      plan.single = true;
    } else {
      return refuse(`${method}() cannot follow select().`);
    }
  }
  return { ok: true, plan };
}

function planInsert(table: string, args: unknown[]): ParsedChain {
  const rows = Array.isArray(args[0]) ? args[0] : [args[0]];
  if (rows.length === 0 || rows.length > MAX_ROWS_PER_INSERT) return refuse(`insert() takes one row or 1 to ${MAX_ROWS_PER_INSERT} rows.`);
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem) return refuse(`insert(): ${problem}`);
  }
  return { ok: true, plan: { kind: 'insert', table, rows: rows as JsonObject[] } };
}

function planUpdate(table: string, args: unknown[], modifiers: { method: string; args: unknown[] }[]): ParsedChain {
  const problem = rowProblem(args[0]);
  if (problem) return refuse(`update(): ${problem}`);
  const filters: Filter[] = [];
  for (const { method, args: margs } of modifiers) {
    const filter = method === 'eq' ? parseFilter(margs) : null;
    if (!filter) return refuse('update() can only be followed by eq(column, value).');
    filters.push(filter);
  }
  // Fail secure: an update without a filter would rewrite the whole table.
  if (filters.length === 0) return refuse('update() needs at least one eq(column, value) filter.');
  return { ok: true, plan: { kind: 'update', table, patch: args[0] as JsonObject, filters } };
}

function parseColumns(value: unknown): string[] | '*' | null {
  if (value === undefined || value === '*') return '*';
  if (typeof value !== 'string' || value.length > 2_000) return null;
  const columns = value.split(',').map((c) => c.trim());
  return columns.every(isColumn) ? columns : null;
}

function parseFilter([column, value]: unknown[]): Filter | null {
  const scalar = value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
  return isColumn(column) && scalar ? { column, value: value as FilterValue } : null;
}

function parseOrdering([column, options]: unknown[]): Ordering | null {
  if (!isColumn(column)) return null;
  if (options === undefined) return { column, ascending: true, nullsFirst: null };
  if (!isRecord(options)) return null;
  const { ascending = true, nullsFirst = null } = options;
  if (typeof ascending !== 'boolean' || (nullsFirst !== null && typeof nullsFirst !== 'boolean')) return null;
  return { column, ascending, nullsFirst };
}

/** A row or patch: a JSON object whose keys are column names; `id` is assigned by Foundry. */
function rowProblem(value: unknown): string | null {
  if (!isRecord(value)) return 'a row must be an object.';
  const keys = Object.keys(value);
  if (keys.length === 0) return 'a row needs at least one column.';
  const bad = keys.find((key) => !isColumn(key) || key === 'id');
  if (bad !== undefined) return `${describe(bad)} is not a column name a skill may write.`;
  if (!isJsonValue(value, MAX_VALUE_DEPTH)) return 'values must be JSON data (at most 32 levels deep).';
  return null;
}

function isColumn(value: unknown): value is string {
  return typeof value === 'string' && COLUMN_NAME.test(value) && value !== '__proto__';
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : typeof value;
}

function refuse(message: string): ParsedChain {
  return { ok: false, message };
}
