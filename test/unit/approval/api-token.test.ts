import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as crypto from 'node:crypto';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { auditEvents, createClock, databaseBytes, newBox, openSecurityStore, rawAuditText } from './security-fixtures.ts';

// The real comparison, observed: verify() must compare through timingSafeEqual.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof crypto>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const tempDir = useTempDir();

function setup() {
  const dir = tempDir();
  const clock = createClock();
  const { store, repo } = openSecurityStore(dir, clock);
  return { dir, store, tokens: createApiTokenService({ repo, box: newBox(), audit: store.auditLog }) };
}

beforeEach(() => {
  vi.mocked(crypto.timingSafeEqual).mockClear();
});

describe("the assistant's API token", () => {
  it('does not exist until the owner creates one', async () => {
    const { tokens } = setup();
    expect(tokens.status()).toEqual({ exists: false, createdAt: null });
    expect(tokens.verify('anything')).toBe(false);
    expect(await tokens.reveal('owner')).toBeNull();
  });

  it('is 32 random bytes in base64url; rotating replaces it and the old one stops working', async () => {
    const { tokens } = setup();
    const first = await tokens.rotate('owner');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(first, 'base64url')).toHaveLength(32);
    expect(tokens.verify(first)).toBe(true);
    expect(tokens.status().exists).toBe(true);

    const second = await tokens.rotate('owner');
    expect(second).not.toBe(first);
    expect(tokens.verify(first)).toBe(false);
    expect(tokens.verify(second)).toBe(true);
  });

  it('reveals the current token to the owner', async () => {
    const { tokens } = setup();
    await tokens.rotate('owner');
    const current = await tokens.rotate('owner');
    expect(await tokens.reveal('owner')).toBe(current);
  });

  it('refuses to reveal or rotate for anyone but the owner, and audits the attempt', async () => {
    const { tokens, store } = setup();
    const token = await tokens.rotate('owner');
    for (const principal of ['assistant', 'scheduler'] as const) {
      await expect(tokens.reveal(principal)).rejects.toMatchObject({ code: 'owner-only' });
      await expect(tokens.rotate(principal)).rejects.toMatchObject({ code: 'owner-only' });
    }
    expect(tokens.verify(token)).toBe(true);
    expect(auditEvents(store).map((e) => [e.actor, e.event])).toEqual([
      ['owner', 'api-token.rotated'],
      ['assistant', 'api-token.refused'],
      ['assistant', 'api-token.refused'],
      ['scheduler', 'api-token.refused'],
      ['scheduler', 'api-token.refused'],
    ]);
  });

  it('compares fixed-size digests in constant time, whatever was presented', async () => {
    const { tokens } = setup();
    const token = await tokens.rotate('owner');
    const compare = vi.mocked(crypto.timingSafeEqual);
    for (const presented of [token, token.slice(0, 10), `${token}x`, '']) {
      compare.mockClear();
      expect(tokens.verify(presented)).toBe(presented === token);
      expect(compare).toHaveBeenCalledTimes(1);
      const [a, b] = compare.mock.calls[0]!;
      expect([a.byteLength, b.byteLength]).toEqual([32, 32]);
    }
    for (const presented of [undefined, null, 42, { token }]) expect(tokens.verify(presented)).toBe(false);
  });

  it('is kept only sealed and hashed: not in the database file, not in the audit log', async () => {
    const { tokens, store, dir } = setup();
    const token = await tokens.rotate('owner');
    await tokens.reveal('owner');
    expect(rawAuditText(store)).not.toContain(token);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const bytes = databaseBytes(dir);
    expect(bytes.includes(Buffer.from(token, 'latin1'))).toBe(false);
    expect(bytes.includes(Buffer.from(token, 'base64url'))).toBe(false);
  });
});
