import { describe, expect, it } from 'vitest';
import { parsePatch } from 'diff';
import { versionDiff } from '../../../main/skills/registry/version-diff.ts';
import { versionContentHash } from '../../../main/skills/registry/content-hash.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/index.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { SkillCapabilities } from '../../../shared/skills/manifest.ts';
import { waterNeed } from './flow-fixtures.ts';

function version(number: string, change: { code?: (code: string) => string; capabilities?: Partial<SkillCapabilities>; name?: string } = {}): SkillVersionRecord {
  const candidate = buildOfflineCandidate(waterNeed());
  const manifest = {
    ...candidate.manifest,
    version: number,
    name: change.name ?? candidate.manifest.name,
    capabilities: { ...candidate.manifest.capabilities, ...change.capabilities },
  };
  const code = change.code ? change.code(candidate.code) : candidate.code;
  const content = { code, manifest, configSchema: candidate.configSchema, skillMd: candidate.skillMd };
  return {
    ...content, id: `id-${number}`, skillId: 'skill', slug: manifest.slug, name: manifest.name, version: number, tag: `${manifest.slug}@v${number}`,
    status: 'approved', contentSha256: versionContentHash(content), sampleInputs: [], auditReport: null, dryRun: null, disclosure: null, steps: [],
    need: null, generator: 'offline', createdAt: '', expiresAt: null, decidedAt: null, decidedBy: null, decisionReason: null,
  };
}

describe('versionDiff', () => {
  it('gives a unified diff of the code between two versions, named by their tags', () => {
    const diff = versionDiff(version('1.0.0'), version('1.1.0', { code: (c) => c.replaceAll('goal: 2000', 'goal: 2500') }));
    expect(diff.from).toMatchObject({ tag: 'custom-water-tracker@v1.0.0', version: '1.0.0' });
    expect(diff.to).toMatchObject({ tag: 'custom-water-tracker@v1.1.0', version: '1.1.0' });
    expect(diff.code).toContain('--- custom-water-tracker@v1.0.0/skill.ts');
    expect(diff.code).toContain('+++ custom-water-tracker@v1.1.0/skill.ts');
    expect(diff.code).toMatch(/^-\s+goal: 2000,$/m);
    expect(diff.code).toMatch(/^\+\s+goal: 2500,$/m);
    // A real unified diff: one hunk, parsable by any patch tool.
    const [patch] = parsePatch(diff.code);
    expect(patch!.hunks).toHaveLength(1);
    expect(diff.skillMd).toBe('');
    expect(diff.configSchema).toBe('');
    expect(diff.capabilities).toEqual({ added: [], removed: [] });
    expect(diff.identical).toBe(false);
  });

  it('lists capabilities gained and lost in the disclosure’s words, and name changes', () => {
    const diff = versionDiff(
      version('1.0.0'),
      version('2.0.0', { capabilities: { writes: [], http: ['api.example.com'], notifications: true }, name: 'Water Log' }),
    );
    expect(diff.capabilities.added.map((i) => `${i.kind}:${i.target}`)).toEqual(['http:api.example.com', 'notify:null']);
    expect(diff.capabilities.removed).toEqual([
      // Worded with the newer version's words for its table; with no audit report to prove it only adds, it may change entries too.
      {
        kind: 'write', target: 'exo_water_entries', details: { en: 'table exo_water_entries', pl: 'tabela exo_water_entries' },
        text: { en: 'add water entries and change the ones already saved', pl: 'Dodawać wpisy o wypitej wodzie i zmieniać już zapisane' },
      },
    ]);
    expect(diff.name).toEqual({ from: 'Śledzenie: woda', to: 'Water Log' });
    expect(diff.description).toBeNull();
    expect(diff.code).toBe('');
  });

  it('says when two versions differ only in their number', () => {
    expect(versionDiff(version('1.0.0'), version('1.1.0')).identical).toBe(true);
  });
});
