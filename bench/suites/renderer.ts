// The renderer in Debian's Chromium (playwright-core, the browser tests' flags), window.foundry
// bridged to a real engine on a temporary store seeded with 200 pending versions and 100,000
// executions: time to first content of the Review queue and of Activity, on a cold load and on
// switching views in the app, and the frame times while Activity is scrolled.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { openEngine, type Engine } from '../../main/engine.ts';
import { chromiumArgs, chromiumPath } from '../../playwright.config.ts';
import { RENDERER_DIR, startRendererServer } from '../../test/bridge/server.ts';
import { bundleBridgeScript, connectEngine } from '../../test/bridge/connect.ts';
import { execution, insertSkill, insertVersion, type SeedExecution } from '../../test/bridge/seed.ts';
import type { AuditReport } from '../../shared/skills/audit.ts';
import { emptyCapabilities } from '../../shared/skills/manifest.ts';
import { printNote, printTable, printTarget, statsOf, withTempDir, type Stats } from '../harness.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PENDING = 200;
const EXECUTIONS = 100_000;
const RUNS = 9;
const SCROLL_FRAMES = 360;
/** Pixels per frame while scrolling Activity: about 36,000 px/s at 60 Hz, far faster than reading. */
const SCROLL_STEP = 600;
const FRAME_BUDGET = 1000 / 60;

/** The newest pending item's name and the newest execution's action: what "first content" waits for. */
const FIRST_REVIEW = `Bench skill ${String(PENDING - 1).padStart(3, '0')}`;
const FIRST_EXECUTION = `run-${EXECUTIONS - 1}`;

