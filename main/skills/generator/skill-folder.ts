// A skill on disk, for sharing and backup. One folder named after the skill's slug:
//
//   SKILL.md            the Agent Skills document; its `name` is the folder name
//   index.ts            the code
//   manifest.json       the manifest without `config_schema` (slug, name, description, version, capabilities, secrets)
//   config.schema.json  the settings schema (the manifest's `config_schema`)
//   samples.json        the sample inputs for the dry run, with their sample HTTP answers
//
// Beside them only plain documents may lie (README.md, LICENSE, other .md and .txt files); import
// ignores those. No subfolders, no symlinks, nothing executable. An imported skill is untrusted:
// it goes through the whole audit, dry run and approval like any generated one.
import fs from 'node:fs';
import path from 'node:path';
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { candidateProblems, requireCandidate } from './candidate.ts';
import { MANIFEST_FILE_SCHEMA, SAMPLE_INPUTS_SCHEMA } from './candidate-schema.ts';
import { GeneratorError } from './generator-error.ts';
import { schemaChecker } from './schema-check.ts';
import { checkSkillName, parseSkillMd } from './skill-md.ts';

export const SKILL_FILES = {
  skillMd: 'SKILL.md',
  code: 'index.ts',
  manifest: 'manifest.json',
  configSchema: 'config.schema.json',
  samples: 'samples.json',
} as const;

const KIB = 1024;
const MAX_FILE_BYTES: Record<string, number> = {
  [SKILL_FILES.skillMd]: 64 * KIB,
  [SKILL_FILES.code]: 256 * KIB,
  [SKILL_FILES.manifest]: 64 * KIB,
  [SKILL_FILES.configSchema]: 64 * KIB,
  // Sample HTTP answers may add up to 256 KiB (candidate-schema.ts), beside the calls themselves.
  [SKILL_FILES.samples]: 320 * KIB,
};
const MAX_DOCUMENT_BYTES = 256 * KIB;
const MAX_FOLDER_BYTES = 1024 * KIB;
const MAX_ENTRIES = 32;
const DOCUMENT = /^(?:LICENSE|[A-Za-z0-9][A-Za-z0-9._-]*\.(?:md|txt))$/;

const checkManifestFile = schemaChecker(MANIFEST_FILE_SCHEMA);
const checkSamplesFile = schemaChecker(SAMPLE_INPUTS_SCHEMA);

function refused(message: Localized, details: string[] = []): GeneratorError {
  return new GeneratorError(
    'skill-folder/invalid',
    { en: `This skill folder cannot be imported: ${message.en}`, pl: `Nie można zaimportować tego folderu skilla: ${message.pl}` },
    { details },
  );
}

function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Writes the candidate into `<parentDir>/<slug>` (which must not exist yet) and returns that folder. */
export function exportSkillFolder(candidate: SkillCandidate, parentDir: string): string {
  requireCandidate(candidate, 'candidate/invalid', {
    en: 'This skill is incomplete and cannot be exported.',
    pl: 'Ten skill jest niepełny i nie można go wyeksportować.',
  });
  const folder = path.join(parentDir, candidate.manifest.slug);
  try {
    fs.mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new GeneratorError(
      'skill-folder/exists',
      { en: `The folder ${folder} already exists; choose another place.`, pl: `Folder ${folder} już istnieje; wybierz inne miejsce.` },
      { details: [folder] },
    );
  }
  for (const [name, content] of skillFolderFiles(candidate)) fs.writeFileSync(path.join(folder, name), content, { flag: 'wx', mode: 0o644 });
  return folder;
}

/** The five files of a skill folder and their text, as export writes them (and a bundle packs them). */
export function skillFolderFiles(candidate: Pick<SkillCandidate, 'skillMd' | 'code' | 'manifest' | 'configSchema'> & { sampleInputs: readonly unknown[] }): Map<string, string> {
  const { config_schema: _configSchema, ...manifest } = candidate.manifest;
  return new Map([
    [SKILL_FILES.skillMd, candidate.skillMd],
    [SKILL_FILES.code, candidate.code],
    [SKILL_FILES.manifest, toJson(manifest)],
    [SKILL_FILES.configSchema, toJson(candidate.configSchema)],
    [SKILL_FILES.samples, toJson(candidate.sampleInputs)],
  ]);
}

/** One entry of a skill folder or of a bundle's archive, as far as the checks need it. */
export interface SkillFileEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink' | 'other';
  executable: boolean;
  size: number;
}

