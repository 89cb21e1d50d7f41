import { EXIT, type CommandIo } from './command.ts';
import { resolveDataDir } from '../store/data-dir.ts';
import { StoreError } from '../store/index.ts';
import { openEngine, type Engine } from '../engine.ts';
import { cliSecretBox } from './cli-secret-box.ts';

/**
 * Opens the engine on the store the app uses (or FOUNDRY_DATA_DIR), runs `work`, closes it. A
 * store that must not be touched (corrupt, newer, not ours) ends the command with exit 1 and the
 * store's own message.
 */
export async function withEngine(io: CommandIo, json: boolean, work: (engine: Engine) => Promise<number> | number): Promise<number> {
  let engine: Engine;
  try {
    const env = io.env ?? process.env;
    engine = openEngine({ dataDir: resolveDataDir(env), env, secretBox: cliSecretBox(env) });
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
