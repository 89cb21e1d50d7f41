import { EXIT, type CommandIo } from './command.ts';
import { resolveDataDir } from '../store/data-dir.ts';
import { StoreError, type IntegrityKey } from '../store/index.ts';
import { openEngine, type Engine, type EngineOptions } from '../engine.ts';
import { cliSecretBox } from './cli-secret-box.ts';
import { loadIntegrityKey } from '../skills/approval/integrity-key-file.ts';
import { SecurityError } from '../skills/approval/security-error.ts';
import type { SecretBox } from '../skills/approval/secret-box.ts';

/**
 * The integrity key, opened with FOUNDRY_PASSPHRASE; null without one. A key that cannot be opened
 * (sealed by the app's keychain, a wrong passphrase) leaves the command keyless, after saying why:
 * commands that need no key still work, and no generated skill runs.
 */
async function integrityKey(io: CommandIo, box: SecretBox | null, dataDir: string): Promise<IntegrityKey | null> {
  if (!box) return null;
  try {
    return await loadIntegrityKey(dataDir, box);
  } catch (error) {
    if (!(error instanceof SecurityError)) throw error;
    io.err(`foundry: approvals and the audit log cannot be checked: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
    return null;
  }
}

/**
 * Opens the engine on the store the app uses (or FOUNDRY_DATA_DIR), runs `work`, closes it. A
 * store that must not be touched (corrupt, newer, not ours) ends the command with exit 1 and the
 * store's own message.
 */
export async function withEngine(
  io: CommandIo,
  json: boolean,
  work: (engine: Engine) => Promise<number> | number,
  options: Pick<EngineOptions, 'approval'> = {},
): Promise<number> {
  let engine: Engine;
  try {
    const env = io.env ?? process.env;
    const dataDir = resolveDataDir(env);
    const secretBox = cliSecretBox(env);
    engine = openEngine({ dataDir, env, secretBox, integrityKey: await integrityKey(io, secretBox, dataDir), ...options });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (json) io.out(JSON.stringify({ ok: false, error: { code: error.code, file: error.file, message: error.userMessage } }));
    else io.err(`foundry: ${error.userMessage.en}\n  file: ${error.file}`);
    return EXIT.failed;
  }
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}
