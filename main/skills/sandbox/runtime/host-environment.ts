// What the sandbox host process inherits from main: nothing. Main's environment holds secrets
// (ANTHROPIC_API_KEY, FOUNDRY_PASSPHRASE, tokens of other tools) and the process that runs
// hostile code must never see them, so the host gets an explicit environment built from scratch,
// and a private empty working folder instead of the owner's home.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The only variables the host gets: those Node itself needs on the platform. On Windows, without
 * SystemRoot Node cannot load the system's crypto provider (and so cannot start isolates' RNG).
 * Node adds its own NODE_CHANNEL_* variables for the message channel.
 */
export function sandboxHostEnv(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const minimal: NodeJS.ProcessEnv = {};
  if (platform === 'win32') {
    const systemRoot = env.SystemRoot ?? env.SYSTEMROOT;
    if (systemRoot) minimal.SystemRoot = systemRoot;
  }
  return minimal;
}

/** A fresh folder only this user can enter; the host starts in it and it is removed when the host ends. */
export function createPrivateWorkDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'skill-foundry-sandbox-'));
}

export function removeWorkDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
