import { describe, expect, it } from 'vitest';
import { openFoundryStore } from '../../../main/store/index.ts';
import type { NewVersion } from '../../../main/store/repositories/versions.ts';
import { versionContentHash } from '../../../main/skills/registry/content-hash.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

function candidate(code = 'export class A {}'): Omit<NewVersion, 'version'> {
  return {
    code,
    manifest: {
      slug: 'custom-water-tracker',
      name: 'Water Tracker',
      description: 'Tracks water',
      version: '0.0.0',
      capabilities: { reads: ['exo_water_entries'], writes: ['exo_water_entries'], http: [], notifications: false, skills: [] },
      config_schema: { type: 'object' },
    },
    configSchema: { type: 'object' },
    skillMd: '---\nname: custom-water-tracker\ndescription: Tracks water\n---\n',
    status: 'pending',
    sampleInputs: [],
    auditReport: null,
    dryRun: null,
    disclosure: null,
    steps: [],
    need: null,
    generator: 'offline',
    expiresAt: null,
  };
}

describe('skill versions', () => {
  it('numbers versions by semver and tags them skill@vX.Y.Z', () => {
    const store = openFoundryStore(tempDir());
    const create = (code: string, bump?: 'patch') =>
      store.versions.create({ ...candidate(code), version: store.versions.nextVersion('custom-water-tracker', bump) });
    const first = create('export class A {}');
    const second = create('export class B {}');
    const patch = create('export class C {}', 'patch');
    expect([first.version, second.version, patch.version]).toEqual(['1.0.0', '1.1.0', '1.1.1']);
    expect(second.tag).toBe('custom-water-tracker@v1.1.0');
    expect(store.versions.listForSkill('custom-water-tracker').map((v) => v.version)).toEqual(['1.1.1', '1.1.0', '1.0.0']);
    expect(store.skills.list()).toHaveLength(1);
    store.close();
  });

  it('keeps failed candidates under prerelease numbers that do not use up the next version', () => {
    const store = openFoundryStore(tempDir());
    const slug = 'custom-water-tracker';
    const failed = store.versions.create({ ...candidate(), status: 'failed', version: store.versions.nextFailedVersion(slug) });
    const again = store.versions.create({ ...candidate('x'), status: 'failed', version: store.versions.nextFailedVersion(slug) });
    expect([failed.version, again.version]).toEqual(['1.0.0-failed.1', '1.0.0-failed.2']);
    expect(store.skills.list()[0]?.status).toBe('rejected');
    const good = store.versions.create({ ...candidate('y'), version: store.versions.nextVersion(slug) });
    expect(good.version).toBe('1.0.0');
    expect(store.skills.list()[0]?.status).toBe('pending');
    store.close();
  });

  it('binds each version to the hash of exactly its code, manifest and schemas', () => {
    const store = openFoundryStore(tempDir());
    const version = store.versions.create({ ...candidate(), version: '1.0.0' });
    expect(version.contentSha256).toBe(versionContentHash(version));
    expect(versionContentHash({ ...version, code: version.code + ' ' })).not.toBe(version.contentSha256);
    expect(versionContentHash({ ...version, configSchema: { type: 'object', properties: {} } })).not.toBe(version.contentSha256);
    const reordered = { ...version, manifest: { ...version.manifest, capabilities: { ...version.manifest.capabilities } } };
    expect(versionContentHash(reordered)).toBe(version.contentSha256);
    store.close();
  });

  it('applies a decision once, and only an approved version can be active', () => {
    const store = openFoundryStore(tempDir());
    const version = store.versions.create({ ...candidate(), version: '1.0.0' });
    expect(store.versions.active('custom-water-tracker')).toBeNull();
    expect(() => store.versions.activate(version)).toThrow(/approved/);
    expect(store.versions.decide(version.id, 'pending', 'approved', 'owner')).toBe(true);
    expect(store.versions.decide(version.id, 'pending', 'rejected', 'owner', 'too late')).toBe(false);
    const approved = store.versions.get(version.id)!;
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'owner' });
    store.versions.activate(approved);
    expect(store.skills.list()[0]).toMatchObject({ status: 'active', activeVersion: '1.0.0' });
    expect(store.versions.active('custom-water-tracker')?.id).toBe(version.id);
    store.close();
  });
});
