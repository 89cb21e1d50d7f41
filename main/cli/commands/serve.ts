import { parseArgs } from 'node:util';
import type { Localized } from '../../../shared/i18n-types.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { Engine } from '../../engine.ts';
import type { ApiBackend } from '../../api/backend.ts';
import { DEFAULT_API_PORT } from '../../api/limits.ts';
import { startLocalApi } from '../../api/local-api.ts';
import { apiTokenService, passphraseBox, refuse } from './token.ts';

const USAGE = `foundry serve [--port N] [--json]      (default port ${DEFAULT_API_PORT}; 0 picks a free one)`;
const STOP_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];

const NO_TOKEN: Localized = {
  en: 'the assistant has no API token yet, so every request would be refused: run “foundry token rotate” first.',
  pl: 'asystent nie ma jeszcze tokenu API, więc każde żądanie zostałoby odrzucone: najpierw uruchom „foundry token rotate”.',
};

const portInUse = (port: number): Localized => ({
  en: `port ${port} is already in use (another “foundry serve” or the desktop app?). Choose another with --port.`,
  pl: `port ${port} jest już zajęty (inne „foundry serve” albo aplikacja?). Wybierz inny opcją --port.`,
});

function parsePort(value: string | undefined): number | null {
  if (value === undefined) return DEFAULT_API_PORT;
  const port = Number(value);
  return /^\d+$/.test(value) && port <= 65_535 ? port : null;
}

/** Resolves with the first SIGINT or SIGTERM, and stops listening for them. */
export function stopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      for (const s of STOP_SIGNALS) process.off(s, stop);
      resolve(signal);
    };
    for (const s of STOP_SIGNALS) process.on(s, stop);
  });
}

/**
 * `foundry serve`: the engine and the assistant's local API, headless, until SIGINT/SIGTERM.
 * Approvals still wait for the desktop app. `makeBackend` adapts the engine to the API.
 */
export function createServeCommand(makeBackend: (engine: Engine) => ApiBackend): Command {
  return {
    name: 'serve',
    summary: 'Run the assistant’s local HTTP API (REST and MCP at /mcp) on 127.0.0.1 until Ctrl-C (needs FOUNDRY_PASSPHRASE)',
    usage: USAGE,
    async run(args, io) {
      const { values } = parseArgs({ args, options: { port: { type: 'string' }, json: { type: 'boolean', default: false } } });
      const json = values.json;
      const port = parsePort(values.port);
      if (port === null) {
        io.err(`foundry serve: --port must be a whole number from 0 to 65535.\nusage: ${USAGE}`);
        return EXIT.badInput;
      }
      const box = passphraseBox(io, json, 'serve');
      if (!box) return EXIT.badInput;

      return withEngine(io, json, async (engine) => {
        const tokens = apiTokenService(engine, box);
        if (!tokens.status().exists) return refuse(io, json, 'serve', 'no-token', NO_TOKEN, EXIT.failed);
        // Pending versions still expire after 24 h, and idle skills are archived, while only the API runs.
        engine.startMaintenance();
        // The same scheduler as the desktop app's; if both run on this data directory, each due run fires once.
        engine.startSchedules();
        // Revocations applied (and, with autoUpdate, new versions queued for review) while it serves.
        engine.startMarketChecks();
        let server;
        try {
          server = await startLocalApi(engine, {
            backend: makeBackend(engine),
            tokens,
            port,
            onError: (error) => io.err(`foundry serve: a request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
          });
        } catch (error) {
          if ((error as { code?: unknown }).code !== 'EADDRINUSE') throw error;
          return refuse(io, json, 'serve', 'port-in-use', portInUse(port), EXIT.failed);
        }
        if (json) io.out(JSON.stringify({ url: server.url, mcp: `${server.url}/mcp` }));
        else
          io.out(
            [
              `Skill Foundry API: ${server.url}  (the assistant authenticates with “foundry token show”)`,
              `MCP (Streamable HTTP): ${server.url}/mcp  (same token)`,
              'Approvals still wait for the desktop app: through the API the assistant can only ask for a review.',
              'Ctrl-C stops it.',
            ].join('\n'),
          );
        const signal = await stopSignal();
        await server.close();
        if (!json) io.err(`foundry serve: stopped (${signal}).`);
        return EXIT.ok;
      });
    },
  };
}
