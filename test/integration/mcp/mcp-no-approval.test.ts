// No MCP tool, argument or resource approves, rejects, grants, enables shell actions or changes
// configuration: the tools' names and arguments say so, and every tool called with every
// approval-like payload leaves the owner's decisions exactly as they were.
import { describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { approveNow } from '../../bridge/approval-engine.ts';
import { FACTOR_LIKE } from '../../fixtures/approval-like.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openMcpSetup, type McpSetup } from './mcp-fixtures.ts';

const tempDir = useTempDir();

/** Words for what only the owner does; no tool or argument name may contain one. */
const OWNERS_WORDS = /approv|reject|grant|consent|verdict|allow|shell|config|setting|secret|totp|factor|biometric|passphrase|enable|restore|deploy|decide|token/i;

/** Every property name anywhere in a JSON Schema. */
function argumentNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === 'properties' && typeof value === 'object' && value !== null ? [...Object.keys(value), ...Object.values(value).flatMap(argumentNames)] : argumentNames(value),
  );
}

/** What only the owner can change, of the skills in `slugs`, to compare before and after. */
function ownersState({ engine }: McpSetup, slugs: readonly string[]) {
  const skills = engine.store.skills.list().filter((s) => slugs.includes(s.slug));
  return {
    skills: skills.map((s) => [s.slug, s.status, s.activeVersion]),
    versions: skills.flatMap((s) => engine.store.versions.listForSkill(s.slug).map((v) => [v.tag, v.status])),
    approvals: skills.map((s) => engine.service.getSkill('owner', s.slug).approvals.length),
    standingConsents: engine.service.standingConsents('owner'),
    config: engine.config.view(),
    decisions: engine.store.auditLog.page({ offset: 0, limit: 1000 }).items
      .filter((e) => /^(skill\.(approved|deployed|rejected|rolled-back|restored|settings|secret|allowance\.added)|config\.|consent\.)/.test(e.event))
      .map((e) => e.seq),
  };
}

/** Arguments that would pass for each tool, for one pending skill and one approved one. */
function validArguments(tool: Tool, pending: string, approved: string): Record<string, unknown> {
  switch (tool.name) {
    case 'request_skill': return { text: 'I want to track my tea' };
    case 'list_skills': return {};
    case 'get_skill':
    case 'request_review': return { skill: pending };
    case 'request_rollback': return { skill: approved, version: '1.0.0' };
    case 'sleep-tracker__log_sleep': return { hours: 7 };
    case 'search_marketplace': return { query: 'water' };
    case 'show_marketplace_listing':
    case 'request_marketplace_install': return { id: pending };
    default: return {};
  }
}

describe('nothing over MCP can approve', () => {
  it('has no tool or argument named for an owner’s decision', async (context) => {
    const mcp = await openMcpSetup(tempDir());
    context.onTestFinished(() => mcp.close());
    const requested = await mcp.client.callTool({ name: 'request_skill', arguments: { text: 'Chcę śledzić ile piję wody' } });
    const slug = (requested.structuredContent as { skill: { slug: string } }).skill.slug;
    await approveNow(mcp.engine, mcp.authenticator, mcp.engine.store.versions.listForSkill(slug)[0]!);

    const { tools } = await mcp.client.listTools();
    expect(tools.length).toBeGreaterThan(6);
    for (const tool of tools) {
      expect(tool.name).not.toMatch(OWNERS_WORDS);
      for (const name of argumentNames(tool.inputSchema)) expect(name, `${tool.name}(${name})`).not.toMatch(OWNERS_WORDS);
    }
    const { resources } = await mcp.client.listResources();
    for (const resource of resources) expect(resource.uri).toMatch(/^skill:\/\/[a-z0-9-]+\/(SKILL\.md|disclosure)$/);
  });

  it('leaves every approval, version, consent and setting as it was when each tool gets each approval-like payload', async (context) => {
    const mcp = await openMcpSetup(tempDir());
    context.onTestFinished(() => mcp.close());
    const water = await mcp.client.callTool({ name: 'request_skill', arguments: { text: 'Chcę śledzić ile piję wody' } });
    const approved = (water.structuredContent as { skill: { slug: string } }).skill.slug;
    await approveNow(mcp.engine, mcp.authenticator, mcp.engine.store.versions.listForSkill(approved)[0]!);
    const coffee = await mcp.client.callTool({ name: 'request_skill', arguments: { text: 'log my coffee' } });
    const pending = (coffee.structuredContent as { skill: { slug: string } }).skill.slug;
    const known = mcp.engine.store.skills.list().map((s) => s.slug);
    const before = ownersState(mcp, known);

    const { tools } = await mcp.client.listTools();
    for (const tool of tools) {
      for (const payload of FACTOR_LIKE) {
        for (const args of [payload, { ...validArguments(tool, pending, approved), ...payload }]) {
          const result = await mcp.client.callTool({ name: tool.name, arguments: args });
          expect(JSON.stringify(result.structuredContent ?? {}), `${tool.name} ${JSON.stringify(args)}`).not.toMatch(/"status":"approved"|"verdict":"grant"/);
        }
      }
    }
    expect(ownersState(mcp, known)).toEqual(before);
    // Asking for a skill is allowed (the SDK drops a `__proto__` key, leaving a valid request): whatever was asked for waits for the owner.
    const asked = mcp.engine.store.skills.list().filter((s) => !known.includes(s.slug));
    for (const skill of asked) expect([skill.status, skill.activeVersion]).toEqual(['pending', null]);
  });
});
