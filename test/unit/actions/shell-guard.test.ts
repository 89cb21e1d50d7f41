// The parts of the shell guard a person notices without a whole engine: how an argv is filled,
// which program is pinned, which folder a command may work in, and how a command is stopped.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { argvTemplateProblem, fillArgv, resolveExecutable, fileSha256 } from '../../../main/skills/actions/shell/index.ts';
import { checkOwnerFolder, workingDirectory } from '../../../main/skills/actions/shell/working-folder.ts';
import { runProcess } from '../../../main/skills/actions/shell/command-process.ts';
import { bubblewrapArgs, findIsolation, privateFolders } from '../../../main/skills/actions/shell/bubblewrap.ts';
import { TemplateRefusal } from '../../../main/skills/actions/http-template.ts';
import { auditSkill } from '../../../main/skills/validator/index.ts';
import { shellCandidate, type ShellFixtureAction } from '../../fixtures/shell-skill.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir('foundry-shell-unit-');

describe('filling a command’s argv', () => {
  it('puts each param in exactly one argument, whatever shell syntax it holds', () => {
    const text = '; rm -rf ~ $(id) `id` | cat\nsecond line';
    expect(fillArgv(['/bin/echo', 'say:', '{{params.text}}'], { text })).toEqual(['say:', text]);
  });

  it('refuses a value that would be read as an option, unless a literal -- came before it', () => {
    expect(() => fillArgv(['git', 'log', '{{params.ref}}'], { ref: '--output=/etc/passwd' })).toThrow(TemplateRefusal);
    expect(fillArgv(['git', 'log', '--', '{{params.ref}}'], { ref: '--output=x' })).toEqual(['log', '--', '--output=x']);
  });

  it('refuses a missing param, a list or object, and a NUL character', () => {
    expect(() => fillArgv(['/bin/echo', '{{params.a}}'], {})).toThrow('the command needs the param a');
    expect(() => fillArgv(['/bin/echo', '{{params.a}}'], { a: ['x', 'y'] })).toThrow('must be text, a number or true/false');
    expect(() => fillArgv(['/bin/echo', '{{params.a}}'], { a: 'x\u0000y' })).toThrow('NUL');
    expect(fillArgv(['/bin/echo', '{{params.a}}'], { a: 42 })).toEqual(['42']);
  });

  it('finds a placeholder glued into a longer argument or standing for the program', () => {
    expect(argvTemplateProblem(['git', '--git-dir={{params.dir}}'])).toEqual({ index: 1, kind: 'inside-element' });
    expect(argvTemplateProblem(['{{params.program}}', 'x'])).toEqual({ index: 0, kind: 'in-executable' });
    expect(argvTemplateProblem(['git', '-C', '{{params.dir}}', 'pull'])).toBeNull();
  });
});

describe('the program a shell action runs', () => {
  it('is looked up in the fixed system folders, never the environment’s PATH, and pinned as the symlink’s target', () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'ls'), '#!/bin/sh\necho fake\n', { mode: 0o755 });
    const before = process.env.PATH;
    process.env.PATH = `${folder}:${before}`;
    try {
      const found = resolveExecutable('ls');
      expect(found).toEqual({ ok: true, executable: fs.realpathSync(found.ok ? found.executable : '/') });
      expect(found.ok && found.executable.startsWith(folder)).toBe(false);
    } finally {
      process.env.PATH = before;
    }
    fs.symlinkSync(path.join(folder, 'ls'), path.join(folder, 'link'));
    expect(resolveExecutable(path.join(folder, 'link'))).toEqual({ ok: true, executable: path.join(fs.realpathSync(folder), 'ls') });
  });

  it('must exist, be executable, and be named plainly or absolutely', () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'data.txt'), 'x', { mode: 0o644 });
    expect(resolveExecutable('no-such-program-here')).toEqual({ ok: false, problem: 'not-found' });
    expect(resolveExecutable(path.join(folder, 'data.txt'))).toEqual({ ok: false, problem: 'not-executable' });
    expect(resolveExecutable('./script.sh')).toEqual({ ok: false, problem: 'relative' });
  });

  it('changes its hash when one byte changes', () => {
    const file = path.join(tempDir(), 'tool');
    fs.writeFileSync(file, 'abc');
    const before = fileSha256(file);
    fs.appendFileSync(file, 'd');
    expect(fileSha256(file)).not.toBe(before);
  });
});

