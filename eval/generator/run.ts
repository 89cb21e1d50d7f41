// `npm run eval:generator`: the generator evaluation (issue 15 §1). Every request of the table goes
// through the detector and a generator, and every generated skill is run in the real sandbox;
// prints the pass rate per category and overall, then each failure with its reason.
// `--generator claude|openai` runs the same table through a model, configured from the environment
// (or the flags): ANTHROPIC_API_KEY [ANTHROPIC_BASE_URL] [--model | FOUNDRY_CLAUDE_MODEL] for Claude;
// --base-url | FOUNDRY_OPENAI_BASE_URL, --model | FOUNDRY_OPENAI_MODEL [FOUNDRY_OPENAI_API_KEY] for
// an OpenAI-compatible endpoint. The key is read from the environment only, never from a flag.
import { parseArgs } from 'node:util';
import { createClaudeGenerator, createOpenAIGenerator, DEFAULT_CLAUDE_MODEL, offlineGenerator, type SkillGenerator } from '../../main/skills/generator/index.ts';
import { evaluateTable, type RowResult } from './evaluate.ts';
import { failureList, rateTable } from './report.ts';
import { REQUESTS } from './requests.ts';
import { openEvalSandbox } from './skill-at-work.ts';

const GENERATORS = ['offline', 'claude', 'openai'] as const;

const { values } = parseArgs({ options: { generator: { type: 'string', default: 'offline' }, model: { type: 'string' }, 'base-url': { type: 'string' } } });
if (!(GENERATORS as readonly string[]).includes(values.generator)) {
  console.error(`Unknown generator "${values.generator}": use one of ${GENERATORS.join(', ')}.`);
  process.exit(2);
}

/** The generator asked for, or why it is not configured here. */
function chosenGenerator(env: NodeJS.ProcessEnv): { generator: SkillGenerator; label: string } | { missing: string } {
  if (values.generator === 'claude') {
    const apiKey = env.ANTHROPIC_API_KEY?.trim();
    if (!apiKey) return { missing: 'set ANTHROPIC_API_KEY (and optionally --model or FOUNDRY_CLAUDE_MODEL, ANTHROPIC_BASE_URL)' };
    const model = values.model ?? env.FOUNDRY_CLAUDE_MODEL ?? DEFAULT_CLAUDE_MODEL;
    const baseURL = env.ANTHROPIC_BASE_URL;
    return { generator: createClaudeGenerator({ getApiKey: async () => apiKey, model, ...(baseURL ? { baseURL } : {}) }), label: `Claude (${model})` };
  }
  if (values.generator === 'openai') {
    const baseURL = values['base-url'] ?? env.FOUNDRY_OPENAI_BASE_URL;
    const model = values.model ?? env.FOUNDRY_OPENAI_MODEL;
    if (!baseURL || !model) return { missing: 'give --base-url and --model (or FOUNDRY_OPENAI_BASE_URL and FOUNDRY_OPENAI_MODEL); FOUNDRY_OPENAI_API_KEY if the endpoint needs a key' };
    const apiKey = env.FOUNDRY_OPENAI_API_KEY?.trim() || null;
    return { generator: createOpenAIGenerator({ baseURL, model, getApiKey: async () => apiKey }), label: `your own model (${model} at ${baseURL})` };
  }
  return { generator: offlineGenerator, label: 'offline generator' };
}

const chosen = chosenGenerator(process.env);
if ('missing' in chosen) {
  console.error(`The ${values.generator} generator is not configured for the evaluation: ${chosen.missing}.`);
  process.exit(2);
}

const box = openEvalSandbox();
let results: RowResult[];
try {
  results = await evaluateTable(REQUESTS, box, chosen.generator);
} finally {
  await box.close();
}

console.log(`\nGenerator evaluation — ${chosen.label}, ${REQUESTS.length} requests\n`);
console.log([...rateTable(results), '', ...failureList(results)].join('\n'));