/** Newest modification time of the files the bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else newest = Math.max(newest, fs.statSync(file).mtimeMs);
    }
  };
  walk(path.join(ROOT, 'renderer'));
  walk(path.join(ROOT, 'shared'));
  return newest;
}

/** Builds out/renderer with Vite when it is missing or older than its sources. */
export async function ensureRendererBuilt(): Promise<void> {
  const index = path.join(RENDERER_DIR, 'index.html');
  const built = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  if (built >= newestSource()) return;
  printNote(built ? 'out/renderer is older than its sources: building it' : 'out/renderer is missing: building it');
  await build({ configFile: path.join(ROOT, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

function seed(engine: Engine): void {
  const store = engine.store;
  const now = Date.now();
  const at = (minutesAgo: number) => new Date(now - minutesAgo * 60_000).toISOString();
  store.db.transaction(() => {
    for (let i = 0; i < PENDING; i++) {
      const number = String(i).padStart(3, '0');
      const slug = `custom-bench-${number}` as const;
      const code = `export const mod = { n: ${i} };\n`;
      const audit: AuditReport = {
        sourceSha256: 'a'.repeat(64),
        verdict: i % 7 === 0 ? 'warn' : 'pass',
        findings: [],
        capabilities: { ...emptyCapabilities(), blockedCalls: [] },
      };
      const skillId = insertSkill(store, { slug, name: `Bench skill ${number}`, description: `Benchmark skill ${i}.`, status: 'pending', createdAt: at(PENDING - i) });
      insertVersion(store, {
        skillId, slug, name: `Bench skill ${number}`, version: '1.0.0', status: 'pending', code, audit,
        createdAt: at(PENDING - i), expiresAt: new Date(now + 20 * 3_600_000).toISOString(),
      });
    }
  })();
  const start = now - EXECUTIONS * 1000;
  const rows = function* (): Generator<SeedExecution> {
    for (let i = 0; i < EXECUTIONS; i++) {
      yield execution(`custom-bench-${String(i % PENDING).padStart(3, '0')}`, '1.0.0', `run-${i}`, i % 25 === 0 ? 'failed' : 'succeeded', new Date(start + i * 1000).toISOString());
    }
  };
  store.db.transaction(() => {
    for (const row of rows()) store.executions.record({ ...row, versionId: null });
  })();
}

/**
 * Runs in the page before the app (an init script, so the page's CSP does not apply): watches the
 * document for a text and records performance.now() at the first animation frame after it appears,
 * i.e. when the content is about to be painted. performance.now() counts from the navigation.
 */
const PROBE = `(() => {
  const watches = [];
  const check = () => {
    const main = document.querySelector('.app-main');
    if (!main) return;
    const text = main.textContent || '';
    for (const watch of watches) {
      if (watch.seen === undefined && text.includes(watch.text)) {
        watch.seen = null;
        requestAnimationFrame(() => { watch.seen = performance.now(); });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  window.__probe = {
    watch(text) { const watch = { text, seen: undefined }; watches.push(watch); check(); return watches.length - 1; },
    seen(id) { return watches[id].seen ?? null; },
  };
})();`;

interface Probe {
  watch(text: string): number;
  seen(id: number): number | null;
}

export async function openPage(browser: Browser, engine: Engine, bridge: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  await connectEngine(page, engine.dispatch, bridge);
  await page.addInitScript({ content: PROBE });
  return page;
}

/** Waits until the probe saw `text` painted; returns performance.now() at that frame. */
async function paintedAt(page: Page, id: number): Promise<number> {
  const handle = await page.waitForFunction((watch) => (window as unknown as { __probe: Probe }).__probe.seen(watch), id, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Cold load at a view: from the navigation's start to the first item painted. */
export async function coldLoad(browser: Browser, engine: Engine, bridge: string, url: string, view: string, text: string): Promise<number> {
  const page = await openPage(browser, engine, bridge);
  try {
    await page.goto(`${url}#${view}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => 'foundry' in window && '__probe' in window);
    const id = await page.evaluate((wanted) => (window as unknown as { __probe: Probe }).__probe.watch(wanted), text);
    return await paintedAt(page, id);
  } finally {
    await page.context().close();
  }
}

/** In the app: from the click on a view's navigation button to its first item painted. */
async function switchTo(page: Page, button: string, text: string): Promise<number> {
  const { id, clicked } = await page.evaluate(
    ({ button: name, wanted }) => {
      const probe = (window as unknown as { __probe: Probe }).__probe;
      const watch = probe.watch(wanted);
      const target = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find((b) => b.textContent?.startsWith(name));
      if (!target) throw new Error(`no navigation button ${name}`);
      const clickedAt = performance.now();
      target.click();
      return { id: watch, clicked: clickedAt };
    },
    { button, wanted: text },
  );
  return (await paintedAt(page, id)) - clicked;
}

interface FrameReport {
  deltas: number[];
  longTasks: number;
  placeholdersAtEnd: number;
}

/** Scrolls Activity's list by SCROLL_STEP px each frame for SCROLL_FRAMES frames, recording the time between frames. */
async function scrollActivity(page: Page): Promise<FrameReport> {
  return page.evaluate(
    ({ frames, step }) =>
      new Promise<FrameReport>((resolve) => {
        const scroller = document.querySelector<HTMLElement>('.vtable--executions .vtable__scroll');
        if (!scroller) throw new Error('no Activity list on screen');
        let longTasks = 0;
        const observer = new PerformanceObserver((list) => {
          longTasks += list.getEntries().length;
        });
        observer.observe({ type: 'longtask', buffered: false });
        const deltas: number[] = [];
        let last = performance.now();
        let frame = 0;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          scroller.scrollTop += step;
          if (++frame < frames) requestAnimationFrame(tick);
          else {
            observer.disconnect();
            const placeholders = document.querySelectorAll('.vtable__cell--placeholder').length;
            resolve({ deltas: deltas.slice(1), longTasks, placeholdersAtEnd: placeholders });
          }
        };
        requestAnimationFrame((now) => {
          last = now;
          requestAnimationFrame(tick);
        });
      }),
    { frames: SCROLL_FRAMES, step: SCROLL_STEP },
  );
}

function frameStats(name: string, deltas: number[]): Stats & { max: number; over: number; dropped: number } {
  const stats = statsOf(name, deltas);
  // A frame counts as over budget when it took visibly longer than one 60 Hz refresh (timer jitter aside).
  const over = deltas.filter((d) => d > FRAME_BUDGET + 1).length / deltas.length;
  const dropped = deltas.filter((d) => d > 2 * FRAME_BUDGET).length;
  return { ...stats, max: Math.max(...deltas), over, dropped };
}

export async function rendererBench(): Promise<void> {
  await ensureRendererBuilt();
  await withTempDir(async (dataDir) => {
    const engine = openEngine({ dataDir, log: { rejected() {}, failed() {} } });
    const seeding = performance.now();
    seed(engine);
    printNote(`seeded ${PENDING} pending versions and ${EXECUTIONS.toLocaleString('en')} executions in ${Math.round(performance.now() - seeding)} ms`);
    const server = await startRendererServer();
    const bridge = await bundleBridgeScript();
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    try {
      // One untimed load first: Chromium's caches and the engine's statements warm up.
      await coldLoad(browser, engine, bridge, server.url, 'reviews', FIRST_REVIEW);

      const coldReviews: number[] = [];
      const coldActivity: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        coldReviews.push(await coldLoad(browser, engine, bridge, server.url, 'reviews', FIRST_REVIEW));
        coldActivity.push(await coldLoad(browser, engine, bridge, server.url, 'activity', FIRST_EXECUTION));
      }

      const page = await openPage(browser, engine, bridge);
      const toReviews: number[] = [];
      const toActivity: number[] = [];
      let scroll: FrameReport | null = null;
      try {
        await page.goto(`${server.url}#settings`);
        await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
        for (let i = 0; i < RUNS + 1; i++) {
          const reviews = await switchTo(page, 'Review queue', FIRST_REVIEW);
          const activity = await switchTo(page, 'Activity', FIRST_EXECUTION);
          if (i === 0) continue; // warm-up
          toReviews.push(reviews);
          toActivity.push(activity);
        }
        await page.waitForTimeout(300);
        scroll = await scrollActivity(page);
      } finally {
        await page.context().close();
      }

      printTable(`Renderer: time to first content (navigation → first row painted), ${RUNS} runs each`, [
        statsOf(`Review queue, cold load (${PENDING} pending)`, coldReviews),
        statsOf(`Activity, cold load (${EXECUTIONS.toLocaleString('en')} executions)`, coldActivity),
        statsOf('Review queue, switching view in the app', toReviews),
        statsOf('Activity, switching view in the app', toActivity),
      ]);
      printTarget('Review queue cold load p50', statsOf('', coldReviews).p50, 1000);
      printTarget('Activity cold load p50', statsOf('', coldActivity).p50, 1000);
      printTarget('Activity view switch p50', statsOf('', toActivity).p50, 200);
      printNote('cold load: a new page from navigation start (bundle, settings, app info and the view\'s data through the bridge) to the first row painted');
      printNote('view switch: click on the navigation button to the first row painted; the list is read again each time');

      const frames = frameStats(`frame time while scrolling (${SCROLL_FRAMES} frames, ${SCROLL_STEP} px/frame)`, scroll!.deltas);
      printTable('Renderer: scrolling Activity (100,000 rows, virtualized, pages fetched as they come into view)', [frames]);
      console.log(
        `  max ${frames.max.toFixed(1)} ms · frames over 16.7 ms: ${(frames.over * 100).toFixed(1)}% · dropped (> 33.3 ms): ${frames.dropped} · long tasks: ${scroll!.longTasks} · rows still loading at the end: ${scroll!.placeholdersAtEnd}`,
      );
      printTarget('frame time p95', frames.p95, 1.5 * FRAME_BUDGET);
      printTarget('share of frames over 16.7 ms', frames.over * 100, { atMost: 5 }, '%');
      printNote('requestAnimationFrame deltas in headless Chromium (--disable-gpu, software compositing); a frame counts as over 16.7 ms past 17.7 ms (timer jitter)');
    } finally {
      await browser.close();
      await server.close();
      await engine.close();
    }
  });
}
