// `npm run eval:generator`: the generator evaluation (issue 15 §1). Every request of the table goes
// through the detector and a generator, and every generated skill is run in the real sandbox;
// prints the pass rate per category and overall, then each failure with its reason.
// `--generator claude|openai` is accepted for the model generators, which are not wired in yet.
import { parseArgs } from 'node:util';
import { evaluateTable, type RowResult } from './evaluate.ts';
import { failureList, rateTable } from './report.ts';
import { REQUESTS } from './requests.ts';
import { openEvalSandbox } from './skill-at-work.ts';

const GENERATORS = ['offline', 'claude', 'openai'] as const;

const { values } = parseArgs({ options: { generator: { type: 'string', default: 'offline' } } });
if (!(GENERATORS as readonly string[]).includes(values.generator)) {
  console.error(`Unknown generator "${values.generator}": use one of ${GENERATORS.join(', ')}.`);
  process.exit(2);
}
if (values.generator !== 'offline') {
  console.error(`The ${values.generator} generator is not configured for the evaluation yet; only --generator offline runs.`);
  process.exit(2);
}

const box = openEvalSandbox();
let results: RowResult[];
try {
  results = await evaluateTable(REQUESTS, box);
} finally {
  await box.close();
}

console.log(`\nGenerator evaluation — offline generator, ${REQUESTS.length} requests\n`);
console.log([...rateTable(results), '', ...failureList(results)].join('\n'));
