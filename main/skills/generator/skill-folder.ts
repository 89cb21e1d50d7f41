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
  const { config_schema: _configSchema, ...manifest } = candidate.manifest;
  const files: [string, string][] = [
    [SKILL_FILES.skillMd, candidate.skillMd],
    [SKILL_FILES.code, candidate.code],
    [SKILL_FILES.manifest, toJson(manifest)],
    [SKILL_FILES.configSchema, toJson(candidate.configSchema)],
    [SKILL_FILES.samples, toJson(candidate.sampleInputs)],
  ];
  for (const [name, content] of files) fs.writeFileSync(path.join(folder, name), content, { flag: 'wx', mode: 0o644 });
  return folder;
}

/** Lists the folder's files, refusing anything that is not a plain, non-executable file we expect. */
function listFiles(folder: string): Map<string, number> {
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  if (entries.length > MAX_ENTRIES) throw refused({ en: `it holds more than ${MAX_ENTRIES} entries.`, pl: `zawiera ponad ${MAX_ENTRIES} pozycji.` });
  const expected = new Set<string>(Object.values(SKILL_FILES));
  const sizes = new Map<string, number>();
  let total = 0;
  for (const entry of entries) {
    const name = entry.name;
    if (entry.isSymbolicLink()) throw refused({ en: `${name} is a symbolic link.`, pl: `${name} jest dowiązaniem symbolicznym.` }, [name]);
    if (entry.isDirectory())
      throw refused({ en: `${name} is a subfolder; a skill folder holds files only.`, pl: `${name} to podfolder; folder skilla zawiera tylko pliki.` }, [name]);
    if (!entry.isFile()) throw refused({ en: `${name} is not a regular file.`, pl: `${name} nie jest zwykłym plikiem.` }, [name]);
    if (!expected.has(name) && !DOCUMENT.test(name))
      throw refused(
        { en: `${name} is not one of the files a skill folder may hold (${[...expected].join(', ')}, .md and .txt documents).`, pl: `${name} nie jest jednym z plików, które może zawierać folder skilla (${[...expected].join(', ')}, dokumenty .md i .txt).` },
        [name],
      );
    const stat = fs.lstatSync(path.join(folder, name));
    if (process.platform !== 'win32' && (stat.mode & 0o111) !== 0)
      throw refused({ en: `${name} is marked executable.`, pl: `${name} jest oznaczony jako wykonywalny.` }, [name]);
    const limit = MAX_FILE_BYTES[name] ?? MAX_DOCUMENT_BYTES;
    if (stat.size > limit)
      throw refused({ en: `${name} is larger than ${limit / KIB} KiB.`, pl: `${name} jest większy niż ${limit / KIB} KiB.` }, [name]);
    total += stat.size;
    sizes.set(name, stat.size);
  }
  if (total > MAX_FOLDER_BYTES) throw refused({ en: `its files add up to more than ${MAX_FOLDER_BYTES / KIB} KiB.`, pl: `jego pliki mają razem ponad ${MAX_FOLDER_BYTES / KIB} KiB.` });
  for (const name of expected)
    if (!sizes.has(name)) throw refused({ en: `${name} is missing.`, pl: `brakuje pliku ${name}.` }, [name]);
  return sizes;
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
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, read));
    } catch {
      throw refused({ en: `${name} is not UTF-8 text.`, pl: `${name} nie jest tekstem UTF-8.` }, [name]);
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readJson(folder: string, name: string): unknown {
  const text = readText(folder, name);
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    throw refused({ en: `${name} is not valid JSON (${reason}).`, pl: `${name} nie jest poprawnym JSON (${reason}).` }, [name]);
  }
}

function requireValid(name: string, problems: string[]): void {
  if (problems.length > 0)
    throw refused({ en: `${name} does not have the expected content.`, pl: `${name} nie ma oczekiwanej zawartości.` }, problems.map((p) => `${name}: ${p}`));
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
  try {
    checkSkillName(folderName);
  } catch {
    throw refused({
      en: `the folder name "${folderName}" is not a skill name (lowercase letters, digits and single hyphens, at most 64).`,
      pl: `nazwa folderu "${folderName}" nie jest nazwą skilla (małe litery, cyfry i pojedyncze myślniki, najwyżej 64).`,
    });
  }
  listFiles(folder);

  const skillMd = readText(folder, SKILL_FILES.skillMd);
  parseSkillMd(skillMd, { folderName });
  const manifest = readJson(folder, SKILL_FILES.manifest);
  requireValid(SKILL_FILES.manifest, checkManifestFile(manifest));
  const slug = (manifest as { slug: string }).slug;
  if (slug !== folderName)
    throw refused(
      { en: `${SKILL_FILES.manifest} names the skill "${slug}" but the folder is "${folderName}".`, pl: `${SKILL_FILES.manifest} nazywa skill "${slug}", a folder to "${folderName}".` },
      [SKILL_FILES.manifest],
    );
  const configSchema = readJson(folder, SKILL_FILES.configSchema);
  if (typeof configSchema !== 'object' || configSchema === null || Array.isArray(configSchema))
    throw refused({ en: `${SKILL_FILES.configSchema} must hold a JSON object.`, pl: `${SKILL_FILES.configSchema} musi zawierać obiekt JSON.` }, [SKILL_FILES.configSchema]);
  const sampleInputs = readJson(folder, SKILL_FILES.samples);
  requireValid(SKILL_FILES.samples, checkSamplesFile(sampleInputs));

  const candidate = {
    code: readText(folder, SKILL_FILES.code),
    manifest: { ...(manifest as object), config_schema: configSchema },
    configSchema,
    skillMd,
    sampleInputs,
    generator: 'import',
    attempt: 1,
  };
  const problems = candidateProblems(candidate, options);
  if (problems.length > 0) throw refused({ en: 'its files do not form a complete skill.', pl: 'jego pliki nie tworzą kompletnego skilla.' }, problems);
  return candidate as SkillCandidate;
}
