// The run form's schema reading and checks (renderer/src/views/skills/params-form.ts), and the
// Activity filters' cleaning: what the window refuses before anything is sent to main.
import { describe, expect, it } from 'vitest';
import { checkParams, fieldsOf, hintOf, initialValues, parseNumber } from '../../../renderer/src/views/skills/params-form.ts';
import { cleanFilter, isFiltered } from '../../../renderer/src/store/feed-filter.ts';

/** log_water's params_schema as the offline generator writes it. */
const LOG_WATER = {
  type: 'object',
  required: ['amount_ml'],
  properties: {
    amount_ml: { type: 'number', exclusiveMinimum: 0, maximum: 5000 },
    note: { type: 'string', minLength: 1, maxLength: 200 },
  },
  additionalProperties: false,
};

describe('fieldsOf', () => {
  it('reads one field per property with its kind, required flag and bounds', () => {
    const [amount, note] = fieldsOf(LOG_WATER);
    expect(amount).toMatchObject({ name: 'amount_ml', kind: 'number', required: true, exclusiveMinimum: 0, maximum: 5000, minimum: null });
    expect(note).toMatchObject({ name: 'note', kind: 'string', required: false, minLength: 1, maxLength: 200 });
  });

  it('understands draft-4 boolean exclusive bounds, enums, const, nullable types and titles', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        glasses: { type: 'integer', minimum: 0, exclusiveMinimum: true, maximum: 20, title: 'Glasses' },
        unit: { enum: ['ml', 'l'] },
        fixed: { const: 'yes' },
        maybe: { type: ['null', 'boolean'] },
        extra: { type: 'object' },
        anything: {},
      },
    });
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['glasses', 'integer'], ['unit', 'enum'], ['fixed', 'enum'], ['maybe', 'boolean'], ['extra', 'json'], ['anything', 'json'],
    ]);
    expect(fields[0]).toMatchObject({ label: 'Glasses', minimum: null, exclusiveMinimum: 0, maximum: 20 });
    expect(fields[2]!.options).toEqual(['yes']);
    expect(fields[4]!.jsonType).toBe('object');
    expect(fields[5]!.jsonType).toBeNull();
  });

  it('tolerates a schema without properties', () => {
    expect(fieldsOf({ type: 'object' })).toEqual([]);
    expect(fieldsOf({ properties: 'nope' })).toEqual([]);
  });
});

describe('checkParams', () => {
  const fields = fieldsOf(LOG_WATER);

  it('sends the typed values with their JSON types and leaves empty optional fields out', () => {
    expect(checkParams(fields, { amount_ml: '250', note: '' })).toEqual({ params: { amount_ml: 250 }, problems: {} });
    expect(checkParams(fields, { amount_ml: ' 1 000,5 ', note: 'after lunch' }).params).toEqual({ amount_ml: 1000.5, note: 'after lunch' });
  });

  it('names each problem: required, not a number, out of range, too long', () => {
    expect(checkParams(fields, { amount_ml: '', note: '' }).problems).toEqual({ amount_ml: { key: 'params.error.required' } });
    expect(checkParams(fields, { amount_ml: 'a lot' }).problems.amount_ml).toEqual({ key: 'params.error.number' });
    // A thousand in English, one in Polish: refused rather than guessed.
    expect(checkParams(fields, { amount_ml: '1,000' }).problems.amount_ml).toEqual({ key: 'params.error.ambiguous' });
    expect(checkParams(fields, { amount_ml: '1,5' }).params).toEqual({ amount_ml: 1.5 });
    expect(checkParams(fields, { amount_ml: '0' }).problems.amount_ml).toEqual({ key: 'params.error.gt', params: { n: 0 } });
    expect(checkParams(fields, { amount_ml: '5000.01' }).problems.amount_ml).toEqual({ key: 'params.error.max', params: { n: 5000 } });
    expect(checkParams(fields, { amount_ml: '5000' }).problems).toEqual({});
    expect(checkParams(fields, { amount_ml: '1', note: 'x'.repeat(201) }).problems.note).toEqual({ key: 'params.error.maxLength', params: { n: 200 } });
  });

  it('checks integers, multiples, patterns, enums, booleans and JSON', () => {
    const more = fieldsOf({
      type: 'object',
      required: ['count', 'done'],
      properties: {
        count: { type: 'integer', minimum: 1, multipleOf: 2 },
        code: { type: 'string', pattern: '^[A-Z]{3}$' },
        unit: { enum: ['ml', 'l', 3] },
        done: { type: 'boolean' },
        later: { type: 'boolean' },
        tags: { type: 'array' },
      },
    });
    const values: Record<string, string> = { ...initialValues(more), count: '4', code: 'ABC', unit: '2', later: 'false', tags: '["a"]' };
    expect(values.done).toBe('false');
    expect(checkParams(more, values)).toEqual({ params: { count: 4, code: 'ABC', unit: 3, done: false, later: false, tags: ['a'] }, problems: {} });
    expect(checkParams(more, { ...values, count: '2.5' }).problems.count).toEqual({ key: 'params.error.integer' });
    expect(checkParams(more, { ...values, count: '3' }).problems.count).toEqual({ key: 'params.error.multipleOf', params: { n: 2 } });
    expect(checkParams(more, { ...values, code: 'abc' }).problems.code).toEqual({ key: 'params.error.pattern' });
    expect(checkParams(more, { ...values, unit: '7' }).problems.unit).toEqual({ key: 'params.error.enum' });
    expect(checkParams(more, { ...values, tags: '{"a":1}' }).problems.tags).toEqual({ key: 'params.error.jsonType', params: { type: 'array' } });
    expect(checkParams(more, { ...values, tags: '[' }).problems.tags).toEqual({ key: 'params.error.json' });
    expect(checkParams(more, { ...values, later: '' }).params).not.toHaveProperty('later');
  });

  it('starts from the schema defaults', () => {
    const withDefaults = fieldsOf({ properties: { n: { type: 'number', default: 250 }, unit: { enum: ['ml', 'l'], default: 'l' }, on: { type: 'boolean', default: true } } });
    expect(initialValues(withDefaults)).toEqual({ n: '250', unit: '1', on: 'true' });
  });
});

describe('parseNumber and hints', () => {
  it('reads numbers as people type them, and nothing else', () => {
    expect(parseNumber('250')).toBe(250);
    expect(parseNumber('0,5')).toBe(0.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('1e3')).toBe(1000);
    for (const text of ['', 'abc', '12abc', '1,2,3', 'Infinity', '0x10']) expect(parseNumber(text)).toBeNull();
  });

  it('says the constraints in words', () => {
    const [amount, note] = fieldsOf(LOG_WATER);
    expect(hintOf(amount!).map((h) => h.key)).toEqual(['params.hint.number', 'params.hint.gt', 'params.hint.max']);
    expect(hintOf(note!).map((h) => h.key)).toEqual(['params.hint.maxLength']);
  });
});

describe('cleanFilter', () => {
  it('keeps only the filters a list takes, trimmed, and drops empty ones', () => {
    expect(cleanFilter('executions', { skillSlug: ' custom-water-tracker ', status: 'failed', event: 'skill.approved' })).toEqual({
      skillSlug: 'custom-water-tracker', status: 'failed',
    });
    expect(cleanFilter('audit', { skillSlug: '', status: 'failed', event: 'skill.approved' })).toEqual({ event: 'skill.approved' });
    expect(cleanFilter('executions', { status: 'sideways' })).toEqual({});
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ event: 'x' })).toBe(true);
  });
});
