import zlib from 'node:zlib';
import tar from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { skillFolderFiles } from '../../../main/skills/generator/skill-folder.ts';
import { openBundle, packBundle } from '../../../main/skills/marketplace/bundle.ts';
import { readSkillArchive } from '../../../main/skills/marketplace/bundle-archive.ts';
import { MarketError } from '../../../main/skills/marketplace/market-error.ts';
import { generateKeyPair, parsePublicKey, parseSecretKey } from '../../../main/skills/marketplace/minisign.ts';

const WATER: SkillNeed = { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody' };
const water = buildOfflineCandidate(WATER);
const approved = { ...water, slug: water.manifest.slug, version: '1.2.0' };
const NOW = new Date('2026-12-01T10:00:00Z');

function keys() {
  const pair = generateKeyPair();
  return { secret: parseSecretKey(pair.secretKeyFile), public: parsePublicKey(pair.publicKeyFile), files: pair };
}

async function refusal(work: Promise<unknown>): Promise<MarketError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(MarketError);
  return error as MarketError;
}

interface RawEntry { name: string; type?: tar.Header['type']; mode?: number; content?: string; linkname?: string }

/** A hand-built archive: what a hostile publisher could upload. */
async function archiveOf(entries: RawEntry[]): Promise<Buffer> {
  const pack = tar.pack();
  for (const entry of entries) {
    const header = { name: entry.name, type: entry.type ?? 'file', mode: entry.mode ?? 0o644, ...(entry.linkname ? { linkname: entry.linkname } : {}) };
    if (header.type === 'file') pack.entry(header, entry.content ?? '');
    else pack.entry(header, '');
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return zlib.gzipSync(Buffer.concat(chunks));
}

const goodEntries = (): RawEntry[] => [...skillFolderFiles(water)].map(([name, content]) => ({ name: `${water.manifest.slug}/${name}`, content }));

describe('skill bundles', () => {
  it('a packed bundle opens with its publisher key into the same skill, and packing is repeatable', async () => {
    const key = keys();
    const packed = await packBundle(approved, key.secret, NOW);
    expect(packed.fileName).toBe('custom-water-tracker-1.2.0.skill');
    expect(packed.signature).toMatch(/^untrusted comment: .*\n[A-Za-z0-9+/=]+\ntrusted comment: skill:custom-water-tracker@1\.2\.0 sha256:[0-9a-f]{64} timestamp:\d+\n/);
    const opened = await openBundle(packed.archive, packed.signature, key.public);
    expect(opened).toMatchObject({ slug: 'custom-water-tracker', version: '1.2.0', sha256: packed.sha256, keyId: key.public.keyId });
    expect(opened.candidate.code).toBe(water.code);
    expect(opened.candidate.configSchema).toEqual(water.configSchema);
    expect((await packBundle(approved, key.secret, NOW)).archive.equals(packed.archive)).toBe(true);
  });

  it('a byte changed in the archive after signing is refused', async () => {
    const key = keys();
    const packed = await packBundle(approved, key.secret, NOW);
    const tampered = Buffer.from(packed.archive);
    tampered[tampered.length - 10]! ^= 0xff;
    expect((await refusal(openBundle(tampered, packed.signature, key.public))).userMessage.en).toBe('The signature does not hold: the file was changed after it was signed, or signed with another key.');
  });

  it('a bundle signed by another key is refused, naming both keys', async () => {
    const publisher = keys();
    const stranger = keys();
    const packed = await packBundle(approved, stranger.secret, NOW);
    const error = await refusal(openBundle(packed.archive, packed.signature, publisher.public));
    expect(error.code).toBe('signature/invalid');
    expect(error.userMessage.pl).toContain(`kluczem ${stranger.public.keyId}`);
  });

  it('an unsigned bundle is never opened', async () => {
    const key = keys();
    const packed = await packBundle(approved, key.secret, NOW);
    expect((await refusal(openBundle(packed.archive, null, key.public))).code).toBe('signature/missing');
  });

  it('a re-signed trusted comment naming another skill is refused', async () => {
    const key = keys();
    const packed = await packBundle(approved, key.secret, NOW);
    const edited = packed.signature.replace('skill:custom-water-tracker@1.2.0', 'skill:custom-water-tracker@9.0.0');
    expect((await refusal(openBundle(packed.archive, edited, key.public))).userMessage.en).toBe('The signature does not hold: its trusted comment was changed after signing.');
  });
});

describe('reading a bundle archive refuses, with the reason, and writes nothing', () => {
  const cases: [string, RawEntry[], RegExp][] = [
    ['path traversal', [...goodEntries(), { name: 'custom-water-tracker/../../.bashrc', content: 'x' }], /leads outside its folder \(path traversal\)/],
    ['an absolute path', [{ name: '/etc/cron.d/evil', content: 'x' }, ...goodEntries()], /\/etc\/cron\.d\/evil is an absolute path/],
    ['a symbolic link', [...goodEntries(), { name: 'custom-water-tracker/README.md', type: 'symlink', linkname: '/etc/passwd' }], /README\.md is a symbolic link/],
    ['a hard link', [...goodEntries(), { name: 'custom-water-tracker/notes.md', type: 'link', linkname: 'custom-water-tracker/index.ts' }], /notes\.md is a hard link/],
    ['a device', [...goodEntries(), { name: 'custom-water-tracker/tty.md', type: 'character-device' }], /tty\.md is a device/],
    ['a subfolder', [...goodEntries(), { name: 'custom-water-tracker/lib/x.md', content: 'x' }], /lib is a subfolder/],
    ['an executable file', goodEntries().map((e) => (e.name.endsWith('index.ts') ? { ...e, mode: 0o755 } : e)), /index\.ts is marked executable/],
    ['a name twice', [...goodEntries(), { name: 'custom-water-tracker/index.ts', content: 'export class Other {}' }], /index\.ts appears twice/],
    ['two top folders', [...goodEntries(), { name: 'other/README.md', content: 'x' }], /more than one folder/],
    ['a file that is too big', [...goodEntries(), { name: 'custom-water-tracker/README.md', content: 'x'.repeat(300 * 1024) }], /README\.md is larger than 256 KiB/],
    ['too many entries', [...goodEntries(), ...Array.from({ length: 40 }, (_, i) => ({ name: `custom-water-tracker/n${i}.md`, content: 'x' }))], /more than 33 entries/],
    ['a missing file', goodEntries().filter((e) => !e.name.endsWith('samples.json')), /samples\.json is missing/],
  ];
  for (const [what, entries, reason] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await refusal(readSkillArchive(await archiveOf(entries)));
      expect(error.code).toBe('bundle/invalid');
      expect(error.userMessage.en).toMatch(/^This bundle cannot be opened: /);
      expect(error.userMessage.en).toMatch(reason);
      expect(error.userMessage.pl).toMatch(/^Nie można otworzyć tej paczki: /);
    });
  }

  it('refuses a compression bomb before it is unpacked in full', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(100 * 1024);
    expect((await refusal(readSkillArchive(bomb))).userMessage.en).toMatch(/unpacks to more than 1152 KiB \(a compression bomb\?\)/);
  });

  it('refuses what is not an archive at all', async () => {
    expect((await refusal(readSkillArchive(Buffer.from('PK\u0003\u0004 a zip file')))).userMessage.en).toMatch(/not a gzip-compressed archive/);
    expect((await refusal(readSkillArchive(zlib.gzipSync(Buffer.from('plain text, not tar'))))).userMessage.en).toMatch(/not a valid tar archive|is empty/);
  });
});
