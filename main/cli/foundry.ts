// `foundry`: the engine's headless face, against the same store as the app.
import { COMMANDS } from './commands/index.ts';
import { EXIT, type CommandIo } from './command.ts';

export async function runFoundry(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return name === undefined ? EXIT.badInput : EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`foundry: unknown command “${name}”. Run “foundry --help” for the list.`);
    return EXIT.badInput;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\nusage: ${command.usage}`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // parseArgs and friends throw TypeErrors with a code for unknown or malformed options.
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`foundry ${name}: ${(error as Error).message}\nusage: ${command.usage}`);
      return EXIT.badInput;
    }
    io.err(`foundry ${name}: ${(error as Error).message ?? String(error)}`);
    return EXIT.failed;
  }
}

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'foundry — Skill Foundry on the command line (the same engine and store as the app)',
    '',
    'usage: foundry <command> [options]      every command takes --json and --help',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'The store is in the app’s data directory; set FOUNDRY_DATA_DIR to use another one.',
    'Exit status: 0 success, 1 failure, 2 bad input.',
  ].join('\n');
}

