import { describe, expect, it } from 'vitest';
import { GeneratorError } from '../../../main/skills/generator/generator-error.ts';
import { parseSkillMd, renderSkillMd } from '../../../main/skills/generator/skill-md.ts';

function skillMd(frontMatter: string, body = '\n# Skill\n'): string {
  return `---\n${frontMatter}\n---\n${body}`;
}

const DESCRIPTION = 'description: Tracks water. Use when the owner logs a drink.';

/** The error a SKILL.md is refused with; fails the test if it is accepted. */
function refusal(text: string, folderName?: string): GeneratorError {
  try {
    parseSkillMd(text, folderName === undefined ? {} : { folderName });
  } catch (error) {
    expect(error).toBeInstanceOf(GeneratorError);
    const refused = error as GeneratorError;
    expect(refused.code).toBe('skill-md/invalid');
    expect(refused.userMessage.pl).toMatch(/^SKILL\.md: /);
    return refused;
  }
  throw new Error('the SKILL.md was accepted');
}

describe('SKILL.md (Agent Skills specification)', () => {
  it('reads a valid file: front matter fields and the Markdown body', () => {
    const parsed = parseSkillMd(
      skillMd(
        [
          'name: custom-water-tracker',
          DESCRIPTION,
          'license: MIT',
          'compatibility: Skill Foundry 0.1 or later',
          'metadata:',
          '  kind: tracker',
          '  language: pl',
          'allowed-tools: Read Bash(git:*)',
        ].join('\n'),
      ),
      { folderName: 'custom-water-tracker' },
    );
    expect(parsed.frontMatter).toEqual({
      name: 'custom-water-tracker',
      description: 'Tracks water. Use when the owner logs a drink.',
      license: 'MIT',
      compatibility: 'Skill Foundry 0.1 or later',
      metadata: { kind: 'tracker', language: 'pl' },
      'allowed-tools': 'Read Bash(git:*)',
    });
    expect(parsed.body).toBe('\n# Skill\n');
  });

  it('round-trips through renderSkillMd, also with Windows line ends', () => {
    const doc = { frontMatter: { name: 'custom-a', description: 'Quotes: "x", colons: y, and #hash' }, body: '\n# A\n\ntext\n' };
    const text = renderSkillMd(doc);
    expect(parseSkillMd(text)).toEqual(doc);
    expect(parseSkillMd(text.replace(/\n/g, '\r\n'))).toEqual(doc);
  });

  describe('name', () => {
    it('is required (length 0)', () => {
      expect(refusal(skillMd(`name: ""\n${DESCRIPTION}`)).userMessage.en).toBe('SKILL.md: name is required and must be text.');
      expect(refusal(skillMd(DESCRIPTION)).details).toEqual(['name']);
    });

    it('accepts 1 and 64 characters, refuses 65', () => {
      expect(parseSkillMd(skillMd(`name: a\n${DESCRIPTION}`)).frontMatter.name).toBe('a');
      const max = `a${'-b'.repeat(31)}a`;
      expect(max).toHaveLength(64);
      expect(parseSkillMd(skillMd(`name: ${max}\n${DESCRIPTION}`)).frontMatter.name).toBe(max);
      expect(refusal(skillMd(`name: ${max}b\n${DESCRIPTION}`)).userMessage).toEqual({
        en: 'SKILL.md: name is 65 characters long; at most 64 are allowed.',
        pl: 'SKILL.md: name ma 65 znaków; dozwolone jest najwyżej 64.',
      });
    });

    it.each([
      ['uppercase letters', 'Water-Tracker'],
      ['a leading hyphen', '-water'],
      ['a trailing hyphen', 'water-'],
      ['two hyphens in a row', 'water--tracker'],
      ['an underscore', 'water_tracker'],
      ['a space', '"water tracker"'],
    ])('refuses %s', (_case, name) => {
      const error = refusal(skillMd(`name: ${name}\n${DESCRIPTION}`));
      expect(error.userMessage.en).toMatch(/^SKILL\.md: name ".*" may hold only lowercase letters, digits and single hyphens/);
      expect(error.userMessage.pl).toMatch(/może zawierać tylko małe litery, cyfry i pojedyncze myślniki/);
    });

    it('refuses a number', () => {
      expect(refusal(skillMd(`name: 42\n${DESCRIPTION}`)).userMessage.en).toBe('SKILL.md: name is required and must be text.');
    });

    it('must equal the folder name', () => {
      expect(refusal(skillMd(`name: custom-water\n${DESCRIPTION}`), 'custom-water-tracker').userMessage).toEqual({
        en: `SKILL.md: name "custom-water" must be equal to the skill's folder name "custom-water-tracker".`,
        pl: 'SKILL.md: name "custom-water" musi być równe nazwie folderu skilla "custom-water-tracker".',
      });
    });
  });

  describe('description', () => {
    it('is required and may not be empty or blank', () => {
      expect(refusal(skillMd('name: a')).userMessage.en).toBe('SKILL.md: description is required.');
      expect(refusal(skillMd('name: a\ndescription: ""')).userMessage.en).toBe('SKILL.md: description must be non-empty text.');
      expect(refusal(skillMd('name: a\ndescription: "   "')).details).toEqual(['description']);
    });

    it('accepts 1024 characters and refuses 1025', () => {
      expect(parseSkillMd(skillMd(`name: a\ndescription: ${'x'.repeat(1024)}`)).frontMatter.description).toHaveLength(1024);
      expect(refusal(skillMd(`name: a\ndescription: ${'x'.repeat(1025)}`)).userMessage.en).toBe(
        'SKILL.md: description is 1025 characters long; at most 1024 are allowed.',
      );
    });
  });

  it('refuses compatibility over 500 characters', () => {
    expect(parseSkillMd(skillMd(`name: a\n${DESCRIPTION}\ncompatibility: ${'c'.repeat(500)}`)).frontMatter.compatibility).toHaveLength(500);
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\ncompatibility: ${'c'.repeat(501)}`)).userMessage.en).toBe(
      'SKILL.md: compatibility is 501 characters long; at most 500 are allowed.',
    );
  });

  it('refuses metadata that is not a map of strings, naming the key', () => {
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\nmetadata:\n  version: 2`)).userMessage.en).toBe(
      'SKILL.md: metadata.version must be text (quote numbers and booleans).',
    );
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\nmetadata:\n  nested:\n    a: b`)).details).toEqual(['metadata.nested']);
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\nmetadata: [a, b]`)).userMessage.en).toBe('SKILL.md: metadata must be a map of text keys to text values.');
    expect(parseSkillMd(skillMd(`name: a\n${DESCRIPTION}\nmetadata:\n  version: "2"`)).frontMatter.metadata).toEqual({ version: '2' });
  });

  it('refuses allowed-tools that is not a space-delimited string', () => {
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\nallowed-tools: [Read, Write]`)).details).toEqual(['allowed-tools']);
    expect(refusal(skillMd(`name: a\n${DESCRIPTION}\nallowed-tools: "Read  Write"`)).userMessage.en).toBe(
      'SKILL.md: allowed-tools must be tool names separated by single spaces.',
    );
  });

  it('refuses keys the specification does not define, pointing to metadata', () => {
    const error = refusal(skillMd(`name: a\n${DESCRIPTION}\nversion: 1.0.0`));
    expect(error.details).toEqual(['version']);
    expect(error.userMessage.en).toBe(
      'SKILL.md: version is not a field of the Agent Skills specification (allowed: name, description, license, compatibility, metadata, allowed-tools; put anything else under metadata).',
    );
  });

  it('refuses a file without front matter, with broken YAML or with duplicate keys', () => {
    expect(refusal('# Just markdown\n').userMessage.en).toMatch(/^SKILL\.md: front matter is missing/);
    expect(refusal(skillMd('name: [unclosed')).userMessage.en).toMatch(/^SKILL\.md: front matter is not valid YAML/);
    expect(refusal(skillMd(`name: a\nname: b\n${DESCRIPTION}`)).userMessage.en).toMatch(/^SKILL\.md: front matter is not valid YAML/);
    expect(refusal(skillMd('- a\n- b')).userMessage.en).toBe('SKILL.md: front matter must be a YAML map of keys to values.');
  });
});
