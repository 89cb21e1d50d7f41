import { openEngine } from '../../main/engine.ts';
import { DEFAULT_LIMITS } from '../../main/skills/sandbox/index.ts';
import { parseSkillRequest } from '../../main/skills/detector/index.ts';
import { offlineGenerator } from '../../main/skills/generator/index.ts';
import type { PipelineStepRecord } from '../../shared/contract/records.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import { measure, printNote, printTable, printTarget, statsOf, withTempDir } from '../harness.ts';

/** Requests of every skill kind (tracker, counter, journal, reminder, checklist), Polish and English. */
const REQUESTS = [
  'Chcę śledzić ile piję wody',
  'count my steps',
  'Keep a journal of my mood every evening',
  'Zapisuj moje wydatki',
  'Prowadź dziennik wdzięczności codziennie wieczorem',
  'Przypominaj mi o lekach codziennie o 8',
  'Zrób mi listę zakupów na sobotę',
];
const RUNS = 30;

function needOf(text: string): SkillNeed {
  const parsed = parseSkillRequest(text);
  if (!parsed.isRequest) throw new Error(`"${text}" must parse as a skill request: ${parsed.reason.en}`);
  return parsed.need;
}

/** Request text → a disclosed, pending version: parse, offline generator, audit, sandbox dry run, disclosure, store. */
export async function pipelineBench(): Promise<void> {
  await withTempDir(async (dataDir) => {
    const engine = openEngine({ dataDir, log: { rejected() {}, failed() {} } });
    const steps = new Map<PipelineStepRecord['step'], number[]>();
    let recording = false;
    const onStep = (step: PipelineStepRecord) => {
      if (recording) steps.set(step.step, [...(steps.get(step.step) ?? []), step.durationMs]);
    };
    const generate = (text: string) => engine.skills.generate(needOf(text), 'owner', { generator: offlineGenerator, onStep });
    try {
      // Warm-up, untimed: starts the sandbox host (fork + self-check) and runs every request once.
      // A request that does not end pending would time a failure, so it is left out, and said so.
      const measured: string[] = [];
      const left: string[] = [];
      for (const text of REQUESTS) {
        const result = await generate(text);
        if (result.outcome === 'pending') measured.push(text);
        else left.push(`"${text}" (${result.reason.en})`);
      }
      if (measured.length === 0) throw new Error('no request ends pending: nothing to measure');
      recording = true;
      let next = 0;
      const total = await measure(`request → pending version (${measured.length} requests, round robin)`, async () => {
        const text = measured[next++ % measured.length]!;
        const result = await generate(text);
        if (result.outcome !== 'pending') throw new Error(`"${text}" ended ${result.outcome} after ending pending in the warm-up`);
      }, { runs: RUNS, warmup: 0 });
      const stepRows = [...steps].map(([step, samples]) => statsOf(`  step: ${step}`, samples));
      printTable('Pipeline: engine.skills.generate with the offline generator, sandbox host already running', [total, ...stepRows]);
      printTarget('p50', total.p50, 300);
      printTarget('p95', total.p95, 300);
      printNote('the sandbox host was started, and every request run once, before measuring; each run stores a new pending version');
      const slots = DEFAULT_LIMITS.warmIsolates;
      printNote(measured.length > slots
        ? `${measured.length} distinct candidates cycle through the host's ${slots} warm isolates, so each dry run starts in a new isolate, as a new skill's would`
        : `only ${measured.length} distinct candidates for ${slots} warm isolates: dry runs reuse warm isolates, so these figures flatter a new skill`);
      printNote('dry run = getActions plus every sample input, each a real sandboxed execution with its SQLite record; its rows go to a scratch partition removed afterwards');
      for (const reason of left) printNote(`left out, it does not end pending here: ${reason}`);
    } finally {
      await engine.close();
    }
  });
}