/** Builds the error a refused folder or bundle gets: the caller says what it was reading. */
export type SkillFilesRefusal = (message: Localized, details?: string[]) => Error;

/**
 * Refuses anything that is not a plain, non-executable file a skill folder may hold, within the
 * per-file and total size caps, and any of the five files missing. Shared by the folder import
 * and the marketplace's bundles, so both refuse exactly the same things.
 */
export function checkSkillEntries(entries: readonly SkillFileEntry[], refuse: SkillFilesRefusal = refused): void {
  if (entries.length > MAX_ENTRIES) throw refuse({ en: `it holds more than ${MAX_ENTRIES} entries.`, pl: `zawiera ponad ${MAX_ENTRIES} pozycji.` });
  const expected = new Set<string>(Object.values(SKILL_FILES));
  const seen = new Set<string>();
  let total = 0;
  for (const { name, kind, executable, size } of entries) {
    if (kind === 'symlink') throw refuse({ en: `${name} is a symbolic link.`, pl: `${name} jest dowiązaniem symbolicznym.` }, [name]);
    if (kind === 'directory')
      throw refuse({ en: `${name} is a subfolder; a skill folder holds files only.`, pl: `${name} to podfolder; folder skilla zawiera tylko pliki.` }, [name]);
    if (kind !== 'file') throw refuse({ en: `${name} is not a regular file.`, pl: `${name} nie jest zwykłym plikiem.` }, [name]);
    if (!expected.has(name) && !DOCUMENT.test(name))
      throw refuse(
        { en: `${name} is not one of the files a skill folder may hold (${[...expected].join(', ')}, .md and .txt documents).`, pl: `${name} nie jest jednym z plików, które może zawierać folder skilla (${[...expected].join(', ')}, dokumenty .md i .txt).` },
        [name],
      );
    if (seen.has(name)) throw refuse({ en: `${name} appears twice.`, pl: `${name} występuje dwa razy.` }, [name]);
    if (executable) throw refuse({ en: `${name} is marked executable.`, pl: `${name} jest oznaczony jako wykonywalny.` }, [name]);
    const limit = MAX_FILE_BYTES[name] ?? MAX_DOCUMENT_BYTES;
    if (size > limit) throw refuse({ en: `${name} is larger than ${limit / KIB} KiB.`, pl: `${name} jest większy niż ${limit / KIB} KiB.` }, [name]);
    total += size;
    seen.add(name);
  }
  if (total > MAX_FOLDER_BYTES) throw refuse({ en: `its files add up to more than ${MAX_FOLDER_BYTES / KIB} KiB.`, pl: `jego pliki mają razem ponad ${MAX_FOLDER_BYTES / KIB} KiB.` });
  for (const name of expected)
    if (!seen.has(name)) throw refuse({ en: `${name} is missing.`, pl: `brakuje pliku ${name}.` }, [name]);
}

/** The most a skill folder's files may add up to: what a bundle's decompressed archive is capped near. */
export const MAX_SKILL_FILES_BYTES = MAX_FOLDER_BYTES;

/** Lists the folder's files, refusing anything that is not a plain, non-executable file we expect. */
function listFiles(folder: string): void {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  if (entries.length > MAX_ENTRIES) throw refused({ en: `it holds more than ${MAX_ENTRIES} entries.`, pl: `zawiera ponad ${MAX_ENTRIES} pozycji.` });
  checkSkillEntries(entries.map((entry): SkillFileEntry => {
    const kind = entry.isSymbolicLink() ? 'symlink' : entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : 'other';
    if (kind !== 'file') return { name: entry.name, kind, executable: false, size: 0 };
    const stat = fs.lstatSync(path.join(folder, entry.name));
    return { name: entry.name, kind, executable: process.platform !== 'win32' && (stat.mode & 0o111) !== 0, size: stat.size };
  }));
}

/** UTF-8 text of one file, or the refusal naming it. */
export function decodeSkillFile(name: string, bytes: Uint8Array, refuse: SkillFilesRefusal = refused): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse({ en: `${name} is not UTF-8 text.`, pl: `${name} nie jest tekstem UTF-8.` }, [name]);
  }
}

