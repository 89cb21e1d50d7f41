// MCP over Streamable HTTP at /mcp, on the local API's port: the SDK's client with the bearer token
// lists and calls tools and hears about approvals; without the token, from a browser or under a
// foreign Host name nothing gets through.
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { LATEST_PROTOCOL_VERSION, ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { startLocalApi } from '../../../main/api/local-api.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { approveNow, enrollAuthenticator, generateFromText, openApprovalEngine } from '../../bridge/approval-engine.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { request } from '../../unit/api/harness.ts';
import { executions } from './mcp-fixtures.ts';

const tempDir = useTempDir();

const INITIALIZE = {
  jsonrpc: '2.0', id: 1, method: 'initialize',
  params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
};
const ACCEPT = { Accept: 'application/json, text/event-stream' };

async function serve(context: { onTestFinished(fn: () => Promise<void>): void }) {
  const { engine, clock } = openApprovalEngine(tempDir(), { biometric: 'approve' });
  const tokens = createApiTokenService({ repo: engine.store.approvalSecurity, box: engine.secretBox!, audit: engine.store.auditLog });
  const token = await tokens.rotate('owner');
  const api = await startLocalApi(engine, { backend: createServiceBackend(engine.service), tokens, port: 0 });
  const clients: Client[] = [];
  context.onTestFinished(async () => {
    for (const client of clients) await client.close();
    await api.close();
    await engine.close();
  });
  const connect = async (onToolsChanged: () => void = () => {}) => {
    const client = new Client({ name: 'test-assistant', version: '1.0.0' });
    client.setNotificationHandler(ToolListChangedNotificationSchema, onToolsChanged);
    await client.connect(new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
    clients.push(client);
    return client;
  };
  return { engine, clock, api, token, connect };
}

describe('MCP at /mcp', () => {
  it('lists and runs tools for a client with the token, recording the run with trigger mcp', async (context) => {
    const { engine, connect } = await serve(context);
    const client = await connect();
    expect((await client.listTools()).tools.map((t) => t.name)).toContain('sleep-tracker__log_sleep');
    const result = await client.callTool({ name: 'sleep-tracker__log_sleep', arguments: { hours: 8 } });
    expect(result.structuredContent).toMatchObject({ success: true });
    expect(executions(engine)[0]).toMatchObject({ skillSlug: 'sleep-tracker', trigger: 'mcp', actor: 'assistant' });
  });

  it('tells a connected client that the tools changed when the owner approves a skill', async (context) => {
    const { engine, clock, connect } = await serve(context);
    const authenticator = await enrollAuthenticator(engine, clock);
    const pending = await generateFromText(engine);
    let changed!: () => void;
    const toolsChanged = new Promise<void>((resolve) => (changed = resolve));
    const client = await connect(() => changed());
    expect((await client.listTools()).tools.some((t) => t.name.startsWith(`${pending.slug}__`))).toBe(false);
    // The notification stream (GET /mcp) is opened right after initialization; a first list call shows the session is up.
    await approveNow(engine, authenticator, pending);
    await toolsChanged;
    expect((await client.listTools()).tools.some((t) => t.name.startsWith(`${pending.slug}__`))).toBe(true);
  });

  it('refuses a request without the token, with a wrong one, from a browser or to a foreign Host, before MCP sees it', async (context) => {
    const { api, token } = await serve(context);
    const post = (headers: Record<string, string>, sendToken: string | null) =>
      request(api.url, { method: 'POST', path: '/mcp', body: INITIALIZE, headers: { ...ACCEPT, ...headers }, token: sendToken }, null);

    expect((await post({}, null)).status).toBe(401);
    expect((await post({}, 'not-the-token')).status).toBe(401);
    expect((await post({ Origin: 'https://evil.example' }, token)).status).toBe(403);
    expect((await post({ 'Sec-Fetch-Site': 'cross-site' }, token)).status).toBe(403);
    expect((await post({ Host: `attacker.example:${api.port}` }, token)).status).toBe(421);
    const tooBig = await request(api.url, { method: 'POST', path: '/mcp', body: { ...INITIALIZE, padding: 'x'.repeat(70_000) }, headers: ACCEPT, token }, null);
    expect(tooBig.status).toBe(413);

    const ok = await post({}, token);
    expect(ok.status).toBe(200);
    expect(ok.headers['mcp-session-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a request without a session or with an unknown one clearly', async (context) => {
    const { api, token } = await serve(context);
    const list = { jsonrpc: '2.0', id: 2, method: 'tools/list' };
    const noSession = await request(api.url, { method: 'POST', path: '/mcp', body: list, headers: ACCEPT, token }, null);
    expect(noSession.status).toBe(400);
    expect(noSession.json).toMatchObject({ error: { message: expect.stringContaining('send initialize first'), data: { message: { pl: expect.any(String) } } } });
    const gone = await request(api.url, { method: 'POST', path: '/mcp', body: list, headers: { ...ACCEPT, 'Mcp-Session-Id': '00000000-0000-4000-8000-000000000000' }, token }, null);
    expect(gone.status).toBe(404);
    expect((await request(api.url, { method: 'PUT', path: '/mcp', body: list, token }, null)).status).toBe(405);
  });
});
