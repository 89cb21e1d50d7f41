// The assistant's MCP server in this process, driven by the SDK's own client: approved skills and
// built-in mods are tools, calling one is the execute path as the assistant, and the list changes
// when the owner approves.
import { describe, expect, it, vi } from 'vitest';
import { validateToolName } from '@modelcontextprotocol/sdk/shared/toolNameValidation.js';
import { offlineGenerator, type SkillGenerator } from '../../../main/skills/generator/index.ts';
import { approveNow, generateWith } from '../../bridge/approval-engine.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { executions, openMcpSetup } from './mcp-fixtures.ts';

const tempDir = useTempDir();
const ASSISTANT_TOOLS = ['get_skill', 'list_skills', 'request_review', 'request_rollback', 'request_skill', 'search_marketplace', 'show_marketplace_listing', 'request_marketplace_install'];

async function setup(context: { onTestFinished(fn: () => Promise<void>): void }) {
  const mcp = await openMcpSetup(tempDir());
  context.onTestFinished(() => mcp.close());
  return mcp;
}

describe('tools over MCP', () => {
  it('offers each built-in action as slug__action with its params schema, and the asking tools, all within MCP’s name rules', async (context) => {
    const { client } = await setup(context);
    const { tools } = await client.listTools();
    const names = tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['sleep-tracker__log_sleep', ...ASSISTANT_TOOLS]));
    for (const name of names) expect(validateToolName(name), name).toMatchObject({ isValid: true, warnings: [] });
    const logSleep = tools.find((t) => t.name === 'sleep-tracker__log_sleep')!;
    expect(logSleep.inputSchema).toMatchObject({ type: 'object', required: ['hours'], properties: { hours: { type: 'number', maximum: 24 } } });
    expect(logSleep.description).toContain('Log sleep');
  });

  it('runs an action as the assistant and records the execution with trigger mcp', async (context) => {
    const { client, engine } = await setup(context);
    const result = await client.callTool({ name: 'sleep-tracker__log_sleep', arguments: { hours: 7.5, quality: 4 } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ success: true });
    expect(executions(engine)[0]).toMatchObject({ skillSlug: 'sleep-tracker', action: 'log_sleep', trigger: 'mcp', actor: 'assistant', status: 'succeeded' });
  });

  it('refuses params the action’s schema refuses, saying which, and runs nothing', async (context) => {
    const { client, engine } = await setup(context);
    const result = await client.callTool({ name: 'sleep-tracker__log_sleep', arguments: { hours: 'many' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error: { status: 400, message: { en: expect.any(String), pl: expect.any(String) } } });
    expect(JSON.stringify(result.content)).toContain('hours');
    expect(executions(engine)).toEqual([]);
  });

  it('answers an unknown tool with a protocol error that says to list the tools again', async (context) => {
    const { client } = await setup(context);
    await expect(client.callTool({ name: 'custom-nothing__run', arguments: {} })).rejects.toThrow(/List the tools again/);
  });

  it('keeps a requested skill out of the tools until the owner approves it, then tells the client the list changed', async (context) => {
    const { client, engine, authenticator, nextToolListChange } = await setup(context);
    const requested = await client.callTool({ name: 'request_skill', arguments: { text: 'Chcę śledzić ile piję wody' } });
    expect(requested.isError).toBeFalsy();
    expect(requested.structuredContent).toMatchObject({ status: 'waiting-for-owner-approval', version: '1.0.0' });
    expect(JSON.stringify(requested.content)).toContain('approve it in the Skill Foundry desktop app');
    const slug = (requested.structuredContent as { skill: { slug: string } }).skill.slug;
    const before = (await client.listTools()).tools.map((t) => t.name);
    expect(before.some((name) => name.startsWith(`${slug}__`))).toBe(false);
    const refused = await client.callTool({ name: 'list_skills', arguments: {} });
    expect(refused.structuredContent).toMatchObject({ skills: expect.arrayContaining([{ slug, name: expect.any(String), status: 'pending', runnable: false }]) });

    const changed = nextToolListChange();
    const pending = engine.store.versions.listForSkill(slug)[0]!;
    await approveNow(engine, authenticator, pending);
    await changed;

    const after = (await client.listTools()).tools;
    const waterTool = after.find((t) => t.name.startsWith(`${slug}__`))!;
    expect(waterTool).toBeDefined();
    const ran = await client.callTool({ name: waterTool.name, arguments: { amount_ml: 250 } });
    expect(ran.isError).toBeFalsy();
    expect(executions(engine)[0]).toMatchObject({ skillSlug: slug, trigger: 'mcp', actor: 'assistant', status: 'succeeded' });
  });

  it('offers an approved skill’s SKILL.md and disclosure as resources', async (context) => {
    const { client, engine, authenticator } = await setup(context);
    const requested = await client.callTool({ name: 'request_skill', arguments: { text: 'Chcę śledzić ile piję wody' } });
    const slug = (requested.structuredContent as { skill: { slug: string } }).skill.slug;
    expect((await client.listResources()).resources).toEqual([]);
    const version = await approveNow(engine, authenticator, engine.store.versions.listForSkill(slug)[0]!);

    const { resources } = await client.listResources();
    expect(resources.map((r) => r.uri)).toEqual([`skill://${slug}/SKILL.md`, `skill://${slug}/disclosure`]);
    const skillMd = await client.readResource({ uri: `skill://${slug}/SKILL.md` });
    expect(skillMd.contents[0]).toMatchObject({ mimeType: 'text/markdown', text: version.skillMd });
    const disclosure = await client.readResource({ uri: `skill://${slug}/disclosure` });
    expect(disclosure.contents[0]).toMatchObject({ mimeType: 'text/plain', text: expect.stringContaining('wants to') });
    await expect(client.readResource({ uri: 'skill://custom-nothing/SKILL.md' })).rejects.toThrow(/There is no resource/);
  });

  it('waits for the owner’s consent before an action that asks for it, and runs once they allow it', async (context) => {
    const { client, engine, authenticator } = await setup(context);
    const asksFirst: SkillGenerator = {
      id: 'offline',
      async generate(need, feedback) {
        const candidate = await offlineGenerator.generate(need, feedback);
        return { ...candidate, manifest: { ...candidate.manifest, actions: [{ slug: 'log_water', requireApproval: true }] } };
      },
    };
    const version = await approveNow(engine, authenticator, await generateWith(engine, asksFirst));
    const call = client.callTool({ name: `${version.slug}__log_water`, arguments: { amount_ml: 250 } });
    const waiting = await vi.waitFor(() => {
      const [request] = engine.service.pendingConsents('owner');
      if (!request) throw new Error('no consent request yet');
      return request;
    });
    expect(waiting).toMatchObject({ skillSlug: version.slug, action: 'log_water', actor: 'assistant', trigger: 'mcp' });
    expect(executions(engine).filter((e) => e.trigger === 'mcp')).toEqual([]);
    engine.service.decideConsent('owner', { id: waiting.id, verdict: 'grant' });
    const result = await call;
    expect(result.structuredContent).toMatchObject({ success: true });
    expect(executions(engine)[0]).toMatchObject({ skillSlug: version.slug, trigger: 'mcp', status: 'succeeded' });
  });
});
