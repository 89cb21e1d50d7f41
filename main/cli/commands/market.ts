// `foundry market …`: publishing (market-publish.ts) and, from the registries config.yaml names,
// browsing and installing for review (market-client.ts).
import type { Command } from '../command.ts';
import { EXIT } from '../command.ts';
import { MARKET_PUBLISH_USAGE, runMarketPublish } from './market-publish.ts';

const PUBLISH = new Set(['keygen', 'pack', 'verify', 'index']);
const USAGE = MARKET_PUBLISH_USAGE.join('\n       ');

export const marketCommand: Command = {
  name: 'market',
  summary: 'The skill marketplace: make a publisher key, pack and sign an approved skill, verify a bundle, build a registry index',
  usage: USAGE,
  async run(args, io) {
    const [sub = '', ...rest] = args;
    if (PUBLISH.has(sub)) return runMarketPublish(sub, rest, io);
    io.err(`foundry market: expected ${[...PUBLISH].join(', ')}.\nusage: ${USAGE}`);
    return EXIT.badInput;
  },
};
