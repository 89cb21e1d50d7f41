import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { APP_VERSION } from '../../app-version.ts';
import type { NodeRuntimeSource } from '../../skills/sandbox/index.ts';

const SOURCE_NAMES: Record<NodeRuntimeSource, string> = {
  FOUNDRY_NODE: 'from FOUNDRY_NODE',
  bundled: 'shipped with the app',
  npm: 'the Node running npm',
  path: 'first node on PATH',
  current: 'this Node',
};

export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the data directory, schema version, counts, and the Node that runs skills (checked now)',
  usage: 'foundry status [--json]   (exit 1 when skills cannot run, with the reason)',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
    return withEngine(io, values.json, async ({ store, skills }) => {
      const sandbox = await skills.sandbox.start();
      const status = {
        version: APP_VERSION,
        dataDir: store.dataDir,
        databaseFile: store.file,
        schemaVersion: store.schemaVersion(),
        migrationsApplied: store.migration.applied,
        counts: store.skills.counts(),
        sandbox,
      };
      const exit = sandbox.state === 'failed' ? EXIT.failed : EXIT.ok;
      if (values.json) {
        io.out(JSON.stringify(status, null, 2));
        return exit;
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
          `sandbox runtime  ${sandbox.nodePath ?? 'none found'}${sandbox.source ? ` (${SOURCE_NAMES[sandbox.source]})` : ''}`,
          `sandbox          ${sandbox.state === 'ready' ? `ready: Node ${sandbox.nodeVersion}, two isolates passed the start-up check` : `skills cannot run: ${sandbox.problem?.en ?? sandbox.state}`}`,
        ].join('\n'),
      );
      return exit;
    });
  },
};
