// Which Node runs the sandbox host, and how a runtime that cannot run skills is reported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledRuntimePath, checkNodeRuntime, resolveNodeRuntime, RuntimeProblem, type NodeRuntimeContext } from '../../../main/skills/sandbox/runtime/index.ts';
import { sandboxHostEnv } from '../../../main/skills/sandbox/runtime/host-environment.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();

function context(overrides: Partial<NodeRuntimeContext> = {}, executables: string[] = []): NodeRuntimeContext {
  return {
    env: {},
    platform: 'linux',
    execPath: '/opt/Skill Foundry/skill-foundry',
    isElectron: true,
    packaged: false,
    isExecutable: (file) => executables.includes(file),
    ...overrides,
  };
}

describe('choosing the Node that runs skills', () => {
  it('FOUNDRY_NODE wins everywhere, even in an installed app', () => {
    const env = { FOUNDRY_NODE: '/opt/node24/bin/node', npm_node_execpath: '/usr/bin/node' };
    expect(resolveNodeRuntime(context({ env, packaged: true, resourcesPath: '/app/resources' }))).toEqual({ path: '/opt/node24/bin/node', source: 'FOUNDRY_NODE' });
    expect(resolveNodeRuntime(context({ env, isElectron: false }))).toEqual({ path: '/opt/node24/bin/node', source: 'FOUNDRY_NODE' });
  });

  it('the CLI and the tests run the host under their own Node', () => {
    expect(resolveNodeRuntime(context({ isElectron: false, execPath: '/usr/local/bin/node' }))).toEqual({ path: '/usr/local/bin/node', source: 'current' });
  });

  it('an installed app uses the Node shipped in its resources, per platform', () => {
    const resources = tempDir();
    expect(resolveNodeRuntime(context({ packaged: true, resourcesPath: resources }))).toEqual({
      path: path.join(resources, 'node', 'bin', 'node'),
      source: 'bundled',
    });
    expect(bundledRuntimePath('C:\\Program Files\\Skill Foundry\\resources', 'win32')).toBe('C:\\Program Files\\Skill Foundry\\resources\\node\\node.exe');
    expect(bundledRuntimePath(resources, 'darwin')).toBe(path.join(resources, 'node', 'bin', 'node'));
  });

  it('from source, the Node that runs `npm start`, then the first node on PATH', () => {
    const npmNode = '/home/ana/.nvm/versions/node/v24.2.0/bin/node';
    expect(resolveNodeRuntime(context({ env: { npm_node_execpath: npmNode, PATH: '/usr/bin' } }, [npmNode, '/usr/bin/node']))).toEqual({ path: npmNode, source: 'npm' });
    expect(resolveNodeRuntime(context({ env: { PATH: '/nowhere:/usr/bin' } }, ['/usr/bin/node']))).toEqual({ path: '/usr/bin/node', source: 'path' });
  });

  it('never runs a node from the working folder through an empty or relative PATH entry', () => {
    expect(resolveNodeRuntime(context({ env: { PATH: ':.:bin' } }, ['node', './node', 'bin/node']))).toEqual({ path: null, source: null });
  });

  it('on Windows PATH is split on ";" and node.exe is looked for', () => {
    const found = resolveNodeRuntime(context({ platform: 'win32', env: { Path: 'C:\\Windows;C:\\Program Files\\nodejs' } }, ['C:\\Program Files\\nodejs\\node.exe']));
    expect(found).toEqual({ path: 'C:\\Program Files\\nodejs\\node.exe', source: 'path' });
  });
});

describe('checking the chosen runtime before the first execution', () => {
  const probeAnswering = (version: string) => async () => version;
  const problemOf = (check: Promise<string>) => check.then(() => expect.fail('the runtime was accepted'), (error: unknown) => (error as RuntimeProblem).userMessage);

  it('accepts Node 24 and newer and answers the version', async () => {
    await expect(checkNodeRuntime({ path: '/n', source: 'path' }, {}, probeAnswering('24.0.0'))).resolves.toBe('24.0.0');
    await expect(checkNodeRuntime({ path: '/n', source: 'path' }, {}, probeAnswering('26.3.1'))).resolves.toBe('26.3.1');
  });

  it('an older Node is refused with what to do, in English and Polish', async () => {
    const refused = checkNodeRuntime({ path: '/usr/bin/node', source: 'path' }, {}, probeAnswering('20.20.2'));
    await expect(refused).rejects.toBeInstanceOf(RuntimeProblem);
    const problem = ((await refused.catch((e: unknown) => e)) as RuntimeProblem).userMessage;
    expect(problem.en).toContain('Skills need Node.js 24 or newer, and the runtime at /usr/bin/node is 20.20.2.');
    expect(problem.en).toContain('set FOUNDRY_NODE');
    expect(problem.en).toContain('Reviews and approvals still work');
    expect(problem.pl).toContain('Skille wymagają Node.js 24 lub nowszego, a /usr/bin/node to wersja 20.20.2.');
  });

  it('no runtime at all, a path that does not start and a program that is not Node are each explained', async () => {
    const none = await problemOf(checkNodeRuntime({ path: null, source: null }, {}));
    expect(none.en).toContain('none was found: FOUNDRY_NODE is not set and there is no `node` on PATH');
    const missing = path.join(tempDir(), 'no-such-node');
    const gone = await problemOf(checkNodeRuntime({ path: missing, source: 'FOUNDRY_NODE' }, {}));
    expect(gone.en).toContain(`The Node.js runtime at ${missing} could not be started`);
    const notNode = await problemOf(checkNodeRuntime({ path: '/bin/echo', source: 'FOUNDRY_NODE' }, {}, probeAnswering('--version')));
    expect(notNode.pl).toContain('nie odpowiedział jak Node.js');
  });

  it.runIf(fs.existsSync('/usr/bin/node'))("the machine's own older Node, really started, is refused or accepted by its real version", async () => {
    const result = await checkNodeRuntime({ path: '/usr/bin/node', source: 'path' }, {}).then((v) => ({ version: v }), (e: RuntimeProblem) => e);
    if ('version' in result) expect(Number(result.version.split('.')[0])).toBeGreaterThanOrEqual(24);
    else expect(result.userMessage.en).toMatch(/is \d+\.\d+\.\d+\./);
  });
});

describe("the host's environment", () => {
  it('inherits nothing of main on Linux and macOS', () => {
    const main = { ANTHROPIC_API_KEY: 'sk-ant-secret', FOUNDRY_PASSPHRASE: 'hunter2', HOME: '/home/ana', PATH: '/usr/bin' };
    expect(sandboxHostEnv('linux', main)).toEqual({});
    expect(sandboxHostEnv('darwin', main)).toEqual({});
  });

  it('on Windows keeps only SystemRoot, which Node needs to start', () => {
    expect(sandboxHostEnv('win32', { SystemRoot: 'C:\\Windows', ANTHROPIC_API_KEY: 'sk', USERPROFILE: 'C:\\Users\\ana' })).toEqual({ SystemRoot: 'C:\\Windows' });
  });
});
