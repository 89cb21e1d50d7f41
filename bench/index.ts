// `npm run bench`: every figure and ratio is measured in this one run and printed; nothing here is
// asserted by the test suite.
import os from 'node:os';
import { auditBench } from './suites/audit.ts';
import { executionBench } from './suites/execution.ts';
import { parallelBench } from './suites/parallel.ts';
import { pipelineBench } from './suites/pipeline.ts';
import { rendererBench } from './suites/renderer.ts';
import { sandboxStartBench } from './suites/sandbox-start.ts';
import { stallBench } from './suites/stall.ts';
import { settingsBench } from './suites/settings.ts';
import { consentBench } from './suites/consent.ts';
import { shellBench } from './suites/shell.ts';
import { skillCallsBench } from './suites/skill-calls.ts';
import { schedulerBench } from './suites/scheduler.ts';
import { storeBench } from './suites/store.ts';
import { throughputBench } from './suites/throughput.ts';
import { triggersBench } from './suites/triggers.ts';
import { mcpBench } from './suites/mcp.ts';
import { todayBench } from './suites/today.ts';
import { marketplaceBench } from './suites/marketplace.ts';
import { closeSharedAuditor } from '../main/skills/validator/audit-off-thread.ts';

const SUITES: Record<string, () => Promise<void>> = {
  store: storeBench,
  audit: auditBench,
  'sandbox-start': sandboxStartBench,
  execution: executionBench,
  throughput: throughputBench,
  parallel: parallelBench,
  pipeline: pipelineBench,
  renderer: rendererBench,
  stall: stallBench,
  settings: settingsBench,
  consent: consentBench,
  shell: shellBench,
  'skill-calls': skillCallsBench,
  triggers: triggersBench,
  scheduler: schedulerBench,
  mcp: mcpBench,
  today: todayBench,
  marketplace: marketplaceBench,
};

const only = process.argv.slice(2);
console.log(`Skill Foundry benchmarks — node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
for (const [name, run] of Object.entries(SUITES)) {
  if (only.length && !only.includes(name)) continue;
  await run();
}
// The audit's worker thread would keep the process alive after the last suite.
await closeSharedAuditor();
