import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { APP_VERSION } from '../../app-version.ts';

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the data directory, schema version and counts of the store',
  usage: 'foundry status [--json]',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    return withEngine(io, values.json, ({ store }) => {
      const status = {
        version: APP_VERSION,
        dataDir: store.dataDir,
        databaseFile: store.file,
        schemaVersion: store.schemaVersion(),
        migrationsApplied: store.migration.applied,
        counts: store.skills.counts(),
      };
      if (values.json) {
        io.out(JSON.stringify(status, null, 2));
        return EXIT.ok;
      }
      const applied = status.migrationsApplied.map((m) => `${m.version} ${m.name}`).join(', ');
      io.out(
        [
          `Skill Foundry ${status.version}`,
          `data directory   ${status.dataDir}`,
          `database         ${status.databaseFile}`,
          `schema version   ${status.schemaVersion}${applied ? ` (just applied: ${applied})` : ''}`,
          `skills           ${status.counts.skills}`,
          `pending reviews  ${status.counts.pendingReviews}`,
          `executions       ${status.counts.executions}`,
          `audit entries    ${status.counts.auditEntries}`,
        ].join('\n'),
      );
      return EXIT.ok;
    });
  },
};
