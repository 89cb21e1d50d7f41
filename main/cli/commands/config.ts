import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { CONFIG_KEY_NAMES, isConfigKey, type ConfigProblem, type ConfigView } from '../../../shared/contract/config-records.ts';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ConfigError, CONFIG_MESSAGES } from '../../skills/config/index.ts';
import { refuse } from './token.ts';

const USAGE = 'foundry config show|get KEY|set KEY VALUE|validate [--json]';

/** A value as the file writes it: `true`, `30000`, `[user_authored, ai_proposed]`. */
const yamlText = (value: unknown) => stringifyYaml(value, { flowCollectionPadding: false, collectionStyle: 'flow' }).trim();

function printProblems(io: CommandIo, problems: readonly ConfigProblem[]): void {
  for (const problem of problems) io.err(`  ${problem.message.en}\n    pl: ${problem.message.pl}`);
}

function printView(io: CommandIo, view: ConfigView): void {
  io.out(`${view.file}${view.exists ? '' : ' (not written yet: every key has its default / nie zapisano jeszcze: wartości domyślne)'}`);
  for (const entry of view.entries) {
    const notes = [
      JSON.stringify(entry.value) === JSON.stringify(entry.defaultValue) ? 'default' : `default ${yamlText(entry.defaultValue)}`,
      ...(entry.later ? ['used from a later version / używane od późniejszej wersji'] : []),
    ];
    io.out(`${entry.key}: ${yamlText(entry.value)}  # ${notes.join('; ')}`);
  }
}

/** `foundry config`: seed 004's configuration file (config.yaml in the data directory), as the owner. */
export const configCommand: Command = {
  name: 'config',
  summary: 'Show, read, change or check config.yaml (execution, learning, marketplace, schedules)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const json = values.json;
    const [action, key, rawValue, ...extra] = positionals;
    const arity = { show: 1, validate: 1, get: 2, set: 3 } as Record<string, number>;
    if (action === undefined || !(action in arity) || positionals.length !== arity[action] || extra.length > 0) {
      io.err(`foundry config: expected “show”, “get KEY”, “set KEY VALUE” or “validate”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    if (key !== undefined && !isConfigKey(key)) {
      return refuse(io, json, 'config', 'unknown-key', CONFIG_MESSAGES.unknownKeyToSet(key, CONFIG_KEY_NAMES), EXIT.badInput);
    }
    let value: unknown;
    if (action === 'set') {
      try {
        value = parseYaml(rawValue!);
      } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        return refuse(io, json, 'config', 'invalid-value', { en: `VALUE is not a YAML value: ${reason}`, pl: `VALUE nie jest wartością YAML: ${reason}` }, EXIT.badInput);
      }
    }
    return withEngine(io, json, ({ config }) => {
      if (action === 'set') {
        try {
          const view = config.set(key, value, 'owner');
          if (json) io.out(JSON.stringify(view.entries.find((e) => e.key === key)));
          else io.out(`${key}: ${yamlText(value)}  (${view.file})`);
          return EXIT.ok;
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error;
          return refuse(io, json, 'config', error.reason, error.userMessage, error.code === 'conflict' ? EXIT.failed : EXIT.badInput);
        }
      }
      const view = config.view();
      if (action === 'get') {
        const entry = view.entries.find((e) => e.key === key)!;
        io.out(json ? JSON.stringify(entry) : yamlText(entry.value));
        if (!json) printProblems(io, view.problems.filter((p) => p.key === key));
        return EXIT.ok;
      }
      if (action === 'show') {
        if (json) io.out(JSON.stringify(view));
        else {
          printView(io, view);
          printProblems(io, view.problems);
        }
        return EXIT.ok;
      }
      if (json) io.out(JSON.stringify({ ok: view.problems.length === 0, file: view.file, problems: view.problems }));
      else if (view.problems.length === 0) io.out(`${view.file}: valid / poprawny`);
      else {
        io.err(`${view.file}: ${view.problems.length} problem(s) / problemów: ${view.problems.length}`);
        printProblems(io, view.problems);
      }
      return view.problems.length === 0 ? EXIT.ok : EXIT.failed;
    });
  },
};
