import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildRegistryIndex } from '../../../main/skills/marketplace/registry-index.ts';
import { parseRegistryIndex } from '../../../main/skills/marketplace/registry-format.ts';
import type { MarketError } from '../../../main/skills/marketplace/market-error.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { blockedTracker, newPublisher, publish, water } from './market-fixtures.ts';

const tempDir = useTempDir('foundry-registry-');
const NOW = new Date('2026-12-01T00:00:00Z');

describe('foundry market index', () => {
  it('lists a signed bundle with its permissions in plain words, risk and audit summary', async () => {
    const dir = tempDir();
    const publisher = newPublisher();
    const packed = await publish(dir, water(), '1.0.0', publisher);
    const { index, refused } = await buildRegistryIndex(dir, { name: 'Demo Publisher', key: publisher.public }, NOW);
    expect(refused).toEqual([]);
    expect(index.listings).toHaveLength(1);
    const listing = index.listings[0]!;
    expect(listing).toMatchObject({
      id: 'custom-water-tracker@1.0.0', slug: 'custom-water-tracker', version: '1.0.0', author: 'Demo Publisher', category: 'other',
      bundle: 'custom-water-tracker-1.0.0.skill', sha256: packed.sha256, signature: packed.signature, publishedAt: '2026-10-01T00:00:00.000Z',
      publisher: { name: 'Demo Publisher', keyId: publisher.public.keyId, fingerprint: publisher.public.fingerprint },
      auditInfo: { verdict: 'pass' },
      risk: { level: expect.any(String) },
    });
    expect(listing.permissions.map((p) => p.text.en).join('\n')).toMatch(/water/i);
    expect(listing.permissions.every((p) => p.text.pl.length > 0)).toBe(true);
  });

  it('refuses to list a bundle whose audit blocks, and says why, listing the others', async () => {
    const dir = tempDir();
    const publisher = newPublisher();
    await publish(dir, water(), '1.0.0', publisher);
    const blocked = blockedTracker();
    await publish(dir, blocked, '2.0.0', publisher);
    const { index, refused } = await buildRegistryIndex(dir, { name: 'Demo', key: publisher.public }, NOW);
    expect(index.listings.map((l) => l.id)).toEqual(['custom-water-tracker@1.0.0']);
    expect(refused).toEqual([expect.objectContaining({ file: 'custom-water-tracker-2.0.0.skill', code: 'listing/audit-blocked' })]);
    expect(refused[0]!.reason.en).toMatch(/^Not listed: the audit blocks it/);
    expect(refused[0]!.details.join('\n')).toMatch(/eval/);
  });

  it('does not list an unsigned bundle or one signed with another key', async () => {
    const dir = tempDir();
    const publisher = newPublisher();
    await publish(dir, water(), '1.0.0', publisher, { signed: false });
    await publish(dir, water(), '1.1.0', newPublisher());
    const { index, refused } = await buildRegistryIndex(dir, { name: 'Demo', key: publisher.public }, NOW);
    expect(index.listings).toEqual([]);
    expect(refused.map((r) => [r.file, r.code])).toEqual([
      ['custom-water-tracker-1.0.0.skill', 'signature/missing'],
      ['custom-water-tracker-1.1.0.skill', 'signature/invalid'],
    ]);
  });

  it('carries the registry\'s revocation list, and refuses a malformed one', async () => {
    const dir = tempDir();
    const publisher = newPublisher();
    const packed = await publish(dir, water(), '1.0.0', publisher);
    fs.writeFileSync(path.join(dir, 'revocations.json'), JSON.stringify({ bundles: [packed.sha256], keys: [] }));
    expect((await buildRegistryIndex(dir, { name: 'Demo', key: publisher.public }, NOW)).index.revocations).toEqual({ bundles: [packed.sha256], keys: [] });
    fs.writeFileSync(path.join(dir, 'revocations.json'), JSON.stringify({ bundles: ['not-a-hash'] }));
    await expect(buildRegistryIndex(dir, { name: 'Demo', key: publisher.public }, NOW)).rejects.toMatchObject({ code: 'index/invalid' });
  });
});

describe('reading a fetched index', () => {
  async function validIndex() {
    const dir = tempDir();
    const publisher = newPublisher();
    await publish(dir, water(), '1.0.0', publisher);
    return (await buildRegistryIndex(dir, { name: 'Demo', key: publisher.public }, NOW)).index;
  }

  it('accepts what foundry market index writes', async () => {
    const index = await validIndex();
    expect(parseRegistryIndex(JSON.stringify(index), 'https://r.example/')).toEqual(index);
  });

  it('refuses a listing whose bundle points anywhere but beside the index, or is not its own', async () => {
    const index = await validIndex();
    const elsewhere = { ...index, listings: [{ ...index.listings[0]!, bundle: '../../../home/me/.ssh/id_ed25519' }] };
    const error = (() => { try { parseRegistryIndex(JSON.stringify(elsewhere), 'https://r.example/'); } catch (e) { return e as MarketError; } throw new Error('accepted'); })();
    expect(error).toMatchObject({ code: 'index/invalid' });
    expect(error.userMessage.en).toBe('The registry https://r.example/ sent an index this app cannot read: it does not have the expected shape.');
    const other = { ...index, listings: [{ ...index.listings[0]!, bundle: 'custom-other-1.0.0.skill' }] };
    expect(() => parseRegistryIndex(JSON.stringify(other), 'https://r.example/')).toThrow(/does not name its own bundle/);
  });

  it('refuses texts too long to show and what is not JSON', async () => {
    const index = await validIndex();
    const long = { ...index, listings: [{ ...index.listings[0]!, description: 'x'.repeat(5000) }] };
    expect(() => parseRegistryIndex(JSON.stringify(long), 'r')).toThrow(/expected shape/);
    expect(() => parseRegistryIndex('<html>Not found</html>', 'r')).toThrow(/it is not JSON/);
  });
});
