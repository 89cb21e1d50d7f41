// A bundle's archive: the skill folder as a gzip-compressed tar (tar-stream for the tar, node:zlib
// for gzip), read entirely in memory and never extracted to disk.
//
// Threat: the archive comes from a stranger, possibly built by hand to escape or exhaust the
// reader. Contract of `readSkillArchive(bytes)`: it answers the skill folder's name and files only
// when every rule below holds, and otherwise throws a MarketError naming the one that failed. It
// writes nothing anywhere, so a refused bundle leaves no trace.
//  - At most MAX_BUNDLE_BYTES compressed, and gunzip stops at MAX_UNPACKED_BYTES (a gzip bomb is
//    cut off by zlib's own output limit before it is in memory, not measured afterwards).
//  - Every entry lies in one top folder named like a skill: no absolute path, no drive letter, no
//    backslash, no `.` or `..` segment, no NUL (path traversal), no subfolder.
//  - Only regular files: symlinks, hard links, devices and FIFOs are refused by name, since a link
//    is how an archive points outside the folder it seems to stay in.
//  - Then exactly the import's rules (generator/skill-folder.ts: checkSkillEntries): the expected
//    file names, no executable bit, per-file and total size caps, no name twice, at most 32
//    entries — one place decides what a skill folder may hold.
import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import type { Localized } from '../../../shared/i18n-types.ts';
import { checkSkillEntries, MAX_SKILL_FILES_BYTES, type SkillFileEntry } from '../generator/index.ts';
import { MarketError } from './market-error.ts';

const KIB = 1024;
/** The skill's files are capped at 1 MiB; tar adds 512 bytes of header (and padding) per entry. */
export const MAX_UNPACKED_BYTES = MAX_SKILL_FILES_BYTES + 128 * KIB;
/** Compressed text is smaller; anything larger than the unpacked cap cannot be a bundle. */
export const MAX_BUNDLE_BYTES = MAX_UNPACKED_BYTES;
/** The import allows 32 entries; a tar may add the top folder's own entry. */
const MAX_TAR_ENTRIES = 33;
/** Fixed so that packing the same skill twice gives the same bytes (and the same SHA-256). */
const PACKED_MTIME = new Date('2000-01-01T00:00:00Z');

export interface SkillArchive {
  folderName: string;
  files: ReadonlyMap<string, Buffer>;
}

export function bundleRefusal(message: Localized, details: readonly string[] = []): MarketError {
  return new MarketError('bundle/invalid', {
    en: `This bundle cannot be opened: ${message.en}`,
    pl: `Nie można otworzyć tej paczki: ${message.pl}`,
  }, details);
}

const LINK_TYPES: Readonly<Record<string, Localized>> = {
  symlink: { en: 'a symbolic link', pl: 'dowiązaniem symbolicznym' },
  link: { en: 'a hard link', pl: 'dowiązaniem twardym' },
  'character-device': { en: 'a device', pl: 'urządzeniem' },
  'block-device': { en: 'a device', pl: 'urządzeniem' },
  fifo: { en: 'a named pipe', pl: 'potokiem nazwanym' },
};

