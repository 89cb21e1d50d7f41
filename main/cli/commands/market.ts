// `foundry market …`: publishing (market-publish.ts) and, from the registries config.yaml names,
// browsing and installing for review (market-client.ts).
import type { Command } from '../command.ts';
import { EXIT } from '../command.ts';
import { MARKET_PUBLISH_USAGE, runMarketPublish } from './market-publish.ts';
import { MARKET_CLIENT_COMMANDS, MARKET_CLIENT_USAGE, runMarketClient } from './market-client.ts';

const PUBLISH = new Set(['keygen', 'pack', 'verify', 'index']);
const CLIENT = new Set(MARKET_CLIENT_COMMANDS);
const USAGE = [...MARKET_CLIENT_USAGE, ...MARKET_PUBLISH_USAGE].join('\n       ');

export const marketCommand: Command = {
  name: 'market',
  summary: 'The skill marketplace: search, inspect and install signed skills for review, updates, publisher trust; publish (keygen, pack, verify, index)',
  usage: USAGE,
  async run(args, io) {
    const [sub = '', ...rest] = args;
    if (PUBLISH.has(sub)) return runMarketPublish(sub, rest, io);
    if (CLIENT.has(sub)) return runMarketClient(sub, rest, io);
    io.err(`foundry market: expected ${[...CLIENT, ...PUBLISH].join(', ')}.\nusage: ${USAGE}`);
    return EXIT.badInput;
  },
};
