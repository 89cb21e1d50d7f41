// SKILL.md as the Agent Skills specification defines it (agentskills.io/specification): YAML
// front matter between `---` lines, then a Markdown body. Only the spec's keys are accepted.
import { parseDocument, stringify } from 'yaml';
import { GeneratorError } from './generator-error.ts';

export interface SkillMdFrontMatter {
  name: string;
  description: string;
  license?: string;
  compatibility?: string;
  metadata?: Record<string, string>;
  'allowed-tools'?: string;
}

export interface SkillMd {
  frontMatter: SkillMdFrontMatter;
  body: string;
}

const KNOWN_KEYS = ['name', 'description', 'license', 'compatibility', 'metadata', 'allowed-tools'] as const;
const NAME_MAX = 64;
const DESCRIPTION_MAX = 1024;
const COMPATIBILITY_MAX = 500;
/** Lowercase letters and digits in groups joined by single hyphens: no leading, trailing or double hyphen. */
const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FRONT_MATTER = /^---\n([\s\S]*?)\n---(?:\n|$)([\s\S]*)$/;

function invalid(field: string, en: string, pl: string): GeneratorError {
  return new GeneratorError('skill-md/invalid', { en: `SKILL.md: ${field} ${en}`, pl: `SKILL.md: ${field} ${pl}` }, { details: [field] });
}

/** Checks a skill name against the spec; `folderName`, when given, must be equal to it. */
export function checkSkillName(name: unknown, folderName?: string): string {
  if (typeof name !== 'string' || name.length === 0) throw invalid('name', 'is required and must be text.', 'jest wymagane i musi być tekstem.');
  if (name.length > NAME_MAX)
    throw invalid('name', `is ${name.length} characters long; at most ${NAME_MAX} are allowed.`, `ma ${name.length} znaków; dozwolone jest najwyżej ${NAME_MAX}.`);
  if (!NAME_PATTERN.test(name))
    throw invalid(
      'name',
      `"${name}" may hold only lowercase letters, digits and single hyphens, and may not start or end with a hyphen.`,
      `"${name}" może zawierać tylko małe litery, cyfry i pojedyncze myślniki, bez myślnika na początku ani na końcu.`,
    );
  if (folderName !== undefined && name !== folderName)
    throw invalid('name', `"${name}" must be equal to the skill's folder name "${folderName}".`, `"${name}" musi być równe nazwie folderu skilla "${folderName}".`);
  return name;
}

function optionalText(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid(field, 'must be non-empty text.', 'musi być niepustym tekstem.');
  if (value.length > max)
    throw invalid(field, `is ${value.length} characters long; at most ${max} are allowed.`, `ma ${value.length} znaków; dozwolone jest najwyżej ${max}.`);
  return value;
}

function checkMetadata(value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid('metadata', 'must be a map of text keys to text values.', 'musi być mapą tekstowych kluczy na tekstowe wartości.');
  const metadata: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string')
      throw invalid(`metadata.${key}`, 'must be text (quote numbers and booleans).', 'musi być tekstem (liczby i wartości logiczne w cudzysłowie).');
    metadata[key] = entry;
  }
  return metadata;
}

function checkAllowedTools(value: unknown): string | undefined {
  const tools = optionalText(value, 'allowed-tools', Number.MAX_SAFE_INTEGER);
  if (tools !== undefined && tools !== tools.trim().split(/\s+/).join(' '))
    throw invalid('allowed-tools', 'must be tool names separated by single spaces.', 'musi być nazwami narzędzi oddzielonymi pojedynczymi spacjami.');
  return tools;
}

/** Reads and checks a SKILL.md; `folderName` is the folder it lives in, which `name` must equal. */
export function parseSkillMd(text: string, options: { folderName?: string } = {}): SkillMd {
  const match = FRONT_MATTER.exec(text.replace(/\r\n/g, '\n'));
  if (!match)
    throw invalid('front matter', 'is missing: the file must start with a YAML block between two "---" lines.', 'nie istnieje: plik musi zaczynać się blokiem YAML między dwiema liniami "---".');
  const document = parseDocument(match[1] ?? '', { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]?.message ?? '';
    throw invalid('front matter', `is not valid YAML: ${first}`, `nie jest poprawnym YAML: ${first}`);
  }
  const data: unknown = document.toJS();
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    throw invalid('front matter', 'must be a YAML map of keys to values.', 'musi być mapą YAML kluczy na wartości.');
  const unknownKey = Object.keys(data).find((key) => !(KNOWN_KEYS as readonly string[]).includes(key));
  if (unknownKey !== undefined)
    throw invalid(
      unknownKey,
      `is not a field of the Agent Skills specification (allowed: ${KNOWN_KEYS.join(', ')}; put anything else under metadata).`,
      `nie jest polem specyfikacji Agent Skills (dozwolone: ${KNOWN_KEYS.join(', ')}; resztę umieść w metadata).`,
    );
  const fields = data as Record<string, unknown>;
  const description = optionalText(fields.description, 'description', DESCRIPTION_MAX);
  if (description === undefined) throw invalid('description', 'is required.', 'jest wymagane.');
  const frontMatter: SkillMdFrontMatter = { name: checkSkillName(fields.name, options.folderName), description };
  const license = optionalText(fields.license, 'license', Number.MAX_SAFE_INTEGER);
  const compatibility = optionalText(fields.compatibility, 'compatibility', COMPATIBILITY_MAX);
  const metadata = checkMetadata(fields.metadata);
  const allowedTools = checkAllowedTools(fields['allowed-tools']);
  if (license !== undefined) frontMatter.license = license;
  if (compatibility !== undefined) frontMatter.compatibility = compatibility;
  if (metadata !== undefined) frontMatter.metadata = metadata;
  if (allowedTools !== undefined) frontMatter['allowed-tools'] = allowedTools;
  return { frontMatter, body: match[2] ?? '' };
}

/** Writes a SKILL.md that parses back to the same document. */
export function renderSkillMd(doc: SkillMd): string {
  return `---\n${stringify(doc.frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n${doc.body}`;
}
