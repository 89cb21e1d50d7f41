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
    const capped = open('custom-a', { maxPendingWrites: 2 });
    expect(ask(capped, ['from', TABLE], ['insert', [{ a: 1 }, { a: 2 }]]).error).toBeNull();
    expect(ask(capped, ['from', TABLE], ['insert', { a: 3 }]).error?.message).toBe('More than 2 rows written in one execution.');
  });

  it('caps an unlimited select at maxRowsPerQuery', () => {
    committed('custom-a', Array.from({ length: 5 }, (_, i) => ({ i })));
    expect(ask(open('custom-a', { maxRowsPerQuery: 3 }), ['from', TABLE], ['select']).data).toHaveLength(3);
  });
});