describe('the folder a command works in', () => {
  it('may not be the whole file system, nor hold or lie inside the data folder', () => {
    const data = tempDir();
    fs.mkdirSync(path.join(data, 'inner'));
    expect(checkOwnerFolder('/', data)).toMatchObject({ ok: false });
    expect(checkOwnerFolder(data, data)).toMatchObject({ ok: false });
    expect(checkOwnerFolder(path.join(data, 'inner'), data)).toMatchObject({ ok: false });
    expect(checkOwnerFolder(path.dirname(data), data)).toMatchObject({ ok: false });
    expect(checkOwnerFolder('relative/path', data)).toMatchObject({ ok: false });
    const own = tempDir();
    expect(checkOwnerFolder(own, data)).toEqual({ ok: true, folder: fs.realpathSync(own) });
  });

  it('keeps the action’s cwd inside it: .., an absolute path and a link leading out are refused', () => {
    const folder = fs.realpathSync(tempDir());
    fs.mkdirSync(path.join(folder, 'repo'));
    fs.symlinkSync('/etc', path.join(folder, 'etc-link'));
    expect(workingDirectory(folder, 'repo')).toBe(path.join(folder, 'repo'));
    expect(workingDirectory(folder, undefined)).toBe(folder);
    expect(workingDirectory(folder, '../')).toBeNull();
    expect(workingDirectory(folder, '/etc')).toBeNull();
    expect(workingDirectory(folder, 'etc-link')).toBeNull();
    expect(workingDirectory(folder, 'missing')).toBeNull();
  });

  it('stops counting once the chosen folder itself is replaced by a link', () => {
    const parent = fs.realpathSync(tempDir());
    const chosen = path.join(parent, 'chosen');
    fs.mkdirSync(chosen);
    fs.rmSync(chosen, { recursive: true });
    fs.symlinkSync('/', chosen);
    expect(workingDirectory(chosen, undefined)).toBeNull();
  });
});

describe('running a command', () => {
  it('passes exactly the given environment, nothing of this process', async () => {
    const outcome = await runProcess({ file: '/usr/bin/env', args: [], cwd: tempDir(), env: { ONLY: 'this' }, timeoutMs: 10_000 });
    expect(outcome.stdout.toString()).toBe('ONLY=this\n');
  });

  it('cuts stderr at its cap as well, and says which stream was cut', async () => {
    const outcome = await runProcess({ file: '/bin/sh', args: ['-c', 'yes >&2'], cwd: tempDir(), env: {}, timeoutMs: 10_000, maxOutputBytes: 1000 });
    expect(outcome.stderr.length).toBe(1000);
    expect(outcome.truncated).toEqual({ stdout: false, stderr: true });
  });

  it('says a program that cannot start could not start', async () => {
    const outcome = await runProcess({ file: '/no/such/program', args: [], cwd: tempDir(), env: {}, timeoutMs: 10_000 });
    expect(outcome).toMatchObject({ exitCode: null, startError: expect.stringContaining('ENOENT') });
  });
});

describe('bubblewrap', () => {
  it('is used only on Linux, and only from system folders', () => {
    expect(findIsolation('darwin')).toEqual({ bubblewrap: null });
    expect(findIsolation('linux', ['/nowhere/bwrap'])).toEqual({ bubblewrap: null });
  });

  it('gets no network, a read-only system, a private /tmp, homes hidden and only the working folder writable', () => {
    const args = bubblewrapArgs({ executable: '/usr/bin/git', args: ['pull'], cwd: '/home/me/repo', env: { A: 'b' }, hidden: ['/home', '/nowhere/at/all'] });
    expect(args).toEqual([
      '--unshare-all', '--die-with-parent', '--new-session', '--clearenv', '--setenv', 'A', 'b',
      '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp', '--tmpfs', '/home',
      '--ro-bind', '/usr/bin/git', '/usr/bin/git',
      '--bind', '/home/me/repo', '/home/me/repo', '--chdir', '/home/me/repo', '--', '/usr/bin/git', 'pull',
    ]);
    expect(privateFolders('/srv/foundry', '/home/me')).toEqual(['/home', '/root', '/run/user', '/home/me', '/srv/foundry']);
    expect(args).not.toContain('--share-net');
  });
});

describe('the audit of a shell action', () => {
  const rules = (actions: ShellFixtureAction[]) => {
    const candidate = shellCandidate(actions);
    return auditSkill(candidate.code, { manifest: candidate.manifest }).findings.map((f) => f.rule);
  };

  it('passes a command whose params are whole arguments of a system program', () => {
    expect(rules([{ slug: 'pull', shell: { command: ['git', '-C', '{{params.repo}}', 'pull'], cwd: 'repos', env: ['GREETING'] } }])).toEqual([]);
  });

  it('blocks a placeholder inside an argument or as the program, a relative program path, an escaping cwd and a loader variable', () => {
    expect(rules([{ slug: 'a', shell: { command: ['git', '--git-dir={{params.dir}}'] } }])).toContain('action/shell-placeholder');
    expect(rules([{ slug: 'a', shell: { command: ['{{params.program}}'] }, params: { program: { type: 'string' } } }])).toContain('action/shell-placeholder');
    expect(rules([{ slug: 'a', shell: { command: ['./run.sh'] } }])).toContain('action/shell-program');
    expect(rules([{ slug: 'a', shell: { command: ['ls'], cwd: '../..' } }])).toContain('action/shell-cwd');
    expect(rules([{ slug: 'a', shell: { command: ['ls'], cwd: '/etc' } }])).toContain('action/shell-cwd');
    expect(rules([{ slug: 'a', shell: { command: ['ls'], env: ['LD_PRELOAD'] } }])).toContain('action/shell-env');
    expect(rules([{ slug: 'a', shell: { command: ['ls'], env: ['UNDECLARED'] } }])).toContain('action/shell-env');
  });

  it('blocks a placeholder for a param the params_schema does not declare', () => {
    expect(rules([{ slug: 'a', shell: { command: ['ls', '{{params.dir}}'] }, params: {} }])).toContain('action/undeclared-param');
  });
});
