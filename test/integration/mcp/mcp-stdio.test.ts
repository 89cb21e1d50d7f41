// `foundry mcp` as a client starts it: a separate process on stdin/stdout over a fresh data
// directory. The owner approving in another process (here: this one, standing in for the desktop
// app) reaches the client as notifications/tools/list_changed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { openEngine } from '../../../main/engine.ts';
import { loadIntegrityKey } from '../../../main/skills/approval/integrity-key-file.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import { approveNow, enrollAuthenticator } from '../../bridge/approval-engine.ts';
import { createClock } from '../../unit/approval/security-fixtures.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { executions } from './mcp-fixtures.ts';

const tempDir = useTempDir();
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/foundry.js');
const PASSPHRASE = 'stdio tests keep their secrets here';

describe('foundry mcp over stdio', () => {
  it('serves tools to a client that starts it, runs one as the assistant, and tells it when the owner approves a skill elsewhere', async (context) => {
    const dataDir = tempDir();
    let changed!: () => void;
    const toolsChanged = new Promise<void>((resolve) => (changed = resolve));
    const client = new Client({ name: 'test-assistant', version: '1.0.0' });
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => changed());
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--no-node-snapshot', BIN, 'mcp'],
      env: { PATH: process.env.PATH ?? '', FOUNDRY_DATA_DIR: dataDir, FOUNDRY_PASSPHRASE: PASSPHRASE },
      stderr: 'pipe',
    });
    const stderr: string[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    await client.connect(transport);
    context.onTestFinished(() => client.close());

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['sleep-tracker__log_sleep', 'request_skill']));
    const requested = await client.callTool({ name: 'request_skill', arguments: { text: 'Chcę śledzić ile piję wody' } });
    const slug = (requested.structuredContent as { skill: { slug: string } }).skill.slug;
    expect((await client.listTools()).tools.some((t) => t.name.startsWith(`${slug}__`))).toBe(false);

    // The owner, in another process over the same store and the same passphrase-sealed key.
    const box = createPassphraseSecretBox(PASSPHRASE);
    const clock = createClock(Date.now());
    const owner = openEngine({
      dataDir, now: clock.now, log: { rejected: () => {}, failed: () => {} }, env: { FOUNDRY_TEST_BIOMETRIC: 'approve' },
      secretBox: box, integrityKey: await loadIntegrityKey(dataDir, box), approval: { allowTestProvider: true },
    });
    context.onTestFinished(() => owner.close());
    const authenticator = await enrollAuthenticator(owner, clock);
    await approveNow(owner, authenticator, owner.store.versions.listForSkill(slug)[0]!);
    await toolsChanged;

    const waterTool = (await client.listTools()).tools.find((t) => t.name.startsWith(`${slug}__log`))!;
    const ran = await client.callTool({ name: waterTool.name, arguments: { amount_ml: 300 } });
    expect(ran.isError, JSON.stringify(ran.content)).toBeFalsy();
    expect(executions(owner)[0]).toMatchObject({ skillSlug: slug, trigger: 'mcp', actor: 'assistant', status: 'succeeded' });
    expect(stderr.join('')).not.toContain('Error');
  });
});
