// Runs a trusted template's code against stand-ins for the API issue 11 gives skills
// (`foundry.config`, and `foundry.http` answering from sample answers as the dry run will), in a
// node:vm context of this test process. It exists only until the sandbox hands skills that API
// (issue 11 §1 sandbox wiring): what a template does with its settings and answers is tested here,
// isolation and limits in the sandbox's own tests. Never a place for untrusted code.
import vm from 'node:vm';
import type { HttpSample } from '../../../shared/skills/candidate.ts';
import { transpileSkill } from '../../../main/skills/sandbox/host/transpile.ts';

type Row = Record<string, unknown>;
interface Query {
  table: string;
  filters: [string, unknown][];
  order: { column: string; ascending: boolean } | null;
  limit: number | null;
  insert: Row | null;
}

export interface FakeSkillHost {
  call(method: 'getData' | 'getInsights' | 'getActions'): Promise<unknown>;
  call(method: 'executeAction', action: string, params?: Record<string, unknown>): Promise<unknown>;
  /** What the next requests are answered with; a request without an answer rejects, as in a dry run. */
  answer(samples: HttpSample[]): void;
  rows(table: string): Row[];
  notifications: { title: string; body: string }[];
  requests: { method: string; url: string; headers: Record<string, string> }[];
}

function runQuery(tables: Map<string, Row[]>, query: Query): { data: Row[] | null; error: null } {
  const rows = tables.get(query.table) ?? [];
  if (query.insert) {
    tables.set(query.table, [...rows, structuredClone(query.insert)]);
    return { data: null, error: null };
  }
  let found = rows.filter((row) => query.filters.every(([column, value]) => row[column] === value));
  const order = query.order;
  if (order) found = found.toSorted((a, b) => (a[order.column]! < b[order.column]! ? -1 : a[order.column]! > b[order.column]! ? 1 : 0) * (order.ascending ? 1 : -1));
  return { data: structuredClone(found.slice(0, query.limit ?? undefined)), error: null };
}

/** The query builder a skill sees: from/select/eq/order/limit/insert, awaited for `{ data, error }`. */
function fakeSupabase(tables: Map<string, Row[]>) {
  return {
    from(table: string) {
      const query: Query = { table, filters: [], order: null, limit: null, insert: null };
      const builder = {
        select: () => builder,
        eq: (column: string, value: unknown) => (query.filters.push([column, value]), builder),
        order: (column: string, options: { ascending: boolean }) => ((query.order = { column, ascending: options.ascending }), builder),
        limit: (count: number) => ((query.limit = count), builder),
        insert: (row: Row) => ((query.insert = row), builder),
        then: (resolve: (value: unknown) => unknown) => Promise.resolve(runQuery(tables, query)).then(resolve),
      };
      return builder;
    },
  };
}

function matches(sample: HttpSample, method: string, url: string): boolean {
  const sampleUrl = new URL(sample.url);
  const asked = new URL(url);
  if ((sample.method ?? 'GET') !== method) return false;
  return sampleUrl.search === '' ? `${asked.origin}${asked.pathname}` === `${sampleUrl.origin}${sampleUrl.pathname}` : asked.href === sampleUrl.href;
}

/** A clock a minute further at every reading, so the order of readings never rests on a tie. */
function minuteClock(): () => string {
  let minutes = 0;
  return () => new Date(Date.UTC(2026, 11, 1, 8, minutes++)).toISOString();
}

export function fakeSkillHost(code: string, config: Record<string, unknown>, now = minuteClock()): FakeSkillHost {
  const transpiled = transpileSkill(code);
  if (!transpiled.ok) throw new Error(transpiled.message);
  const tables = new Map<string, Row[]>();
  let samples: HttpSample[] = [];
  const host: Omit<FakeSkillHost, 'call'> = {
    answer: (next) => {
      samples = next;
    },
    rows: (table) => structuredClone(tables.get(table) ?? []),
    notifications: [],
    requests: [],
  };
  const fetch = async (url: string, init: { method?: string; headers?: Record<string, string> } = {}) => {
    const method = init.method ?? 'GET';
    host.requests.push({ method, url, headers: init.headers ?? {} });
    const sample = samples.find((s) => matches(s, method, url));
    if (!sample) throw new Error(`no sample answer for ${method} ${url}`);
    const body = typeof sample.body === 'string' ? sample.body : JSON.stringify(sample.body);
    const status = sample.status ?? 200;
    return { status, ok: status >= 200 && status < 300, headers: sample.headers ?? {}, body, json: () => JSON.parse(body) as unknown };
  };
  const foundry = Object.freeze({
    config: Object.freeze({ ...config }),
    now,
    log: () => {},
    notify: (title: string, body: string) => {
      host.notifications.push({ title, body });
      return { ok: true };
    },
    http: Object.freeze({
      fetch,
      get: (url: string, options: { headers?: Record<string, string> } = {}) => fetch(url, { method: 'GET', ...options }),
    }),
  });
  const context = vm.createContext({ supabase: fakeSupabase(tables), foundry });
  const factory = vm.runInContext(transpiled.script, context) as (exports: Record<string, unknown>, module: { exports: Record<string, unknown> }) => void;
  const module = { exports: {} as Record<string, unknown> };
  factory(module.exports, module);
  const Executor = Object.values(module.exports)[0] as new () => Record<string, (...args: unknown[]) => unknown>;
  const skill = new Executor();
  const call = (method: string, ...args: unknown[]) =>
    Promise.resolve(method === 'executeAction' ? skill.executeAction!('tenant-1', args[0], args[1] ?? {}) : skill[method]!('tenant-1'));
  return { ...host, call } as FakeSkillHost;
}
