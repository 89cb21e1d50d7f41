import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Skill Foundry';

/**
 * Where the store lives. FOUNDRY_DATA_DIR wins (tests, headless use); otherwise the app passes
 * Electron's userData, and the CLI computes the same folder so both share one store.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env, electronUserData?: string): string {
  const override = env.FOUNDRY_DATA_DIR?.trim();
  if (override) return path.resolve(override);
  if (electronUserData) return electronUserData;
  return path.join(platformAppData(env), APP_NAME);
}

/** Electron's `appData` for the platform. */
function platformAppData(env: NodeJS.ProcessEnv): string {
  switch (process.platform) {
    case 'win32':
      return env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming');
    case 'darwin':
      return path.join(os.homedir(), 'Library', 'Application Support');
    default:
      return env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config');
  }
}
