// Shell actions end to end (issue 12 §4), along the product's own paths and with real processes: a
// skill whose actions are commands is audited, disclosed as high risk, approved with both factors
// (its programs pinned), given its folder, and run through the service by the owner, the assistant
// and the scheduler — only while config.yaml and the owner's confirmation both say so, and each run
// only with the owner's consent to exactly that argv.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConsentRequestRecord } from '../../shared/contract/consent-records.ts';
import { createSkillService, type OwnerNotice, type SkillService } from '../../main/skills/service.ts';
import { createSkillSettings } from '../../main/skills/settings/index.ts';
import { createSkillsConfig, DEFAULT_CONFIG_TEXT } from '../../main/skills/config/index.ts';
import { findIsolation, type Isolation } from '../../main/skills/actions/shell/index.ts';
import { offlineGenerator } from '../../main/skills/generator/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { shellGenerator, SHELL_SLUG, type ShellFixtureAction } from '../fixtures/shell-skill.ts';
import { newBox, newIntegrityKey } from '../unit/approval/security-fixtures.ts';
import { openFlow, rejection, waterNeed, type Flow } from '../unit/registry/flow-fixtures.ts';

// Each test starts a real engine (sandbox host, audit, dry run) and real processes: on a busy machine that takes a while.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const tempDir = useTempDir('foundry-shell-');
const BWRAP = findIsolation().bubblewrap;
const UNISOLATED: Isolation = { bubblewrap: null };

type Answer = 'grant' | 'grant-always' | 'deny' | 'silent';

let flow: Flow;
let service: SkillService;
let dataDir: string;
/** The folder the owner chooses for the skill's commands. */
let folder: string;
const owner = { answer: 'grant' as Answer, window: true, asked: [] as ConsentRequestRecord[] };

/** The owner at the window: answers each consent prompt through the service, as the prompt does. */
function onNotice(notice: OwnerNotice) {
  if (notice.kind !== 'consent-requested' || notice.requestId === null) return;
  const id = notice.requestId;
  owner.asked.push(service.pendingConsents('owner').find((request) => request.id === id)!);
  if (owner.answer === 'silent') return;
  queueMicrotask(() => service.decideConsent('owner', { id, verdict: owner.answer === 'deny' ? 'deny' : 'grant', always: owner.answer === 'grant-always' }));
}

async function openService(isolation: Isolation) {
  const integrityKey = newIntegrityKey();
  dataDir = tempDir();
  flow = await openFlow(dataDir, integrityKey);
  const { store } = flow.engine;
  const config = createSkillsConfig(store);
  // An unanswered prompt ends in a fraction of a second here, not the file's 10 s at least.
  const quickConsent = { ...config, get: ((key) => (key === 'skills.execution.consentTimeoutSeconds' ? 0.3 : config.get(key))) as typeof config.get };
  service = createSkillService({
    store, skills: flow.engine.skills, factors: flow.factors, locale: () => 'en', getGenerator: async () => offlineGenerator,
    canAskOwner: () => owner.window, notifyOwner: onNotice, config: quickConsent, shellIsolation: isolation,
    skillSettings: createSkillSettings({ store, box: newBox(), factors: flow.factors, integrityKey }),
  });
}

beforeEach(() => {
  Object.assign(owner, { answer: 'grant', window: true, asked: [] });
  folder = tempDir();
});
afterEach(async () => {
  await flow.close();
});

/** config.yaml edited by hand: the only way shell actions are turned on. */
function editConfig(shell: boolean) {
  fs.writeFileSync(path.join(dataDir, 'config.yaml'), DEFAULT_CONFIG_TEXT.replace('shell: false', `shell: ${shell}`));
}

async function turnShellOn() {
  editConfig(true);
  await service.confirmShellSwitch('owner', await flow.nextCode());
}

async function approvedShellSkill(actions: readonly ShellFixtureAction[]) {
  const generated = await flow.engine.skills.generate(waterNeed(), 'owner', { generator: shellGenerator(actions) });
  if (generated.outcome !== 'pending') throw new Error(`the skill must wait for approval: ${JSON.stringify(generated.steps.map((s) => s.data))}`);
  await service.approve('owner', { versionId: generated.version.id, shownContentSha256: generated.version.contentSha256, totpCode: await flow.nextCode() });
  await service.setShellFolder('owner', SHELL_SLUG, { folder, totpCode: await flow.nextCode() });
  return generated;
}

