// A skill action's MCP tool name: `slug__action`. MCP (2025-11-25, "Tool names") allows 1 to 128
// characters of A–Z, a–z, 0–9, `_`, `-` and `.`. Skill slugs are kebab-case (`custom-water-tracker`,
// at most 72 characters) and action slugs snake_case without a double underscore (`log_water`, at
// most 64), so `__` separates them unambiguously and every character is allowed. Only the length
// can overflow: then the skill's part is shortened and a hash of the whole slug keeps it unique.
import { createHash } from 'node:crypto';

export const MAX_TOOL_NAME = 128;
const SEPARATOR = '__';
const HASH_CHARS = 8;

export function skillToolName(skillSlug: string, actionSlug: string): string {
  const name = `${skillSlug}${SEPARATOR}${actionSlug}`;
  if (name.length <= MAX_TOOL_NAME) return name;
  const hash = createHash('sha256').update(skillSlug).digest('hex').slice(0, HASH_CHARS);
  const room = MAX_TOOL_NAME - SEPARATOR.length - actionSlug.length - hash.length - 1;
  return `${skillSlug.slice(0, room)}-${hash}${SEPARATOR}${actionSlug}`;
}
