// An HTTP skill from request to run, along the product's own paths only: Claude (a local mock)
// writes a price watch that sends a key to its price service; the audit, the dry run on sample
// answers and the disclosure hold it to what it declares; the owner approves it with both factors,
// enters the key, and — the service being a box on the home network — allows its address with both
// factors again; then it runs for real against a local server. The key reaches the server and
// nothing else: not the skill's result, the execution record, the audit log or the database file.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSkillRequest } from '../../main/skills/detector/index.ts';
import { createClaudeGenerator } from '../../main/skills/generator/index.ts';
import { executionsCommand } from '../../main/cli/commands/executions.ts';
import { claudeFixture, startMockAnthropic, toolUseReply, type MockAnthropic } from '../helpers/mock-anthropic.ts';
import { useTempDir } from '../helpers/temp-dir.ts';
import { openFlow, rejection, type Flow } from '../unit/registry/flow-fixtures.ts';

const tempDir = useTempDir();
const KEY = 'cp-live-4b1f7e9a03d2c865';

interface PriceService {
  origin: string;
  port: number;
  price: number;
  seen: { url: string; authorization: string | undefined }[];
  close(): Promise<void>;
}

function startPriceService(): Promise<PriceService> {
  const state = { price: 64_000, seen: [] as PriceService['seen'] };
  const server = http.createServer((request, response) => {
    state.seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ price: state.price }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve(Object.assign(state, {
        origin: `http://127.0.0.1:${port}`,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }) as PriceService);
    });
  });
}

/** The recorded Claude answer, its price service moved to the box on the home network. */
function answerFor(service: PriceService): Record<string, unknown> {
  const content = claudeFixture('bitcoin-price-watch.json').content as { type: string; input?: Record<string, unknown> }[];
  const text = JSON.stringify(content.find((block) => block.type === 'tool_use')!.input)
    .replaceAll('https://api.coinprices.example', service.origin)
    .replaceAll('api.coinprices.example', service.origin);
  return JSON.parse(text) as Record<string, unknown>;
}

let flow: Flow;
let api: MockAnthropic;
let priceService: PriceService;
beforeEach(async () => {
  flow = await openFlow(tempDir());
  api = await startMockAnthropic();
  priceService = await startPriceService();
});
afterEach(async () => {
  await flow.close();
  await api.close();
  await priceService.close();
});

describe('an HTTP skill with a host-bound secret, end to end', () => {
  it('is disclosed, approved, given its key and its address, and then reaches only that service with the key', async () => {
    const parsed = parseSkillRequest(`Check the bitcoin price at ${priceService.origin}/v1/prices/btc and tell me when it drops below 60000 USD`);
    if (!parsed.isRequest) throw new Error('the request must parse');
    api.reply(toolUseReply('submit_skill', answerFor(priceService)));
    const generator = createClaudeGenerator({ getApiKey: async () => 'sk-ant-test-key', baseURL: api.baseURL, timeoutMs: 5_000, maxRetries: 0 });
    const generated = await flow.engine.skills.generate(parsed.need, 'owner', { generator });
    if (generated.outcome !== 'pending') throw new Error(`the skill must wait for approval: ${JSON.stringify(generated.steps)}`);
    // Dry run: the sample answers, nothing sent.
    expect(priceService.seen).toEqual([]);
    // Disclosed as what it is: unencrypted, high risk, the key bound to that one service.
    expect(generated.disclosure.risk.level).toBe('high');
    expect(generated.disclosure.items).toContainEqual(expect.objectContaining({ kind: 'http', target: priceService.origin }));
    expect(generated.disclosure.items).toContainEqual(expect.objectContaining({ kind: 'secret' }));

    const { version } = generated;
    await flow.service.approve('owner', { versionId: version.id, shownContentSha256: version.contentSha256, totpCode: await flow.nextCode() });
    const slug = version.slug;

    // Approved, but without its key nothing is sent; with it, the address on the home network is refused until the owner allows it.
    const withoutKey = await flow.service.execute('owner', slug, 'check_price', {});
    expect(withoutKey.result).toMatchObject({ success: false, error: expect.stringContaining('COINPRICES_KEY has no value yet') });
    await flow.service.setSecret('owner', slug, 'COINPRICES_KEY', KEY);
    const notAllowed = await flow.service.execute('owner', slug, 'check_price', {});
    expect(notAllowed.result).toMatchObject({ success: false, error: expect.stringContaining('a loopback address') });
    expect(priceService.seen).toEqual([]);

    await flow.service.addAllowance('owner', slug, { address: '127.0.0.1', port: priceService.port, totpCode: await flow.nextCode() });
    // The assistant may not widen what the skill reaches.
    await rejection(flow.service.addAllowance('assistant', slug, { address: '127.0.0.2', port: priceService.port, totpCode: await flow.nextCode() }));

    // The request said 60,000; the owner sets it in the skill's settings (foundry.config inside the skill).
    flow.service.setSettings('owner', slug, { values: { threshold: 60_000 } });
    const above = await flow.service.execute('owner', slug, 'check_price', {});
    expect(above.result).toMatchObject({ success: true, data: { price: 64_000, threshold: 60_000, notified: false } });
    priceService.price = 58_500;
    const below = await flow.service.execute('assistant', slug, 'check_price', {});
    expect(below.result).toMatchObject({ success: true, data: { price: 58_500, notified: true } });

    // The key went to the service, on both requests.
    expect(priceService.seen.map((s) => s.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    // Recorded, without the key.
    expect(below.record?.http).toEqual([expect.objectContaining({ method: 'GET', origin: priceService.origin, path: '/v1/prices/btc?currency=', status: 200, address: '127.0.0.1', source: 'network' })]);
    // The owner heard of the drop.
    expect(flow.service.listNotifications('owner').items.map((n) => n.title)).toEqual(['Bitcoin price drop']);

    // Nowhere else: not in what the skill returned, the records, the audit log or the database file.
    expect(JSON.stringify([above, below])).not.toContain(KEY);
    expect(JSON.stringify(flow.events())).not.toContain(KEY);
    flow.engine.store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(flow.engine.store.file).includes(KEY)).toBe(false);

    // The command line shows the same requests.
    const out: string[] = [];
    await executionsCommand.run(['--skill', slug], { out: (t) => out.push(t), err: () => {}, env: { FOUNDRY_DATA_DIR: flow.engine.store.dataDir } });
    expect(out.join('\n')).toContain(`GET ${priceService.origin}/v1/prices/btc?currency= → 200`);
  }, 60_000);
});
