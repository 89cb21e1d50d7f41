import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { buildOfflineCandidate } from '../../../main/skills/generator/offline-generator.ts';
import { exportSkillFolder, importSkillFolder, SKILL_FILES } from '../../../main/skills/generator/skill-folder.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('foundry-skill-folder-');
const WATER: SkillNeed = { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody' };
const water = buildOfflineCandidate(WATER);

/** A freshly exported water tracker folder. */
function exported(): string {
  return exportSkillFolder(water, tempDir());
}

function refusal(folder: string): GeneratorError {
  try {
    importSkillFolder(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    return error as GeneratorError;
  }
  throw new Error('the folder was imported');
}

describe('skill folders', () => {
  it('export writes the five files into a folder named after the slug', () => {
    const folder = exported();
    expect(path.basename(folder)).toBe('custom-water-tracker');
    expect(fs.readdirSync(folder).sort()).toEqual(['SKILL.md', 'config.schema.json', 'index.ts', 'manifest.json', 'samples.json']);
    expect(fs.readFileSync(path.join(folder, 'index.ts'), 'utf8')).toBe(water.code);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual({ slug: 'custom-water-tracker', name: 'Śledzenie: woda', description: water.manifest.description, version: '1.0.0', capabilities: water.manifest.capabilities, actions: water.manifest.actions, presentation: water.manifest.presentation, tableLabels: water.manifest.tableLabels });
  });

  it('import reads an export back into the same candidate, as generator "import"', () => {
    for (const kind of ['tracker', 'reminder', 'counter', 'checklist', 'journal'] as const) {
      const candidate = buildOfflineCandidate({ ...WATER, kind, cadence: kind === 'reminder' ? { type: 'daily', at: '07:30' } : { type: 'none' } });
      const imported = importSkillFolder(exportSkillFolder(candidate, tempDir()));
      expect(imported).toEqual({ ...candidate, generator: 'import', attempt: 1 });
    }
  });

  it('ignores plain documents beside the skill files', () => {
    const folder = exported();
    fs.writeFileSync(path.join(folder, 'README.md'), '# Notes\n');
    fs.writeFileSync(path.join(folder, 'LICENSE'), 'MIT\n');
    expect(importSkillFolder(folder).code).toBe(water.code);
  });

  it('export refuses to write over an existing folder', () => {
    const parent = tempDir();
    exportSkillFolder(water, parent);
    expect(() => exportSkillFolder(water, parent)).toThrow(expect.objectContaining({ code: 'skill-folder/exists' }));
  });

  it('refuses a missing file, naming it', () => {
    const folder = exported();
    fs.rmSync(path.join(folder, SKILL_FILES.samples));
    const error = refusal(folder);
    expect(error.code).toBe('skill-folder/invalid');
    expect(error.userMessage).toEqual({
      en: 'This skill folder cannot be imported: samples.json is missing.',
      pl: 'Nie można zaimportować tego folderu skilla: brakuje pliku samples.json.',
    });
  });

  it('refuses JSON that does not parse, naming the file', () => {
    const folder = exported();
    fs.writeFileSync(path.join(folder, SKILL_FILES.manifest), '{ "slug": "custom-water-tracker", ');
    const error = refusal(folder);
    expect(error.userMessage.en).toMatch(/^This skill folder cannot be imported: manifest\.json is not valid JSON \(/);
    expect(error.details).toEqual(['manifest.json']);
  });

  it('refuses a manifest with the wrong shape or another slug', () => {
    const folder = exported();
    const file = path.join(folder, SKILL_FILES.manifest);
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...manifest, capabilities: { ...manifest.capabilities, writes: ['water'] }, config_schema: {} }));
    expect(refusal(folder).details).toEqual(
      expect.arrayContaining(['manifest.json: (root) must NOT have additional properties: config_schema', 'manifest.json: /capabilities/writes/0 must match pattern "^exo_[a-z][a-z0-9_]{0,58}$"']),
    );
    fs.writeFileSync(file, JSON.stringify({ ...manifest, slug: 'custom-coffee-tracker' }));
    expect(refusal(folder).userMessage.en).toBe('This skill folder cannot be imported: manifest.json names the skill "custom-coffee-tracker" but the folder is "custom-water-tracker".');
  });

  it('refuses a SKILL.md whose name is not the folder name', () => {
    const folder = exported();
    const file = path.join(folder, SKILL_FILES.skillMd);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('name: custom-water-tracker', 'name: water-tracker'));
    const error = refusal(folder);
    expect(error.code).toBe('skill-md/invalid');
    expect(error.userMessage.en).toBe(`SKILL.md: name "water-tracker" must be equal to the skill's folder name "custom-water-tracker".`);
  });

  it('refuses a folder whose name is not a skill name', () => {
    const folder = exported();
    const renamed = path.join(path.dirname(folder), 'Water Tracker');
    fs.renameSync(folder, renamed);
    expect(refusal(renamed).userMessage.en).toMatch(/the folder name "Water Tracker" is not a skill name/);
  });

  it('refuses samples that are not sample inputs', () => {
    const folder = exported();
    fs.writeFileSync(path.join(folder, SKILL_FILES.samples), JSON.stringify([{ method: 'deleteEverything' }]));
    expect(refusal(folder).details).toEqual(['samples.json: /0/method must be equal to one of the allowed values']);
  });

  it('refuses extra code, subfolders, executables and symlinks', () => {
    const withFile = (name: string, mode = 0o644) => {
      const folder = exported();
      fs.writeFileSync(path.join(folder, name), 'x', { mode });
      return folder;
    };
    expect(refusal(withFile('helper.js')).userMessage.en).toMatch(/helper\.js is not one of the files a skill folder may hold/);
    expect(refusal(withFile('run.sh')).details).toEqual(['run.sh']);
    expect(refusal(withFile('notes.md', 0o755)).userMessage.en).toBe('This skill folder cannot be imported: notes.md is marked executable.');

    const withDir = exported();
    fs.mkdirSync(path.join(withDir, 'scripts'));
    expect(refusal(withDir).userMessage.en).toBe('This skill folder cannot be imported: scripts is a subfolder; a skill folder holds files only.');

    const withLink = exported();
    const outside = path.join(tempDir(), 'secret.ts');
    fs.writeFileSync(outside, 'export class Evil {}');
    fs.rmSync(path.join(withLink, SKILL_FILES.code));
    fs.symlinkSync(outside, path.join(withLink, SKILL_FILES.code));
    expect(refusal(withLink).userMessage.en).toBe('This skill folder cannot be imported: index.ts is a symbolic link.');

    const linkedFolder = path.join(tempDir(), 'custom-water-tracker');
    fs.symlinkSync(exported(), linkedFolder);
    expect(refusal(linkedFolder).userMessage.en).toMatch(/is not a folder\.$/);
  });

  it('refuses files over their size limit and text that is not UTF-8', () => {
    const big = exported();
    fs.writeFileSync(path.join(big, SKILL_FILES.code), 'x'.repeat(256 * 1024 + 1));
    expect(refusal(big).userMessage.en).toBe('This skill folder cannot be imported: index.ts is larger than 256 KiB.');

    const binary = exported();
    fs.writeFileSync(path.join(binary, SKILL_FILES.code), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    expect(refusal(binary).userMessage.en).toBe('This skill folder cannot be imported: index.ts is not UTF-8 text.');
  });

  it('refuses a folder that does not exist', () => {
    expect(refusal(path.join(tempDir(), 'custom-nothing')).userMessage.en).toMatch(/custom-nothing does not exist\.$/);
  });
});
