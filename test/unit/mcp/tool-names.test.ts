import { describe, expect, it } from 'vitest';
import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { MAX_TOOL_NAME, skillToolName } from '../../../main/mcp/tool-names.ts';

describe('a skill action’s tool name', () => {
  it('is slug__action when that fits MCP’s rules', () => {
    expect(skillToolName('custom-water-tracker', 'log_water')).toBe('custom-water-tracker__log_water');
  });

  it('stays within 128 allowed characters for the longest slugs, and two long skills sharing a prefix keep distinct names', () => {
    const longest = `custom-${'a'.repeat(64)}-x`;
    const sibling = `custom-${'a'.repeat(64)}-y`;
    const action = `a${'_b'.repeat(31)}c`;
    const name = skillToolName(longest, action);
    expect(name.length).toBeLessThanOrEqual(MAX_TOOL_NAME);
    expect(validateToolName(name)).toMatchObject({ isValid: true, warnings: [] });
    expect(name.endsWith(`__${action}`)).toBe(true);
    expect(skillToolName(sibling, action)).not.toBe(name);
  });
});
