import type { Db } from '../open-database.ts';
import type { Settings } from '../../../shared/contract/records.ts';

export const DEFAULT_SETTINGS: Settings = { language: 'system' };

/** Settings as one JSON value per key; unknown keys in the table are ignored, missing ones default. */
export function createSettingsRepository(db: Db, now: () => Date) {
  const readAll = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM settings');
  const readOne = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get(): Settings {
      const settings: Settings = { ...DEFAULT_SETTINGS };
      for (const row of readAll.all()) {
        if (row.key in settings) (settings as unknown as Record<string, unknown>)[row.key] = JSON.parse(row.value);
      }
      return settings;
    },
    update(patch: Partial<Settings>): Settings {
      db.transaction(() => {
        for (const [key, value] of Object.entries(patch)) this.writeValue(key, value);
      })();
      return this.get();
    },
    /** The stored JSON text of another part's own key (e.g. `learning`, `generator`); null when unset. */
    readValue(key: string): string | null {
      return readOne.get(key)?.value ?? null;
    },
    writeValue(key: string, value: unknown): void {
      write.run(key, JSON.stringify(value), now().toISOString());
    },
    /** Drops a key another part moved elsewhere (learning settings now live in config.yaml). */
    deleteValue(key: string): void {
      remove.run(key);
    },
  };
}
export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