/** Reads one file as UTF-8 without following a symlink swapped in after the listing, within its limit. */
function readText(folder: string, name: string): string {
  let fd: number;
  try {
    fd = fs.openSync(path.join(folder, name), fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
  } catch {
    throw refused({ en: `${name} could not be read (it may have been replaced by a link).`, pl: `nie można odczytać ${name} (mógł zostać zastąpiony dowiązaniem).` }, [name]);
  }
  try {
    const stat = fs.fstatSync(fd);
    const limit = MAX_FILE_BYTES[name] ?? MAX_DOCUMENT_BYTES;
    if (!stat.isFile() || stat.size > limit)
      throw refused({ en: `${name} changed while it was being read.`, pl: `${name} zmienił się podczas odczytu.` }, [name]);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = fs.readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return decodeSkillFile(name, bytes.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
}

function parseJson(name: string, text: string, refuse: SkillFilesRefusal): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw refuse({ en: `${name} is not valid JSON (${reason}).`, pl: `${name} nie jest poprawnym JSON (${reason}).` }, [name]);
  }
}

function requireValid(name: string, problems: string[], refuse: SkillFilesRefusal): void {
  if (problems.length > 0)
    throw refuse({ en: `${name} does not have the expected content.`, pl: `${name} nie ma oczekiwanej zawartości.` }, problems.map((p) => `${name}: ${p}`));
}

/**
 * Reads an exported skill folder back into a candidate, or says clearly what is wrong with it.
 * `ownerAuthored` (`foundry skills import`): the folder may declare shell actions, which no
 * generator may propose; they still face the audit, the disclosure, the approval with both factors,
 * the switch and the owner's consent to each run.
 */
export function importSkillFolder(folder: string, options: { ownerAuthored?: boolean } = {}): SkillCandidate {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(folder);
  } catch {
    throw refused({ en: `${folder} does not exist.`, pl: `${folder} nie istnieje.` });
  }
  if (stat.isSymbolicLink() || !stat.isDirectory())
    throw refused({ en: `${folder} is not a folder.`, pl: `${folder} nie jest folderem.` });
  const folderName = path.basename(path.resolve(folder));
  listFiles(folder);
  return candidateFromSkillFiles(folderName, (name) => readText(folder, name), { ...options, refuse: refused });
}

/**
 * The candidate a skill folder's files make, checked as the import checks them: the folder name is
 * a skill name, SKILL.md and the manifest agree with it, every file has the expected content. `read`
 * answers a file's text (the caller already checked the entries with checkSkillEntries).
 */
export function candidateFromSkillFiles(
  folderName: string,
  read: (name: string) => string,
  options: { ownerAuthored?: boolean; refuse: SkillFilesRefusal },
): SkillCandidate {
  const { refuse } = options;
  try {
    checkSkillName(folderName);
  } catch {
    throw refuse({
      en: `the folder name "${folderName}" is not a skill name (lowercase letters, digits and single hyphens, at most 64).`,
      pl: `nazwa folderu "${folderName}" nie jest nazwą skilla (małe litery, cyfry i pojedyncze myślniki, najwyżej 64).`,
    });
  }
  const readJson = (name: string) => parseJson(name, read(name), refuse);
  const skillMd = read(SKILL_FILES.skillMd);
  parseSkillMd(skillMd, { folderName });
  const manifest = readJson(SKILL_FILES.manifest);
  requireValid(SKILL_FILES.manifest, checkManifestFile(manifest), refuse);
  const slug = (manifest as { slug: string }).slug;
  if (slug !== folderName)
    throw refuse(
      { en: `${SKILL_FILES.manifest} names the skill "${slug}" but the folder is "${folderName}".`, pl: `${SKILL_FILES.manifest} nazywa skill "${slug}", a folder to "${folderName}".` },
      [SKILL_FILES.manifest],
    );
  const configSchema = readJson(SKILL_FILES.configSchema);
  if (typeof configSchema !== 'object' || configSchema === null || Array.isArray(configSchema))
    throw refuse({ en: `${SKILL_FILES.configSchema} must hold a JSON object.`, pl: `${SKILL_FILES.configSchema} musi zawierać obiekt JSON.` }, [SKILL_FILES.configSchema]);
  const sampleInputs = readJson(SKILL_FILES.samples);
  requireValid(SKILL_FILES.samples, checkSamplesFile(sampleInputs), refuse);

  const candidate = {
    code: read(SKILL_FILES.code),
    manifest: { ...(manifest as object), config_schema: configSchema },
    configSchema,
    skillMd,
    sampleInputs,
    generator: 'import',
    attempt: 1,
  };
  const problems = candidateProblems(candidate, options);
  if (problems.length > 0) throw refuse({ en: 'its files do not form a complete skill.', pl: 'jego pliki nie tworzą kompletnego skilla.' }, problems);
  return candidate as SkillCandidate;
}