/** A script of the owner's own, kept in their folder (bubblewrap hides /tmp, but never that folder). */
function script(name: string, body: string): string {
  fs.mkdirSync(path.join(folder, 'tools'), { recursive: true });
  const file = path.join(folder, 'tools', name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const ECHO: ShellFixtureAction = { slug: 'say', shell: { command: ['/bin/echo', '{{params.text}}'] } };
const events = (name: string) => flow.events().filter((entry) => entry.event === name);

describe('the switch', () => {
  beforeEach(() => openService(UNISOLATED));

  it('is off by default: an approved shell action runs nothing, and the refusal is audited', async () => {
    const marker = path.join(folder, 'ran');
    await approvedShellSkill([{ slug: 'touch_marker', shell: { command: ['/usr/bin/touch', marker] } }]);
    const refused = await rejection(service.execute('owner', SHELL_SLUG, 'touch_marker', {}));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'shell-off' });
    expect(refused.userMessage.en).toContain('shell actions are off (skills.execution.shell in config.yaml)');
    expect(fs.existsSync(marker)).toBe(false);
    expect(owner.asked).toEqual([]);
    expect(events('skill.run-refused').at(-1)).toMatchObject({ actor: 'owner', data: expect.objectContaining({ reason: 'shell-off', action: 'touch_marker' }) });
  });

  it('cannot be turned on through the app, the API or foundry config set, only by editing config.yaml; turning it off always works', async () => {
    const config = createSkillsConfig(flow.engine.store);
    expect(() => config.set('skills.execution.shell', true, 'owner')).toThrow(expect.objectContaining({ reason: 'only-in-file' }));
    expect(config.get('skills.execution.shell')).toBe(false);
    editConfig(true);
    config.set('skills.execution.shell', false, 'owner');
    expect(config.get('skills.execution.shell')).toBe(false);
  });

  it('on in config.yaml but not confirmed by the owner in the window refuses to run; the assistant cannot confirm it', async () => {
    const marker = path.join(folder, 'ran');
    await approvedShellSkill([{ slug: 'touch_marker', shell: { command: ['/usr/bin/touch', marker] } }]);
    editConfig(true);
    const refused = await rejection(service.execute('assistant', SHELL_SLUG, 'touch_marker', {}));
    expect(refused).toMatchObject({ code: 'conflict', reason: 'shell-unconfirmed' });
    expect(events('shell.switch.file-changed').at(-1)).toMatchObject({ actor: 'system', data: { from: false, to: true } });

    expect(await rejection(service.confirmShellSwitch('assistant', await flow.nextCode()))).toMatchObject({ code: 'forbidden', reason: 'owner-only' });
    owner.window = false;
    expect(await rejection(service.confirmShellSwitch('owner', await flow.nextCode()))).toMatchObject({ code: 'forbidden', reason: 'no-owner-window' });
    // A confirmation row written straight into the database, without the integrity key, counts for nothing.
    flow.engine.store.db.prepare("INSERT INTO shell_switch (id, confirmed_at, mac) VALUES (1, '2026-01-01T00:00:00.000Z', ?)").run('0'.repeat(64));
    expect(service.shellView('owner', SHELL_SLUG).switch.state).toBe('unconfirmed');
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('once confirmed with both factors it runs; turned off in config.yaml, the confirmation ends and turning it on again needs the owner again', async () => {
    const marker = path.join(folder, 'ran');
    await approvedShellSkill([{ slug: 'touch_marker', shell: { command: ['/usr/bin/touch', marker] } }]);
    await turnShellOn();
    expect(service.shellView('owner', SHELL_SLUG).switch).toMatchObject({ state: 'on', file: true });
    expect(events('shell.switch.confirmed')).toEqual([expect.objectContaining({ actor: 'owner', data: { factors: [expect.objectContaining({ factor: 'totp', ok: true }), expect.objectContaining({ factor: 'biometric', ok: true })] } })]);
    await service.execute('owner', SHELL_SLUG, 'touch_marker', {});
    expect(fs.existsSync(marker)).toBe(true);

    // Taking it back only narrows, so the assistant may do it too (and clear the folder).
    expect(service.revokeShellSwitch('assistant').state).toBe('unconfirmed');
    expect(events('shell.switch.revoked').at(-1)).toMatchObject({ actor: 'assistant', data: { reason: 'revoked' } });
    expect(service.clearShellFolder('assistant', SHELL_SLUG).folder).toBeNull();
    await service.confirmShellSwitch('owner', await flow.nextCode());

    editConfig(false);
    expect(service.shellView('owner', SHELL_SLUG).switch.state).toBe('off');
    expect(events('shell.switch.revoked').at(-1)).toMatchObject({ actor: 'system', data: { reason: 'turned-off-in-config' } });
    editConfig(true);
    expect(await rejection(service.execute('owner', SHELL_SLUG, 'touch_marker', {}))).toMatchObject({ reason: 'shell-unconfirmed' });
  });
});

describe('a shell action, approved and switched on', () => {
  beforeEach(() => openService(UNISOLATED));

  it('is audited and disclosed as high risk, with its program pinned at approval', async () => {
    const generated = await approvedShellSkill([ECHO]);
    expect(generated.disclosure.risk.level).toBe('high');
    expect(generated.disclosure.risk.reasons[0]!.en).toBe('It runs commands on this computer (say); each run asks you first.');
    const item = generated.disclosure.items.find((i) => i.kind === 'action')!;
    expect(item.text.en).toMatch(
      /^action say runs the program \/bin\/echo on this computer; the command “\/bin\/echo \{\{params\.text\}\}”, without a shell; the program \/usr\/bin\/echo, SHA-256 [0-9a-f]{12}… \(pinned when you approve\); in the folder you choose for this skill; /,
    );
    expect(item.text.en).toContain(BWRAP ? 'inside bubblewrap' : 'with your rights');
    const view = service.shellView('assistant', SHELL_SLUG);
    expect(view.pins).toEqual([expect.objectContaining({ action: 'say', executable: fs.realpathSync('/bin/echo'), state: 'intact' })]);
    expect(view.folder).toMatchObject({ path: fs.realpathSync(folder), inEffect: true });
    expect(events('shell.pinned')).toEqual([expect.objectContaining({ actor: 'owner', data: expect.objectContaining({ action: 'say', executable: fs.realpathSync('/bin/echo') }) })]);
  });

  it('asks the owner before each run with the exact argv, folder and program, and runs only on their yes', async () => {
    await approvedShellSkill([ECHO]);
    await turnShellOn();
    const run = await service.execute('assistant', SHELL_SLUG, 'say', { text: 'hello there' });
    expect(run.result).toEqual({ success: true, data: { exitCode: 0, signal: null, stdout: 'hello there\n', stderr: '', truncated: false, timedOut: false } });
    expect(owner.asked).toHaveLength(1);
    expect(owner.asked[0]).toMatchObject({ actor: 'assistant', trigger: 'api', action: 'say' });
    expect(owner.asked[0]!.details.slice(0, 3)).toEqual([
      `argv: ["${fs.realpathSync('/bin/echo')}","hello there"]`,
      `cwd: ${fs.realpathSync(folder)}`,
      expect.stringMatching(/^program: \/usr\/bin\/echo \(SHA-256 [0-9a-f]{64}\)$/),
    ]);
    expect(owner.asked[0]!.details).toContain('why: Runs /bin/echo for the owner.');

    expect(run.record).toMatchObject({ skillSlug: SHELL_SLUG, action: 'say', actor: 'assistant', status: 'succeeded' });
    const ran = events('shell.ran').at(-1)!;
    expect(ran).toMatchObject({ actor: 'assistant', data: expect.objectContaining({ argv: [fs.realpathSync('/bin/echo'), 'hello there'], exitCode: 0, signal: null, isolation: 'none' }) });
    expect(ran.data.stdoutSha256).toMatch(/^[0-9a-f]{64}$/);
    // The audit log has the output's hash, never its text.
    expect(JSON.stringify(flow.events().map((e) => e.data))).not.toContain('hello there\\n');
  });

  it('runs nothing when the owner denies, does not answer in time, or cannot be asked (the command line)', async () => {
    const marker = path.join(folder, 'ran');
    await approvedShellSkill([{ slug: 'touch_marker', shell: { command: ['/usr/bin/touch', marker] } }]);
    await turnShellOn();
    owner.answer = 'deny';
    expect(await rejection(service.execute('assistant', SHELL_SLUG, 'touch_marker', {}))).toMatchObject({ reason: 'consent-denied' });
    owner.answer = 'silent';
    expect(await rejection(service.execute('scheduler', SHELL_SLUG, 'touch_marker', {}))).toMatchObject({ reason: 'consent-timed-out' });
    expect(service.pendingConsents('owner')).toEqual([]);
    owner.window = false;
    expect(await rejection(service.execute('owner', SHELL_SLUG, 'touch_marker', {}))).toMatchObject({ reason: 'consent-unavailable' });
    expect(fs.existsSync(marker)).toBe(false);
    expect(events('skill.run-refused').map((e) => e.data.reason)).toEqual(['consent-denied', 'consent-timed-out', 'consent-unavailable']);
    expect(flow.engine.store.executions.page({ offset: 0, limit: 10 }).items.filter((record) => record.action === 'touch_marker')).toEqual([]);
  });

  it('runs exactly the command the owner always allowed without asking again, and asks again for any other argv', async () => {
    await approvedShellSkill([ECHO]);
    await turnShellOn();
    owner.answer = 'grant-always';
    await service.execute('assistant', SHELL_SLUG, 'say', { text: 'same' });
    owner.answer = 'deny';
    expect((await service.execute('assistant', SHELL_SLUG, 'say', { text: 'same' })).result).toMatchObject({ success: true, data: { stdout: 'same\n' } });
    expect(owner.asked).toHaveLength(1);
    expect(await rejection(service.execute('assistant', SHELL_SLUG, 'say', { text: 'other' }))).toMatchObject({ reason: 'consent-denied' });
    expect(owner.asked).toHaveLength(2);
  });

  it('passes injection attempts to the program as single inert arguments, and refuses a value that would be read as an option', async () => {
    await approvedShellSkill([ECHO, { slug: 'say_operand', shell: { command: ['/bin/echo', '--', '{{params.text}}'] } }]);
    await turnShellOn();
    const attempts = ['; rm -rf "$HOME"', '$(touch pwned)', '`touch pwned`', 'a\nb && touch pwned', '| touch pwned'];
    for (const text of attempts) {
      const run = await service.execute('assistant', SHELL_SLUG, 'say', { text });
      expect(run.result).toMatchObject({ success: true, data: { stdout: `${text}\n` } });
    }
    expect(fs.readdirSync(folder)).toEqual([]);

    const smuggled = await rejection(service.execute('assistant', SHELL_SLUG, 'say', { text: '--help' }));
    expect(smuggled).toMatchObject({ code: 'bad-request', reason: 'shell-argv-refused' });
    expect(smuggled.userMessage.en).toContain('starts with “-”');
    // After a literal "--" it is an operand, not an option.
    expect((await service.execute('assistant', SHELL_SLUG, 'say_operand', { text: '--help' })).result).toMatchObject({ success: true, data: { stdout: '-- --help\n' } });
  });

  it('gives the command an empty environment but for the declared variables, whose values are the skill’s settings', async () => {
    await approvedShellSkill([{ slug: 'show_env', shell: { command: ['/usr/bin/env'], env: ['GREETING'] } }]);
    await turnShellOn();
    service.setSettings('owner', SHELL_SLUG, { values: { GREETING: 'dzień dobry' } });
    const run = await service.execute('owner', SHELL_SLUG, 'show_env', {});
    expect(run.result).toMatchObject({ success: true, data: { stdout: 'GREETING=dzień dobry\n' } });
    expect(events('shell.ran').at(-1)!.data.env).toEqual(['GREETING']);
  });

  it('works only inside the owner’s folder: a cwd leading out through a link is refused, and the data folder cannot be chosen', async () => {
    fs.mkdirSync(path.join(folder, 'inside'));
    fs.symlinkSync('/etc', path.join(folder, 'out'));
    await approvedShellSkill([
      { slug: 'where_in', shell: { command: ['/bin/pwd'], cwd: 'inside' } },
      { slug: 'where_out', shell: { command: ['/bin/pwd'], cwd: 'out' } },
    ]);
    await turnShellOn();
    expect((await service.execute('owner', SHELL_SLUG, 'where_in', {})).result).toMatchObject({ data: { stdout: `${fs.realpathSync(folder)}/inside\n` } });
    expect(await rejection(service.execute('owner', SHELL_SLUG, 'where_out', {}))).toMatchObject({ reason: 'shell-cwd-outside' });
    const refused = await rejection(service.setShellFolder('owner', SHELL_SLUG, { folder: dataDir, totpCode: await flow.nextCode() }));
    expect(refused).toMatchObject({ code: 'bad-request', reason: 'shell-folder-invalid' });
    expect(refused.userMessage.en).toContain('Skill Foundry data folder');
  });

  it('refuses to run a pinned program that changed or disappeared since approval', async () => {
    const tool = script('tool', 'echo tool ran');
    await approvedShellSkill([{ slug: 'run_tool', shell: { command: [tool] } }]);
    await turnShellOn();
    expect((await service.execute('owner', SHELL_SLUG, 'run_tool', {})).result).toMatchObject({ data: { stdout: 'tool ran\n' } });
    fs.appendFileSync(tool, 'touch pwned\n');
    const changed = await rejection(service.execute('owner', SHELL_SLUG, 'run_tool', {}));
    expect(changed).toMatchObject({ reason: 'shell-executable-changed' });
    expect(changed.userMessage.en).toContain('approve a new version');
    expect(service.shellView('owner', SHELL_SLUG).pins[0]!.state).toBe('changed');
    fs.rmSync(tool);
    expect(await rejection(service.execute('owner', SHELL_SLUG, 'run_tool', {}))).toMatchObject({ reason: 'shell-executable-missing' });
    expect(fs.existsSync(path.join(folder, 'pwned'))).toBe(false);
  });

  it('refuses to approve when the program changed after the version was reviewed, naming it', async () => {
    const tool = script('tool', 'echo tool ran');
    const generated = await flow.engine.skills.generate(waterNeed(), 'owner', { generator: shellGenerator([{ slug: 'run_tool', shell: { command: [tool] } }]) });
    if (generated.outcome !== 'pending') throw new Error('the skill must wait for approval');
    fs.appendFileSync(tool, 'touch pwned\n');
    const refused = await rejection(service.approve('owner', { versionId: generated.version.id, shownContentSha256: generated.version.contentSha256, totpCode: await flow.nextCode() }));
    expect(refused.userMessage.en).toContain('changed after the version was reviewed');
    expect(flow.engine.store.versions.get(generated.version.id)!.status).toBe('pending');
    expect(service.shellView('owner', SHELL_SLUG).pins).toEqual([]);
  });

  it('pins the target of a symlink, not the link', async () => {
    const tool = script('tool', 'echo tool ran');
    const link = path.join(folder, 'link-to-tool');
    fs.symlinkSync(tool, link);
    await approvedShellSkill([{ slug: 'run_link', shell: { command: [link] } }]);
    expect(service.shellView('owner', SHELL_SLUG).pins[0]).toMatchObject({ executable: fs.realpathSync(tool) });
  });

  it('cuts each output at 256 KB, says so, and stops the command', async () => {
    await approvedShellSkill([{ slug: 'flood', shell: { command: ['/usr/bin/yes'] } }]);
    await turnShellOn();
    const run = await service.execute('owner', SHELL_SLUG, 'flood', {});
    const data = (run.result as { data: { stdout: string; truncated: boolean; signal: string } }).data;
    expect(run.result).toMatchObject({ success: false, error: expect.stringContaining('more than 256 KB on stdout') });
    expect(data.stdout.length).toBe(256 * 1024);
    expect(data).toMatchObject({ truncated: true, signal: 'SIGKILL' });
  });

  it('stops a command at its time limit and kills its whole process group, grandchildren included', async () => {
    // The grandchild does not hold the command's output open: only killing the group stops it.
    const tool = script('spawner', `/bin/sleep 300 > /dev/null 2>&1 &\necho $! > "${folder}/grandchild.pid"\n/bin/sleep 300`);
    await approvedShellSkill([{ slug: 'spawner', timeoutMs: 500, shell: { command: [tool] } }]);
    await turnShellOn();
    const run = await service.execute('owner', SHELL_SLUG, 'spawner', {});
    expect(run.result).toMatchObject({ success: false, error: 'the command ran longer than 500 ms and was stopped', data: { timedOut: true, signal: 'SIGKILL' } });
    const grandchild = Number(fs.readFileSync(path.join(folder, 'grandchild.pid'), 'utf8'));
    const alive = () => {
      try {
        return !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${grandchild}/status`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let waited = 0; alive() && waited < 50; waited++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive()).toBe(false);
  });
});

describe.skipIf(BWRAP === null)(`inside bubblewrap${BWRAP ? '' : ' — skipped: bwrap is not installed on this machine'}`, () => {
  beforeEach(() => openService({ bubblewrap: BWRAP }));

  it('has no network, cannot write outside its folder, and still writes inside it', async () => {
    const server = http.createServer((_, response) => response.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Not under /tmp, which bubblewrap replaces with a private one: a real folder of this machine.
    const outside = fs.mkdtempSync('/var/tmp/foundry-shell-outside-');
    try {
      fs.writeFileSync(path.join(folder, 'probe.mjs'), `
        import net from 'node:net';
        const socket = net.connect(Number(process.argv[2]), '127.0.0.1');
        socket.on('connect', () => { console.log('connected'); process.exit(0); });
        socket.on('error', (e) => { console.log('no network: ' + e.code); process.exit(0); });
      `);
      await approvedShellSkill([
        { slug: 'probe', shell: { command: [process.execPath, 'probe.mjs', '{{params.port}}'] } },
        { slug: 'touch_outside', shell: { command: ['/usr/bin/touch', path.join(outside, 'escaped')] } },
        { slug: 'touch_inside', shell: { command: ['/usr/bin/touch', 'written'] } },
      ]);
      await turnShellOn();
      const probe = await service.execute('owner', SHELL_SLUG, 'probe', { port: String(port) });
      expect(probe.result).toMatchObject({ data: { stdout: expect.stringMatching(/^no network: E/) } });
      expect(owner.asked[0]!.details).toContain('isolation: bubblewrap — no network, read-only system, only the folder above writable / bez sieci, system tylko do odczytu, zapis tylko w folderze powyżej');

      const escaped = await service.execute('owner', SHELL_SLUG, 'touch_outside', {});
      expect(escaped.result).toMatchObject({ success: false, data: { stderr: expect.stringContaining('Read-only file system') } });
      expect(fs.existsSync(path.join(outside, 'escaped'))).toBe(false);
      expect((await service.execute('owner', SHELL_SLUG, 'touch_inside', {})).result).toMatchObject({ success: true });
      expect(fs.existsSync(path.join(folder, 'written'))).toBe(true);
      expect(events('shell.ran').at(-1)!.data.isolation).toBe('bubblewrap');
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('cannot read the owner’s home: keys and profiles there are hidden, the working folder is not', async () => {
    const secret = fs.mkdtempSync(path.join(os.homedir(), '.foundry-shell-private-'));
    try {
      fs.writeFileSync(path.join(secret, 'id_key'), 'PRIVATE KEY');
      fs.writeFileSync(path.join(folder, 'notes.txt'), 'shared notes');
      await approvedShellSkill([
        { slug: 'read_key', shell: { command: ['/bin/cat', path.join(secret, 'id_key')] } },
        { slug: 'read_notes', shell: { command: ['/bin/cat', 'notes.txt'] } },
      ]);
      await turnShellOn();
      const key = await service.execute('owner', SHELL_SLUG, 'read_key', {});
      expect(key.result).toMatchObject({ success: false, data: { stdout: '', stderr: expect.stringContaining('No such file') } });
      expect((await service.execute('owner', SHELL_SLUG, 'read_notes', {})).result).toMatchObject({ success: true, data: { stdout: 'shared notes' } });
    } finally {
      fs.rmSync(secret, { recursive: true, force: true });
    }
  });

  it('gives the command only the declared variables (and the working folder bubblewrap sets as PWD)', async () => {
    await approvedShellSkill([{ slug: 'show_env', shell: { command: ['/usr/bin/env'], env: ['GREETING'] } }]);
    await turnShellOn();
    service.setSettings('owner', SHELL_SLUG, { values: { GREETING: 'hi' } });
    const run = await service.execute('owner', SHELL_SLUG, 'show_env', {});
    expect((run.result as { data: { stdout: string } }).data.stdout.trim().split('\n').sort()).toEqual(['GREETING=hi', `PWD=${fs.realpathSync(folder)}`]);
  });
});
