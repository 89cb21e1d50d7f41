import { describe, expect, it, vi } from 'vitest';
import { openEngine } from '../../../main/engine.ts';
import { LATEST_SCHEMA_VERSION } from '../../../main/store/index.ts';
import { API_METHODS } from '../../../shared/contract/methods.ts';
import { createDispatcher } from '../../../main/control/dispatcher.ts';
import { createHandlers } from '../../../main/control/handlers.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

function engine() {
  const log = { rejected: vi.fn(), failed: vi.fn() };
  const opened = openEngine({ dataDir: tempDir(), log });
  return { ...opened, log };
}

function storeState(e: ReturnType<typeof engine>) {
  return { settings: e.store.settings.get(), counts: e.store.skills.counts() };
}

describe('the contract dispatcher (the gate for IPC and the test bridge)', () => {
  it('answers a valid request', async () => {
    const e = engine();
    const result = await e.dispatch('app.info', {});
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toMatchObject({ schemaVersion: LATEST_SCHEMA_VERSION, counts: { skills: 0 } });
    e.close();
  });

  it('applies a valid update and audits it', async () => {
    const e = engine();
    const result = await e.dispatch('settings.update', { language: 'pl' });
    expect(result).toEqual({ ok: true, value: { language: 'pl' } });
    expect(e.store.auditLog.page({ offset: 0, limit: 5 }).items[0]).toMatchObject({ actor: 'owner', event: 'settings.updated' });
    e.close();
  });

  const malformed: [string, string, unknown][] = [
    ['an unknown property', 'settings.update', { language: 'pl', admin: true }],
    ['a value outside the enum', 'settings.update', { language: 'de' }],
    ['an empty update', 'settings.update', {}],
    ['a wrong type', 'activity.executions', { offset: '0', limit: 10 }],
    ['a missing field', 'activity.audit', { offset: 0 }],
    ['a page too large', 'activity.audit', { offset: 0, limit: 100000 }],
    ['null instead of an object', 'settings.update', null],
    ['an array instead of an object', 'skills.list', []],
    ['a string instead of an object', 'app.info', 'hello'],
    ['a prototype-pollution attempt', 'settings.update', JSON.parse('{"__proto__": {"language": "pl"}}')],
  ];
  it.each(malformed)('rejects %s with a clear bad-request error and changes nothing', async (_label, method, request) => {
    const e = engine();
    const before = storeState(e);
    const result = await e.dispatch(method, request);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad-request');
      expect(result.error.message.en).toContain(method);
      expect(result.error.message.pl).toContain(method);
      expect(result.error.details?.length).toBeGreaterThan(0);
    }
    expect(storeState(e)).toEqual(before);
    expect(e.log.rejected).toHaveBeenCalledTimes(1);
    e.close();
  });

  it('refuses params nested 20,000 levels deep as a bad request with a message, and runs nothing', async () => {
    const e = engine();
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const result = await e.dispatch('skills.run', { slug: 'sleep-tracker', action: 'log_sleep', params: { hours: deep } });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request', message: { en: expect.stringContaining('more than 64 levels deep'), pl: expect.stringContaining('głębiej niż na 64 poziomów') } } });
    expect(e.log.failed).not.toHaveBeenCalled();
    expect(e.store.executions.page({ offset: 0, limit: 5 }).total).toBe(0);
    e.close();
  });

  it('rejects an unknown method and changes nothing', async () => {
    const e = engine();
    const before = storeState(e);
    const result = await e.dispatch('skills.approveEverything', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect(storeState(e)).toEqual(before);
    e.close();
  });

  it('reports a failing handler as an internal error without leaking its details', async () => {
    const e = engine();
    const handlers = createHandlers({ ...e, secretBox: null });
    handlers['skills.list'] = () => {
      throw new Error('SQLITE_BUSY at /home/owner/secret/path');
    };
    const log = { rejected: vi.fn(), failed: vi.fn() };
    const result = await createDispatcher(handlers, log)('skills.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(log.failed).toHaveBeenCalledOnce();
    e.close();
  });

  it('has a handler and a schema for every contract method', () => {
    const e = engine();
    expect(Object.keys(createHandlers({ ...e, secretBox: null })).sort()).toEqual([...API_METHODS].sort());
    e.close();
  });
});
