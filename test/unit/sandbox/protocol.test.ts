import { describe, expect, it } from 'vitest';
import { decodeHostMessage, decodeMainMessage, encodeMessage, type HostMessageBounds } from '../../../main/skills/sandbox/protocol.ts';

const bounds: HostMessageBounds = {
  maxChars: 10_000,
  limits: { maxOutputBytes: 100, maxQueryBytes: 100, maxLogEntries: 2, maxLogChars: 10, maxNotifications: 1 },
};
const done = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'done', id: 1, outcome: { status: 'succeeded', output: '{}' }, logs: [], notifications: [], peakHeapBytes: 10, warm: false, ...extra });

describe('messages from the host', () => {
  it('accepts well-formed messages', () => {
    expect(decodeHostMessage(done(), bounds)).toMatchObject({ type: 'done', id: 1, outcome: { status: 'succeeded', output: '{}' } });
    expect(decodeHostMessage(encodeMessage({ type: 'query', id: 1, callId: 2, chain: '[]' }), bounds)).toEqual({ type: 'query', id: 1, callId: 2, chain: '[]' });
    expect(decodeHostMessage('{"type":"ready","isolates":2}', bounds)).toEqual({ type: 'ready', isolates: 2 });
  });

  it('refuses anything oversized before parsing it', () => {
    expect(decodeHostMessage(done({ pad: 'x'.repeat(10_000) }), bounds)).toBeNull();
  });

  it('refuses messages whose parts break the limits', () => {
    expect(decodeHostMessage(done({ outcome: { status: 'succeeded', output: 'x'.repeat(101) } }), bounds)).toBeNull();
    expect(decodeHostMessage(done({ logs: ['a', 'b', 'c'] }), bounds)).toBeNull();
    expect(decodeHostMessage(done({ logs: ['01234567890'] }), bounds)).toBeNull();
    expect(decodeHostMessage(done({ notifications: [{ title: 'a', body: 'b' }, { title: 'c', body: 'd' }] }), bounds)).toBeNull();
    expect(decodeHostMessage(encodeMessage({ type: 'query', id: 1, callId: 2, chain: 'x'.repeat(101) }), bounds)).toBeNull();
  });

  it('refuses malformed shapes, unknown types and unknown failure codes', () => {
    for (const raw of [
      'not json',
      '[]',
      '{"type":"hello"}',
      done({ id: -1 }),
      done({ id: 1.5 }),
      done({ warm: 'yes' }),
      done({ outcome: { status: 'failed', code: 'pwned', detail: '' } }),
      done({ notifications: [{ title: 1, body: 'x' }] }),
      '{"type":"stats","rssBytes":"lots"}',
    ]) {
      expect(decodeHostMessage(raw, bounds), raw).toBeNull();
    }
    expect(decodeHostMessage({ type: 'ready', isolates: 2 }, bounds)).toBeNull();
  });
});

describe('messages from main', () => {
  const limits = { timeoutMs: 1, memoryMb: 8, warmIsolates: 1, maxOutputBytes: 1, maxQueryBytes: 1, maxHostCalls: 1, maxLogEntries: 1, maxLogChars: 1, maxNotifications: 1 };
  const execute = { type: 'execute', id: 1, skillKey: 'k', source: 'x', method: 'getData', args: '[]', config: '{}', notifications: false, limits };

  it('accepts a valid execute and reply', () => {
    expect(decodeMainMessage(JSON.stringify(execute), 1_000)).toEqual(execute);
    expect(decodeMainMessage(JSON.stringify({ type: 'reply', id: 1, callId: 1, reply: '{}' }), 1_000)).toMatchObject({ type: 'reply' });
  });

  it('refuses an unknown method, missing limits or an oversized message', () => {
    expect(decodeMainMessage(JSON.stringify({ ...execute, method: 'constructor' }), 1_000)).toBeNull();
    expect(decodeMainMessage(JSON.stringify({ ...execute, limits: { ...limits, timeoutMs: 'x' } }), 1_000)).toBeNull();
    expect(decodeMainMessage(JSON.stringify(execute), 10)).toBeNull();
  });
});
