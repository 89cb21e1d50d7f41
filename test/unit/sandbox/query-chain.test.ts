import { describe, expect, it } from 'vitest';
import { parseQueryChain } from '../../../main/skills/sandbox/query-chain.ts';

const chain = (...calls: [string, ...unknown[]][]) => JSON.stringify(calls.map(([method, ...args]) => ({ method, args })));
const parse = (...calls: [string, ...unknown[]][]) => parseQueryChain(chain(...calls), 1000);
const refusal = (...calls: [string, ...unknown[]][]) => {
  const parsed = parse(...calls);
  return parsed.ok ? null : parsed.message;
};

describe('query chains', () => {
  it('plans a select with filters, ordering, limit and single', () => {
    expect(parse(['from', 'exo_water_entries'], ['select', 'amount_ml, logged_at'], ['eq', 'tenant_id', 't'], ['order', 'logged_at', { ascending: false, nullsFirst: true }], ['limit', 5], ['single'])).toEqual({
      ok: true,
      plan: {
        kind: 'select',
        table: 'exo_water_entries',
        columns: ['amount_ml', 'logged_at'],
        filters: [{ column: 'tenant_id', value: 't' }],
        order: [{ column: 'logged_at', ascending: false, nullsFirst: true }],
        limit: 5,
        single: true,
      },
    });
  });

  it('plans inserts of one row or many, and updates with filters', () => {
    expect(parse(['from', 'exo_a'], ['insert', { a: 1 }])).toEqual({ ok: true, plan: { kind: 'insert', table: 'exo_a', rows: [{ a: 1 }] } });
    expect(parse(['from', 'exo_a'], ['insert', [{ a: 1 }, { a: 2 }]])).toMatchObject({ ok: true, plan: { rows: [{ a: 1 }, { a: 2 }] } });
    expect(parse(['from', 'exo_a'], ['update', { a: 3 }], ['eq', 'id', 4])).toEqual({
      ok: true,
      plan: { kind: 'update', table: 'exo_a', patch: { a: 3 }, filters: [{ column: 'id', value: 4 }] },
    });
  });

  it('refuses blocked and unknown methods wherever they appear', () => {
    expect(refusal(['rpc', 'fn'])).toBe('rpc() is never allowed in a skill.');
    expect(refusal(['from', 'exo_a'], ['delete'])).toBe('delete() is never allowed in a skill.');
    expect(refusal(['from', 'exo_a'], ['select'], ['eq', 'a', 1], ['rpc'])).toBe('rpc() is never allowed in a skill.');
    expect(refusal(['from', 'exo_a'], ['upsert', { a: 1 }])).toMatch(/^upsert\(\) is not available/);
    expect(refusal(['from', 'exo_a'], ['select'], ['then'])).toMatch(/^then\(\) is not available/);
  });

  it('refuses table and column names that are not plain identifiers', () => {
    expect(refusal(['from', 'skill_rows'], ['select'])).toBe('"skill_rows" is not a valid skill table name.');
    expect(refusal(['from', 'exo_a; drop table x'], ['select'])).toMatch(/is not a valid skill table name/);
    expect(refusal(['from', 'exo_a'], ['select', 'a, b)'])).toMatch(/^select\(\) takes/);
    expect(refusal(['from', 'exo_a'], ['select'], ['eq', '$.a', 1])).toMatch(/^eq\(\) takes/);
    expect(refusal(['from', 'exo_a'], ['select'], ['order', 'a[0]'])).toMatch(/^order\(\) takes/);
    expect(refusal(['from', 'exo_a'], ['insert', { __proto__x: 1, ['__proto__']: 1 }])).toBe('insert(): "__proto__" is not a column name a skill may write.');
    expect(refusal(['from', 'exo_a'], ['insert', { 'A-B': 1 }])).toBe('insert(): "A-B" is not a column name a skill may write.');
  });

  it('refuses filters that are not scalars and rows that are not objects', () => {
    expect(refusal(['from', 'exo_a'], ['select'], ['eq', 'a', { $gt: 1 }])).toMatch(/^eq\(\) takes/);
    expect(refusal(['from', 'exo_a'], ['insert', 'row'])).toBe('insert(): a row must be an object.');
    expect(refusal(['from', 'exo_a'], ['insert', []])).toMatch(/^insert\(\) takes one row or 1 to/);
    expect(refusal(['from', 'exo_a'], ['insert', { a: nest(40) }])).toBe('insert(): values must be JSON data (at most 32 levels deep).');
  });

  it('refuses an update without a filter, and modifiers after insert', () => {
    expect(refusal(['from', 'exo_a'], ['update', { a: 1 }])).toBe('update() needs at least one eq(column, value) filter.');
    expect(refusal(['from', 'exo_a'], ['update', { a: 1 }], ['limit', 1])).toBe('update() can only be followed by eq(column, value).');
    expect(refusal(['from', 'exo_a'], ['insert', { a: 1 }], ['eq', 'a', 1])).toBe('insert() takes no filters or modifiers.');
  });

  it('bounds limit() and the chain itself', () => {
    expect(refusal(['from', 'exo_a'], ['select'], ['limit', 0])).toBe('limit() takes a whole number from 1 to 1000.');
    expect(refusal(['from', 'exo_a'], ['select'], ['limit', 1001])).toBe('limit() takes a whole number from 1 to 1000.');
    expect(parseQueryChain('not json', 10)).toEqual({ ok: false, message: 'The query is not a valid call chain.' });
    expect(parseQueryChain(JSON.stringify(Array.from({ length: 40 }, () => ({ method: 'eq', args: [] }))), 10).ok).toBe(false);
    expect(refusal(['select', '*'])).toBe('A query must start with from(table).');
  });
});

function nest(depth: number): unknown {
  return depth === 0 ? 1 : { x: nest(depth - 1) };
}
