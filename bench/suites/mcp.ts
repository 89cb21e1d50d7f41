// One tool call's round trip as the assistant makes it: MCP over stdio (`foundry mcp`, a separate
// process, as Claude Desktop starts it), MCP over Streamable HTTP at /mcp, and the REST execute
// route, all on the same built-in action, so the figures differ only by transport and protocol.
// The rate limit is lifted for the run (it would otherwise refuse most of the calls).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { openEngine } from '../../main/engine.ts';
import { startLocalApi } from '../../main/api/local-api.ts';
import { createServiceBackend } from '../../main/api/service-backend.ts';
import { createApiTokenService } from '../../main/skills/approval/api-token.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import { measure, printNote, printRatio, printTable, withTempDir } from '../harness.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../bin/foundry.js');
const PASSPHRASE = 'bench passphrase, not a secret';
const TOOL = 'sleep-tracker__log_sleep';
const ARGS = { hours: 7.5, quality: 4 };
const RUNS = { runs: 200, warmup: 20 };

async function callOk(client: Client): Promise<void> {
  const result = await client.callTool({ name: TOOL, arguments: ARGS });
  if (result.isError) throw new Error(`the tool call failed: ${JSON.stringify(result.content)}`);
}

export async function mcpBench(): Promise<void> {
  await withTempDir(async (stdioDir) => {
    await withTempDir(async (httpDir) => {
      const stdio = new Client({ name: 'bench', version: '1' });
      await stdio.connect(new StdioClientTransport({
        command: process.execPath,
        args: ['--no-node-snapshot', BIN, 'mcp'],
        env: { PATH: process.env.PATH ?? '', FOUNDRY_DATA_DIR: stdioDir, FOUNDRY_PASSPHRASE: PASSPHRASE },
        stderr: 'ignore',
      }));

      const engine = openEngine({ dataDir: httpDir, log: { rejected() {}, failed() {} }, env: {} });
      const tokens = createApiTokenService({ repo: engine.store.approvalSecurity, box: createPassphraseSecretBox(PASSPHRASE), audit: engine.store.auditLog });
      const token = await tokens.rotate('owner');
      const api = await startLocalApi(engine, { backend: createServiceBackend(engine.service), tokens, port: 0, limits: { requestsPerMinute: 1_000_000, burst: 1_000_000 } });
      const http = new Client({ name: 'bench', version: '1' });
      await http.connect(new StreamableHTTPClientTransport(new URL(`${api.url}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
      const rest = async () => {
        const response = await fetch(`${api.url}/api/skills/execute`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ slug: 'sleep-tracker', action: 'log_sleep', params: ARGS }),
        });
        if (response.status !== 200) throw new Error(`REST execute answered ${response.status}`);
        await response.json();
      };

      try {
        const overStdio = await measure(`MCP tools/call over stdio (${TOOL})`, () => callOk(stdio), RUNS);
        const overHttp = await measure(`MCP tools/call over Streamable HTTP /mcp (${TOOL})`, () => callOk(http), RUNS);
        const overRest = await measure('REST POST /api/skills/execute (same action)', rest, RUNS);
        const listed = await measure('MCP tools/list over stdio (built-in mods, 5 asking tools)', () => stdio.listTools(), RUNS);
        printTable('A tool call’s round trip as the assistant (built-in action: no sandbox, one row written, execution recorded)', [overStdio, overHttp, overRest, listed]);
        printRatio('MCP over HTTP / REST execute (p50)', overHttp.p50 / overRest.p50);
        printRatio('MCP over stdio / REST execute (p50)', overStdio.p50 / overRest.p50);
        printNote('stdio runs its own engine in a child process; HTTP and REST share one engine in this process. A generated skill adds the sandbox call (see "execution").');
      } finally {
        await stdio.close();
        await http.close();
        await api.close();
        await engine.close();
      }
    });
  });
}
