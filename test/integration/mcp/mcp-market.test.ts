// The marketplace over MCP: the assistant searches, inspects and asks for an install with the same
// backend calls as the REST routes; each answer tells it the owner approves in the desktop app, and
// what it asked for waits in the review queue, whatever approval-like arguments came along.
import { describe, expect, it } from 'vitest';
import { FACTOR_LIKE } from '../../fixtures/approval-like.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { fileRegistry } from '../../unit/marketplace/market-fixtures.ts';
import { openMcpSetup } from './mcp-fixtures.ts';

const tempDir = useTempDir();
const SLUG = 'custom-water-tracker';
const text = (result: Record<string, unknown>) => ((result.content as { type: string; text: string }[] | undefined)?.[0]?.text ?? '');

async function setup(context: { onTestFinished(fn: () => Promise<void>): void }, enabled = true) {
  const mcp = await openMcpSetup(tempDir());
  context.onTestFinished(() => mcp.close());
  if (enabled) {
    mcp.engine.config.set('skills.marketplace.enabled', true, 'owner');
    mcp.engine.config.set('skills.marketplace.registryUrl', await fileRegistry(tempDir()), 'owner');
  }
  return mcp;
}

describe('the marketplace over MCP', () => {
  it('lists the three marketplace tools with closed arguments; the install tool says only the owner approves', async (context) => {
    const { client } = await setup(context);
    const { tools } = await client.listTools();
    for (const name of ['search_marketplace', 'show_marketplace_listing', 'request_marketplace_install']) {
      const tool = tools.find((t) => t.name === name);
      expect(tool, name).toBeDefined();
      expect(tool!.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    }
    expect(tools.find((t) => t.name === 'request_marketplace_install')!.description).toContain('The owner must approve it with two factors');
  });

  it('searches, shows a listing checked here, and requests an install that waits for the owner, as requested by the assistant', async (context) => {
    const { client, engine } = await setup(context);
    const found = await client.callTool({ name: 'search_marketplace', arguments: { query: 'water' } });
    expect(found.isError).toBeFalsy();
    expect(found.structuredContent).toMatchObject({ listings: [{ id: `${SLUG}@1.0.0` }] });
    expect(text(found)).toContain('Listings found: 1');

    const shown = await client.callTool({ name: 'show_marketplace_listing', arguments: { id: `${SLUG}@1.0.0` } });
    expect(shown.structuredContent).toMatchObject({ problem: null, localAudit: { verdict: 'pass' } });
    expect(text(shown)).toMatch(/trust score \d+\/100/);

    const requested = await client.callTool({ name: 'request_marketplace_install', arguments: { id: SLUG } });
    expect(requested.isError).toBeFalsy();
    expect(requested.structuredContent).toMatchObject({ status: 'waiting-for-owner-approval', skill: { slug: SLUG, status: 'pending' } });
    expect(text(requested)).toContain('two factors in the Skill Foundry desktop app');
    expect(engine.service.reviewRequests()).toEqual([expect.objectContaining({ requestedBy: 'assistant' })]);
    expect(engine.store.skills.list().find((s) => s.slug === SLUG)).toMatchObject({ status: 'pending', activeVersion: null });
  });

  it('leaves what it asked for pending, whatever approval-like arguments come with the request', async (context) => {
    const { client, engine } = await setup(context);
    for (const payload of FACTOR_LIKE) {
      const result = await client.callTool({ name: 'request_marketplace_install', arguments: { id: SLUG, ...payload } });
      expect(JSON.stringify(result.structuredContent ?? {})).not.toMatch(/"status":"approved"/);
    }
    expect(engine.store.versions.listForSkill(SLUG).map((v) => v.status).filter((s) => s !== 'pending')).toEqual([]);
    expect(engine.store.skills.list().find((s) => s.slug === SLUG)?.activeVersion ?? null).toBeNull();
  });

  it('answers with the owner’s refusal, as an error the model reads, while the marketplace is off', async (context) => {
    const { client } = await setup(context, false);
    const result = await client.callTool({ name: 'search_marketplace', arguments: {} });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ error: { code: 'marketplace/disabled', status: 403 } });
  });
});
