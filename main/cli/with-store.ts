import { EXIT, type CommandIo } from './command.ts';
import { resolveDataDir } from '../store/data-dir.ts';
import { openFoundryStore, StoreError, type FoundryStore } from '../store/index.ts';

/**
 * Opens the store the app uses (or FOUNDRY_DATA_DIR), runs `work`, closes it. A store that must not
 * be touched (corrupt, newer, not ours) ends the command with exit 1 and the store's own message.
 */
export async function withStore(io: CommandIo, json: boolean, work: (store: FoundryStore) => Promise<number> | number): Promise<number> {
  let store: FoundryStore;
  try {
    store = openFoundryStore(resolveDataDir(io.env ?? process.env));
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    if (json) io.out(JSON.stringify({ ok: false, error: { code: error.code, file: error.file, message: error.userMessage } }));
    else io.err(`foundry: ${error.userMessage.en}\n  file: ${error.file}`);
    return EXIT.failed;
  }
  try {
    return await work(store);
  } finally {
    store.close();
  }
}
