// The home view "Today" with 20 active skills (offline trackers, approved with both factors), each
// card read through the sandbox (getData and getInsights, trigger `dashboard`): the engine's read of
// the whole board with its cache expired, and the window's cold load at #today in Chromium until
// the last card is painted. The card cache is expired before every run, so each run reads all 20.
import { chromium } from 'playwright-core';
import { offlineGenerator } from '../../main/skills/generator/index.ts';
import { CACHE_MS } from '../../main/skills/today/index.ts';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { startRendererServer } from '../../test/bridge/server.ts';
import { bundleBridgeScript } from '../../test/bridge/connect.ts';
import { openFlow, waterNeed, type Flow } from '../../test/unit/registry/flow-fixtures.ts';
import { measure, printNote, printTable, printTarget, statsOf, withTempDir } from '../harness.ts';
import { coldLoad, ensureRendererBuilt } from './renderer.ts';

const SKILLS = 20;
const ENGINE_RUNS = 30;
const WINDOW_RUNS = 9;
const SUBJECTS = 'abcdefghijklmnopqrst'.split('').map((letter) => `bench_${letter}`);

/** 20 trackers generated offline and approved with both factors; returns the name of the card shown last. */
async function deployTrackers(flow: Flow): Promise<string> {
  const names: string[] = [];
  for (const key of SUBJECTS.slice(0, SKILLS)) {
    const result = await flow.engine.skills.generate({ ...waterNeed(), subject: key, subjectKey: key, unit: null }, 'owner', { generator: offlineGenerator });
    if (result.outcome !== 'pending') throw new Error(`${key}: ${result.reason.en}`);
    await flow.service.approve('owner', { versionId: result.version.id, shownContentSha256: result.version.contentSha256, totpCode: await flow.nextCode() });
    await flow.engine.service.execute('owner', result.version.slug, `log_${key}`, { amount: 3 });
    names.push(result.version.name);
  }
  return names.sort((a, b) => a.localeCompare(b)).at(-1)!;
}

export async function todayBench(): Promise<void> {
  await ensureRendererBuilt();
  await withTempDir(async (dataDir) => {
    const flow = await openFlow(dataDir);
    const server = await startRendererServer();
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    try {
      const lastCard = await deployTrackers(flow);
      flow.clock.set(Date.now());
      const expire = () => flow.clock.advance(CACHE_MS + 1);
      const board = await flow.engine.service.today('owner');
      if (board.cards.length !== SKILLS || board.cards.some((card) => card.problem)) throw new Error('every card must read');

      const engine = await measure(`engine: service.today, ${SKILLS} cards read in the sandbox`, () => flow.engine.service.today('owner'), { runs: ENGINE_RUNS, warmup: 3, before: expire });
      const cached = await measure(`engine: service.today, ${SKILLS} cards from the cache`, () => flow.engine.service.today('owner'), { runs: ENGINE_RUNS, warmup: 3 });

      const bridge = await bundleBridgeScript();
      expire();
      await coldLoad(browser, flow.engine, bridge, server.url, 'today', lastCard);
      const window: number[] = [];
      for (let i = 0; i < WINDOW_RUNS; i++) {
        expire();
        window.push(await coldLoad(browser, flow.engine, bridge, server.url, 'today', lastCard));
      }
      const windowCached: number[] = [];
      for (let i = 0; i < WINDOW_RUNS; i++) windowCached.push(await coldLoad(browser, flow.engine, bridge, server.url, 'today', lastCard));
      printTable(`Home view "Today": ${SKILLS} active skills`, [
        engine,
        cached,
        statsOf(`window: cold load at #today until the last card is painted (${WINDOW_RUNS} runs)`, window),
        statsOf(`window: the same, cards from the cache (${WINDOW_RUNS} runs)`, windowCached),
      ]);
      printTarget('home view first content p50 (window, every card read in the sandbox)', statsOf('', window).p50, 500);
      printNote('each card is two sandbox executions (getData, getInsights) recorded with trigger dashboard; the 5 s card cache is expired before every timed run except the two “from the cache” rows, which show what the window costs without the sandbox');
    } finally {
      await browser.close();
      await server.close();
      await flow.close();
    }
  });
}
