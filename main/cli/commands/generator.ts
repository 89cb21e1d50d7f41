import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';

const USAGE = 'foundry generator status|set-key|clear-key|set-model MODEL [--json]   (set-key reads the key from standard input)';

export const generatorCommand: Command = {
  name: 'generator',
  summary: 'Show or change which generator writes skills (offline, or Claude with an API key and model)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const [action, argument] = positionals;
    const known = ['status', 'set-key', 'clear-key', 'set-model'];
    if (!action || !known.includes(action) || (action === 'set-model') !== (argument !== undefined) || positionals.length > 2) {
      io.err(`foundry generator: expected one of ${known.join(', ')}.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      // The key arrives on standard input, never as an argument that other users' `ps` would show.
      if (action === 'set-key') await engine.generator.setApiKey(await text(process.stdin));
      if (action === 'clear-key') engine.generator.clearApiKey();
      if (action === 'set-model') engine.generator.setModel(argument!);
      const status = engine.generator.status();
      if (values.json) io.out(JSON.stringify(status, null, 2));
      else io.out(`generator ${status.mode === 'claude' ? `Claude (${status.model}), key from ${status.keySource}` : `offline (built in; set an Anthropic API key to use Claude ${status.model})`}`);
      return EXIT.ok;
    });
  },
};
