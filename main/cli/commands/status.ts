import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { resolveDataDir } from '../../store/data-dir.ts';
import { openFoundryStore, StoreError } from '../../store/index.ts';
import { APP_VERSION } from '../../app-version.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the data directory, schema version and counts of the store',
  usage: 'foundry status [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    const dataDir = resolveDataDir(io.env ?? process.env);
    let store;
    try {
      store = openFoundryStore(dataDir);
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      if (values.json) io.out(JSON.stringify({ ok: false, error: { code: error.code, file: error.file, message: error.userMessage.en } }));
      else io.err(`foundry: ${error.userMessage.en}\n  file: ${error.file}`);
      return EXIT.failed;
    }
    try {
      const status = {
        version: APP_VERSION,
        dataDir,
        databaseFile: store.file,
        schemaVersion: store.schemaVersion(),
        migrationsApplied: store.migration.applied,
        counts: store.skills.counts(),
      };
      if (values.json) {
        io.out(JSON.stringify(status, null, 2));
      } else {
        io.out(
          [
            `Skill Foundry ${status.version}`,
            `data directory   ${status.dataDir}`,
            `database         ${status.databaseFile}`,
            `schema version   ${status.schemaVersion}${status.migrationsApplied.length ? ` (just applied: ${status.migrationsApplied.map((m) => `${m.version} ${m.name}`).join(', ')})` : ''}`,
            `skills           ${status.counts.skills}`,
            `pending reviews  ${status.counts.pendingReviews}`,
            `executions       ${status.counts.executions}`,
            `audit entries    ${status.counts.auditEntries}`,
          ].join('\n'),
        );
      }
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};
