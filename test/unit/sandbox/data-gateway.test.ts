import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSkillDataGateway, type ExecutionDataScope } from '../../../main/skills/sandbox/data-gateway.ts';
import { DEFAULT_LIMITS } from '../../../main/skills/sandbox/limits.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();
let store: FoundryStore;
beforeEach(() => {
  store = openFoundryStore(tempDir(), { now: () => new Date('2026-01-02T03:04:05.000Z') });
});
afterEach(() => store.close());

const TABLE = 'exo_entries';
const chain = (...calls: [string, ...unknown[]][]) => JSON.stringify(calls.map(([method, ...args]) => ({ method, args })));
const ask = (scope: ExecutionDataScope, ...calls: [string, ...unknown[]][]) => JSON.parse(scope.query(chain(...calls))) as { data: unknown; error: { message: string } | null };

function open(skillSlug = 'custom-a', limits: Partial<typeof DEFAULT_LIMITS> = {}) {
  const gateway = createSkillDataGateway(store.db, { limits: { ...DEFAULT_LIMITS, ...limits }, now: store.now });
  return gateway.open({ skillSlug, reads: [TABLE], writes: [TABLE] });
}

function committed(skillSlug = 'custom-a', rows: Record<string, unknown>[] = []) {
  const scope = open(skillSlug);
  if (rows.length) ask(scope, ['from', TABLE], ['insert', rows]);
  store.db.transaction(() => scope.commit())();
}

