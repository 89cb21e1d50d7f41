#!/usr/bin/env -S node --no-node-snapshot
// Runs the TypeScript CLI directly: Node 24 strips the types (the engine needs no build).
import { runFoundry } from '../main/cli/foundry.ts';
import { closeSharedAuditor } from '../main/skills/validator/audit-off-thread.ts';

process.exitCode = await runFoundry(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
await closeSharedAuditor();
