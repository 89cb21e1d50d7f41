import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Localized } from '../../../shared/i18n-types.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { Engine } from '../../engine.ts';
import type { ApiBackend } from '../../api/backend.ts';
import { DEFAULT_API_LIMITS } from '../../api/limits.ts';
import { createMcpHub } from '../../mcp/mcp-server.ts';
import { stopSignal } from './serve.ts';

const USAGE = 'foundry mcp      (an MCP server on stdin/stdout: the assistant’s client starts it)';

const NO_PASSPHRASE: Localized = {
  en: 'FOUNDRY_PASSPHRASE is not set, so no approval can be proven here: only the built-in mods are tools. Set it in the client’s configuration (env) to offer the approved skills too.',
  pl: 'FOUNDRY_PASSPHRASE nie jest ustawione, więc nie da się tu potwierdzić żadnego zatwierdzenia: narzędziami są tylko wbudowane mody. Ustaw je w konfiguracji klienta (env), by udostępnić też zatwierdzone skille.',
};

/** Resolves when the client goes away: stdin ends or closes. */
function inputEnded(stdin: NodeJS.ReadableStream): Promise<void> {
  return new Promise((resolve) => {
    stdin.once('end', resolve);
    stdin.once('close', resolve);
  });
}

/**
 * `foundry mcp`: Skill Foundry as an MCP server on stdio, for clients that start a command
 * (Claude Desktop, Claude Code). stdout carries only the protocol; everything for a person goes
 * to stderr. No token is asked: whoever can start this command can read the store anyway, and
 * the caller is the assistant all the same, which can ask and run approved skills, never approve.
 */
export function createMcpCommand(makeBackend: (engine: Engine) => ApiBackend): Command {
  return {
    name: 'mcp',
    summary: 'Serve the assistant over MCP on stdin/stdout (Claude Desktop, Claude Code…)',
    usage: USAGE,
    async run(args, io) {
      const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
      const env = io.env ?? process.env;
      return withEngine(io, values.json, async (engine) => {
        if (!env.FOUNDRY_PASSPHRASE) io.err(`foundry mcp: ${NO_PASSPHRASE.en}\n  pl: ${NO_PASSPHRASE.pl}`);
        engine.startMaintenance();
        const hub = createMcpHub({
          service: engine.service,
          backend: makeBackend(engine),
          onError: (error) => io.err(`foundry mcp: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
        });
        const stdin = io.stdin ?? process.stdin;
        // One message may be as large as a request body of the HTTP API, no larger.
        await hub.connect(new StdioServerTransport(stdin as NodeJS.ReadStream, process.stdout, { maxBufferSize: DEFAULT_API_LIMITS.maxBodyBytes }));
        await Promise.race([inputEnded(stdin), stopSignal()]);
        await hub.close();
        return EXIT.ok;
      });
    },
  };
}
