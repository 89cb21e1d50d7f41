import net from 'node:net';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../main/cli/command.ts';
import { tokenCommand } from '../../../main/cli/commands/token.ts';
import { createServeCommand } from '../../../main/cli/commands/serve.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { createFakeBackend } from './fake-backend.ts';
import { request } from './harness.ts';

const tempDir = useTempDir('foundry-cli-api-');
const PASSPHRASE = 'correct horse battery staple';

function run(command: Command, args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const done = command.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { done, out, err, text: () => ({ out: out.join('\n'), err: err.join('\n') }) };
}

async function foundry(command: Command, args: string[], env: NodeJS.ProcessEnv) {
  const call = run(command, args, env);
  const code = await call.done;
  return { code, ...call.text() };
}

/** `null`: no FOUNDRY_PASSPHRASE at all. */
const envWith = (dataDir: string, passphrase: string | null = PASSPHRASE): NodeJS.ProcessEnv => ({
  FOUNDRY_DATA_DIR: dataDir,
  ...(passphrase === null ? {} : { FOUNDRY_PASSPHRASE: passphrase }),
});

describe('foundry token', () => {
  it('without FOUNDRY_PASSPHRASE explains it in both languages and exits 2', async () => {
    const result = await foundry(tokenCommand, ['show'], envWith(tempDir(), null));
    expect(result.code).toBe(2);
    expect(result.err).toContain('set FOUNDRY_PASSPHRASE');
    expect(result.err).toContain('pl: ustaw FOUNDRY_PASSPHRASE');
    const json = await foundry(tokenCommand, ['rotate', '--json'], envWith(tempDir(), null));
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'no-passphrase', message: { pl: expect.any(String), en: expect.any(String) } } });
  });

  it('refuses a passphrase that is too short, and a wrong action', async () => {
    const weak = await foundry(tokenCommand, ['rotate'], envWith(tempDir(), 'short'));
    expect(weak.code).toBe(2);
    expect(weak.err).toContain('at least 8 characters');
    const wrong = await foundry(tokenCommand, ['delete'], envWith(tempDir()));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('usage: foundry token show|rotate');
  });

  it('show before any rotate says there is no token yet and how to make one', async () => {
    const result = await foundry(tokenCommand, ['show'], envWith(tempDir()));
    expect(result.code).toBe(1);
    expect(result.err).toContain('no API token yet: run “foundry token rotate”');
    expect(result.err).toContain('foundry token rotate');
  });

  it('rotate prints a new token; show prints the current one; rotating again replaces it', async () => {
    const env = envWith(tempDir());
    const first = await foundry(tokenCommand, ['rotate'], env);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.err).toContain('previous token no longer works');

    const shown = await foundry(tokenCommand, ['show', '--json'], env);
    expect(JSON.parse(shown.out)).toEqual({ token: first.out, createdAt: expect.any(String) });

    const second = await foundry(tokenCommand, ['rotate', '--json'], env);
    const { token } = JSON.parse(second.out) as { token: string };
    expect(token).not.toBe(first.out);
    expect((await foundry(tokenCommand, ['show'], env)).out).toBe(token);
  });

  it('show with another passphrase fails clearly and reveals nothing', async () => {
    const dataDir = tempDir();
    const made = await foundry(tokenCommand, ['rotate'], envWith(dataDir));
    const result = await foundry(tokenCommand, ['show'], envWith(dataDir, 'a different passphrase'));
    expect(result.code).toBe(1);
    expect(result.err).toContain('The passphrase is wrong');
    expect(result.out + result.err).not.toContain(made.out);
  });
});

describe('foundry serve', () => {
  const serve = createServeCommand(() => createFakeBackend().backend);

  it('without FOUNDRY_PASSPHRASE explains it and exits 2; a bad port exits 2', async () => {
    const noPassphrase = await foundry(serve, [], envWith(tempDir(), null));
    expect(noPassphrase.code).toBe(2);
    expect(noPassphrase.err).toContain('FOUNDRY_PASSPHRASE');
    const badPort = await foundry(serve, ['--port', '70000'], envWith(tempDir()));
    expect(badPort.code).toBe(2);
    expect(badPort.err).toContain('--port must be a whole number');
  });

  it('refuses to start before the owner made a token', async () => {
    const result = await foundry(serve, ['--port', '0'], envWith(tempDir()));
    expect(result.code).toBe(1);
    expect(result.err).toContain('foundry token rotate');
  });

  it('serves the API on 127.0.0.1 with the owner’s token until SIGINT, then stops', async () => {
    const env = envWith(tempDir());
    const token = (await foundry(tokenCommand, ['rotate'], env)).out;
    const call = run(serve, ['--port', '0', '--json'], env);
    await expect.poll(() => call.out.length, { timeout: 10_000 }).toBe(1);
    const { url } = JSON.parse(call.out[0]!) as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await request(url, { path: '/api/health' }, null)).status).toBe(200);
    expect((await request(url, { path: '/api/skills/custom-water-tracker' }, token)).status).toBe(200);
    expect((await request(url, { path: '/api/skills/custom-water-tracker' }, 'not-the-token')).status).toBe(401);
    expect((await request(url, { method: 'POST', path: '/api/skills/custom-sleep-journal/approve' }, token)).json).toMatchObject({ status: 'review-requested' });

    process.emit('SIGINT', 'SIGINT');
    expect(await call.done).toBe(0);
    await expect(request(url, { path: '/api/health' }, null)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('says so when the port is taken', async () => {
    const env = envWith(tempDir());
    await foundry(tokenCommand, ['rotate'], env);
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as net.AddressInfo;
    try {
      const result = await foundry(serve, ['--port', String(port)], env);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`port ${port} is already in use`);
    } finally {
      taken.close();
    }
  });
});