/** The entry's path split in segments, or the reason it could point outside the folder. */
function pathProblem(name: string): Localized | null {
  if (name.includes('\0')) return { en: 'an entry name holds a NUL character.', pl: 'nazwa pozycji zawiera znak NUL.' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { en: `${name} is an absolute path.`, pl: `${name} to ścieżka bezwzględna.` };
  if (name.includes('\\')) return { en: `${name} holds a backslash.`, pl: `${name} zawiera ukośnik wsteczny.` };
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..' || s === '.' || s === ''))
    return { en: `${name} leads outside its folder (path traversal).`, pl: `${name} wychodzi poza swój folder (przejście ścieżką).` };
  return null;
}

function unpack(bytes: Uint8Array): Buffer {
  if (bytes.length > MAX_BUNDLE_BYTES)
    throw bundleRefusal({ en: `it is larger than ${MAX_BUNDLE_BYTES / KIB} KiB.`, pl: `jest większa niż ${MAX_BUNDLE_BYTES / KIB} KiB.` });
  try {
    return zlib.gunzipSync(bytes, { maxOutputLength: MAX_UNPACKED_BYTES });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
      throw bundleRefusal({ en: `it unpacks to more than ${MAX_UNPACKED_BYTES / KIB} KiB (a compression bomb?).`, pl: `po rozpakowaniu ma ponad ${MAX_UNPACKED_BYTES / KIB} KiB (bomba kompresyjna?).` });
    throw bundleRefusal({ en: 'it is not a gzip-compressed archive.', pl: 'nie jest archiwum skompresowanym gzipem.' });
  }
}

/** The skill folder in `bytes` (a .skill archive), checked as the module comment says; nothing is written. */
export async function readSkillArchive(bytes: Uint8Array): Promise<SkillArchive> {
  const tarBytes = unpack(bytes);
  const extract = tar.extract();
  const entries: SkillFileEntry[] = [];
  const files = new Map<string, Buffer>();
  let folderName: string | null = null;
  let count = 0;
  const reading = (async () => {
    for await (const entry of extract) {
      const { header } = entry;
      count += 1;
      if (count > MAX_TAR_ENTRIES) throw bundleRefusal({ en: `it holds more than ${MAX_TAR_ENTRIES} entries.`, pl: `zawiera ponad ${MAX_TAR_ENTRIES} pozycji.` });
      const problem = pathProblem(header.name);
      if (problem) throw bundleRefusal(problem, [header.name]);
      const linkKind = LINK_TYPES[header.type ?? ''];
      if (linkKind) throw bundleRefusal({ en: `${header.name} is ${linkKind.en}.`, pl: `${header.name} jest ${linkKind.pl}.` }, [header.name]);
      const [top = '', name, ...deeper] = header.name.replace(/\/$/, '').split('/');
      if (folderName === null) folderName = top;
      if (top !== folderName)
        throw bundleRefusal({ en: `it holds more than one folder (${folderName}, ${top}).`, pl: `zawiera więcej niż jeden folder (${folderName}, ${top}).` }, [header.name]);
      const isTopFolder = name === undefined && header.type === 'directory';
      if (name === undefined && !isTopFolder)
        throw bundleRefusal({ en: `${header.name} lies outside the skill's folder.`, pl: `${header.name} leży poza folderem skilla.` }, [header.name]);
      if (deeper.length > 0 || (name !== undefined && header.type === 'directory')) {
        entries.push({ name: name!, kind: 'directory', executable: false, size: 0 });
      } else if (name !== undefined) {
        const kind = header.type === 'file' || header.type === 'contiguous-file' ? 'file' : 'other';
        const size = header.size ?? 0;
        entries.push({ name, kind, executable: ((header.mode ?? 0) & 0o111) !== 0, size });
        const chunks: Buffer[] = [];
        for await (const chunk of entry) chunks.push(chunk as Buffer);
        if (kind === 'file' && !files.has(name)) files.set(name, Buffer.concat(chunks));
        continue;
      }
      entry.resume();
    }
  })();
  Readable.from([tarBytes]).pipe(extract);
  try {
    await reading;
  } catch (error) {
    if (error instanceof MarketError) throw error;
    throw bundleRefusal({ en: 'it is not a valid tar archive.', pl: 'nie jest poprawnym archiwum tar.' });
  } finally {
    extract.destroy();
  }
  if (folderName === null) throw bundleRefusal({ en: 'it is empty.', pl: 'jest pusta.' });
  checkSkillEntries(entries, bundleRefusal);
  return { folderName, files };
}

/** Packs the files into `folderName/` as a gzip-compressed tar; the same files always give the same bytes. */
export async function packSkillArchive(folderName: string, files: ReadonlyMap<string, string>): Promise<Buffer> {
  const pack = tar.pack();
  for (const name of [...files.keys()].sort()) {
    pack.entry({ name: `${folderName}/${name}`, mode: 0o644, mtime: PACKED_MTIME, uid: 0, gid: 0, uname: '', gname: '', type: 'file' }, files.get(name)!);
  }
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return zlib.gzipSync(Buffer.concat(chunks), { level: 9 });
}