describe('the skill data gateway', () => {
  it('holds writes back until commit, while the execution itself sees them', () => {
    const scope = open();
    expect(ask(scope, ['from', TABLE], ['insert', { n: 1 }])).toEqual({ data: null, error: null });
    expect(ask(scope, ['from', TABLE], ['select', 'n'])).toEqual({ data: [{ n: 1 }], error: null });
    expect(store.db.prepare('SELECT count(*) AS n FROM skill_rows').get()).toEqual({ n: 0 });
    store.db.transaction(() => scope.commit())();
    expect(store.db.prepare('SELECT data, created_at FROM skill_rows').all()).toEqual([{ data: '{"n":1}', created_at: '2026-01-02T03:04:05.000Z' }]);
  });

  it('keeps each skill in its own partition of a table name', () => {
    committed('custom-a', [{ secret: 'a' }]);
    committed('custom-b', [{ secret: 'b' }]);
    expect(ask(open('custom-b'), ['from', TABLE], ['select', 'secret'])).toEqual({ data: [{ secret: 'b' }], error: null });
    const update = open('custom-b');
    ask(update, ['from', TABLE], ['update', { secret: 'overwritten' }], ['eq', 'secret', 'a']);
    store.db.transaction(() => update.commit())();
    expect(ask(open('custom-a'), ['from', TABLE], ['select', 'secret'])).toEqual({ data: [{ secret: 'a' }], error: null });
  });

  it('filters on JSON fields by value type, including null and booleans', () => {
    committed('custom-a', [{ k: 1, flag: true }, { k: '1', flag: false }, { k: null }, { other: 1 }]);
    const scope = open();
    const ids = (...calls: [string, ...unknown[]][]) => (ask(scope, ['from', TABLE], ['select', 'id'], ...calls).data as { id: number }[]).map((r) => r.id);
    expect(ids(['eq', 'k', 1])).toEqual([1]);
    expect(ids(['eq', 'k', '1'])).toEqual([2]);
    expect(ids(['eq', 'k', null])).toEqual([3, 4]);
    expect(ids(['eq', 'flag', true])).toEqual([1]);
    expect(ids(['eq', 'flag', false])).toEqual([2]);
    expect(ids(['eq', 'id', 2])).toEqual([2]);
  });

  it('orders and limits', () => {
    committed('custom-a', [{ at: 'b' }, { at: null }, { at: 'c' }, { at: 'a' }]);
    const scope = open();
    const at = (...calls: [string, ...unknown[]][]) => (ask(scope, ['from', TABLE], ['select', 'at'], ...calls).data as { at: unknown }[]).map((r) => r.at);
    expect(at(['order', 'at'])).toEqual([null, 'a', 'b', 'c']);
    expect(at(['order', 'at', { ascending: false }], ['limit', 2])).toEqual(['c', 'b']);
    expect(at(['order', 'at', { ascending: true, nullsFirst: false }])).toEqual(['a', 'b', 'c', null]);
  });

  it('projects only the row’s own fields', () => {
    committed('custom-a', [{ name: 'x' }]);
    expect(ask(open(), ['from', TABLE], ['select', 'id, name, constructor, missing']).data).toEqual([{ id: 1, name: 'x', constructor: null, missing: null }]);
  });

  it('bounds result size, row size and the number of rows written', () => {
    committed('custom-a', [{ blob: 'x'.repeat(600) }, { blob: 'y'.repeat(600) }]);
    expect(ask(open('custom-a', { maxQueryResultBytes: 1_000 }), ['from', TABLE], ['select']).error?.message).toBe(
      'The result is larger than 1000 bytes; select fewer rows or columns.',
    );
    expect(ask(open('custom-a', { maxRowBytes: 100 }), ['from', TABLE], ['insert', { blob: 'z'.repeat(200) }]).error?.message).toBe('A row is larger than 100 bytes.');
    const capped = open('custom-a', { maxRowsTouched: 2 });
    expect(ask(capped, ['from', TABLE], ['insert', [{ a: 1 }, { a: 2 }]]).error).toBeNull();
    expect(ask(capped, ['from', TABLE], ['insert', { a: 3 }]).error?.message).toBe('More than 2 rows touched in one execution (each row an update changes counts).');
  });

  it('counts an update as every row it changes, so repeated updates of a whole table hit the limit', () => {
    committed('custom-a', Array.from({ length: 10 }, (_, i) => ({ i, n: 0 })));
    const scope = open('custom-a', { maxRowsTouched: 25 });
    const touchAll = () => ask(scope, ['from', TABLE], ['update', { n: 1 }], ['eq', 'n', 0]);
    const again = () => ask(scope, ['from', TABLE], ['update', { n: 0 }], ['eq', 'n', 1]);
    expect(touchAll().error).toBeNull();
    expect(again().error).toBeNull();
    expect(touchAll().error?.message).toBe('More than 25 rows touched in one execution (each row an update changes counts).');
    // The refused update changed nothing: the execution still sees its second update.
    expect(ask(scope, ['from', TABLE], ['select', 'n'], ['eq', 'n', 0]).data).toHaveLength(10);
  });

  it('bounds the bytes one execution writes, rewritten rows included', () => {
    committed('custom-a', [{ blob: 'x'.repeat(400) }, { blob: 'y'.repeat(400) }]);
    const scope = open('custom-a', { maxBytesWritten: 1_000 });
    expect(ask(scope, ['from', TABLE], ['update', { tag: 1 }], ['eq', 'tag', null]).error).toBeNull();
    expect(ask(scope, ['from', TABLE], ['update', { tag: 2 }], ['eq', 'tag', 1]).error?.message).toBe('More than 1000 bytes written in one execution.');
  });

  it('lets later reads and updates of one execution see the rows it inserted and updated, and commits their final state', () => {
    committed('custom-a', [{ name: 'old', n: 1 }]);
    const scope = open();
    ask(scope, ['from', TABLE], ['insert', { name: 'new', n: 1 }]);
    ask(scope, ['from', TABLE], ['update', { n: 2 }], ['eq', 'n', 1]);
    ask(scope, ['from', TABLE], ['update', { seen: true }], ['eq', 'n', 2]);
    expect(ask(scope, ['from', TABLE], ['select', 'name, n, seen']).data).toEqual([
      { name: 'old', n: 2, seen: true },
      { name: 'new', n: 2, seen: true },
    ]);
    expect(store.db.prepare('SELECT data FROM skill_rows ORDER BY id').all()).toEqual([{ data: '{"name":"old","n":1}' }]);
    store.db.transaction(() => scope.commit())();
    expect(store.db.prepare('SELECT data FROM skill_rows ORDER BY id').all()).toEqual([
      { data: '{"name":"old","n":2,"seen":true}' },
      { data: '{"name":"new","n":2,"seen":true}' },
    ]);
  });

  it('caps an unlimited select at maxRowsPerQuery', () => {
    committed('custom-a', Array.from({ length: 5 }, (_, i) => ({ i })));
    expect(ask(open('custom-a', { maxRowsPerQuery: 3 }), ['from', TABLE], ['select']).data).toHaveLength(3);
  });
});
