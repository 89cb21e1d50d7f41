import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { GeneratorError } from '../../skills/generator/index.ts';
import type { GeneratorModels, GeneratorStatus } from '../../../shared/contract/records.ts';

const USAGE = [
  'foundry generator status [--json]',
  '       foundry generator use offline|claude|openai [--json]',
  '       foundry generator set-key | clear-key              (Claude; set-key reads the key from standard input)',
  '       foundry generator set-model MODEL                  (Claude)',
  '       foundry generator set-openai [--base-url URL] [--model NAME]   (your own model, OpenAI-compatible)',
  '       foundry generator set-openai-key | clear-openai-key           (optional; set-openai-key reads standard input)',
  '       foundry generator models claude|openai [--refresh] [--json]',
].join('\n');

const ACTIONS: Record<string, number> = {
  status: 0, use: 1, 'set-key': 0, 'clear-key': 0, 'set-model': 1, 'set-openai': 0, 'set-openai-key': 0, 'clear-openai-key': 0, models: 1,
};

function describe(status: GeneratorStatus): string {
  const { openai } = status;
  const claude = `Claude (${status.model}), ${status.keySource ? `key from ${status.keySource}` : 'no key set'}`;
  const own = openai.baseURL ? `${openai.model ?? 'no model set'} at ${openai.baseURL}, ${openai.keySource ? `key from ${openai.keySource}` : 'no key'}` : 'not set up';
  const inUse = { offline: 'the built-in offline generator', claude, openai: `your own model: ${own}` }[status.mode];
  return [
    `generator in use: ${inUse}${status.choice ? '' : ' (not chosen: Claude when its key is set, the built-in generator otherwise)'}`,
    `  claude:  ${claude}`,
    `  openai:  ${own}`,
    `  offline: built in, always available`,
  ].join('\n');
}

function describeModels(list: GeneratorModels): string {
  const lines = list.models.map((m) => `  ${m.id === list.current ? '*' : ' '} ${m.id}${m.name ? `  (${m.name})` : ''}${m.deprecated ? '  — deprecated' : ''}${m.id === list.recommended ? '  — recommended' : ''}`);
  const current = list.current && !list.models.some((m) => m.id === list.current)
    ? [`The model set now, ${list.current}, is not offered${list.recommended ? `: use ${list.recommended} (foundry generator ${list.generator === 'claude' ? 'set-model' : 'set-openai --model'} ${list.recommended})` : ''}.`]
    : [];
  return [`${list.generator === 'claude' ? 'Claude models for this key' : 'models at your endpoint'} (listed ${list.fetchedAt}; * = in use):`, ...lines, ...current].join('\n');
}

function failed(io: CommandIo, json: boolean, error: GeneratorError): number {
  if (json) io.out(JSON.stringify({ ok: false, error: error.toJSON() }, null, 2));
  else io.err(`foundry generator: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
  return EXIT.failed;
}

export const generatorCommand: Command = {
  name: 'generator',
  summary: 'Show or choose which generator writes skills: offline, Claude, or your own model (OpenAI-compatible)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'base-url': { type: 'string' }, model: { type: 'string' }, refresh: { type: 'boolean', default: false } },
    });
    const [action, argument] = positionals;
    const wantsOpenAI = values['base-url'] !== undefined || values.model !== undefined;
    if (!action || !(action in ACTIONS) || positionals.length !== 1 + ACTIONS[action]! || (action === 'set-openai') !== wantsOpenAI) {
      io.err(`foundry generator: expected one of ${Object.keys(ACTIONS).join(', ')}.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      const { generator } = engine;
      try {
        if (action === 'models') {
          if (argument !== 'claude' && argument !== 'openai') {
            io.err(`foundry generator models: name claude or openai.\nusage: ${USAGE}`);
            return EXIT.badInput;
          }
          const list = await generator.models(argument, { refresh: values.refresh });
          io.out(values.json ? JSON.stringify(list, null, 2) : describeModels(list));
          return EXIT.ok;
        }
        // Keys arrive on standard input, never as an argument that other users' `ps` would show.
        if (action === 'use') generator.use(argument!);
        if (action === 'set-key') await generator.setApiKey(await text(process.stdin));
        if (action === 'clear-key') generator.clearApiKey();
        if (action === 'set-model') await generator.setModel(argument!);
        if (action === 'set-openai') generator.setOpenAI({ ...(values['base-url'] === undefined ? {} : { baseURL: values['base-url'] }), ...(values.model === undefined ? {} : { model: values.model }) });
        if (action === 'set-openai-key') await generator.setOpenAIKey(await text(process.stdin));
        if (action === 'clear-openai-key') generator.clearOpenAIKey();
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        return failed(io, values.json, error);
      }
      const status = generator.status();
      io.out(values.json ? JSON.stringify(status, null, 2) : describe(status));
      return EXIT.ok;
    });
  },
};
