// The built app in a real Electron: window, preload, IPC, navigation lock, the sandbox host under a
// real Node 24, a skill's dry run in it, and the four views.
// Run `npm run build` first. Skipped where the Electron binary is missing (as on the machines
// this project is developed on, which cannot download it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { API_METHODS } from '../../shared/contract/methods.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { openFoundryStore } from '../../main/store/index.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The Electron executable the electron package installed, or null; never triggers its download. */
function electronBinary(): string | null {
  const electronPackage = path.join(root, 'node_modules', 'electron');
  try {
    const binary = path.join(electronPackage, 'dist', fs.readFileSync(path.join(electronPackage, 'path.txt'), 'utf8').trim());
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const SKIP_REASON = 'Electron binary not installed (node_modules/electron/dist missing; this machine cannot download it) — run npm start on a developer machine';
if (!binary) console.log(`[electron specs] skipped: ${SKIP_REASON}`);

const groups = (methods: readonly string[]) => {
  const byGroup: Record<string, string[]> = {};
  for (const method of methods) {
    const [group, name] = method.split('.') as [string, string];
    (byGroup[group] ??= []).push(name);
  }
  for (const names of Object.values(byGroup)) names.sort();
  return byGroup;
};

test.describe('Skill Foundry in Electron', () => {
  test.skip(!binary, SKIP_REASON);
  test.describe.configure({ mode: 'serial' });

  let dataDir: string;
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    expect(fs.existsSync(path.join(root, 'out', 'main', 'index.js')), 'out/main/index.js is missing: run npm run build first').toBe(true);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-electron-'));
    // English, whatever the machine's language, so the labels below are predictable.
    const store = openFoundryStore(dataDir);
    store.settings.update({ language: 'en' });
    store.close();
    app = await electron.launch({
      executablePath: binary!,
      args: [root],
      cwd: root,
      env: { ...process.env, FOUNDRY_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the window is titled Skill Foundry and shows the packaged renderer', async () => {
    const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
    expect(title).toContain('Skill Foundry');
    const url = new URL(page.url());
    expect(url.protocol).toBe('file:');
    expect(url.pathname.endsWith('/out/renderer/index.html')).toBe(true);
  });

  test('window.foundry holds exactly the contract, and the page has no Node', async () => {
    const exposed = await page.evaluate(() => {
      const foundry = (window as unknown as { foundry: Record<string, Record<string, unknown>> }).foundry;
      return Object.fromEntries(Object.entries(foundry).map(([group, methods]) => [group, Object.keys(methods).sort()]));
    });
    expect(exposed).toEqual(groups(API_METHODS));
    expect(await page.evaluate(() => [typeof (window as unknown as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process]))
      .toEqual(['undefined', 'undefined']);
  });

  test('a call through window.foundry reaches the engine on FOUNDRY_DATA_DIR', async () => {
    const info = await page.evaluate(() => (window as unknown as { foundry: { app: { info(r: object): Promise<unknown> } } }).foundry.app.info({}));
    expect(info).toMatchObject({ ok: true, value: { dataDir } });
  });

  test('the page carries the shared Content Security Policy', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toBe(CONTENT_SECURITY_POLICY);
  });

  test('navigation away and new windows are refused', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('the sandbox host runs under a real Node 24 (not Electron) and passes its self-check', async () => {
    type Info = { ok: true; value: { sandbox: { state: string; nodePath: string; nodeVersion: string; problem: unknown } } };
    const info = () => page.evaluate(() => (window as unknown as { foundry: { app: { info(r: object): Promise<unknown> } } }).foundry.app.info({})) as Promise<Info>;
    await expect.poll(async () => (await info()).value.sandbox.state, { timeout: 20_000 }).toBe('ready');
    const { sandbox } = (await info()).value;
    expect(Number(sandbox.nodeVersion.split('.')[0])).toBeGreaterThanOrEqual(24);
    expect(sandbox.nodePath).not.toBe(binary);
    expect(sandbox.problem).toBeNull();
  });

  test('a skill runs: a generated water tracker passes its dry run in the sandbox and waits for review', async () => {
    type Api = { skills: { generate(r: object): Promise<{ ok: true; value: { accepted: boolean; jobId: string } }> }; jobs: { get(r: object): Promise<{ ok: true; value: { status: string; steps: { step: string; status: string }[] } }> } };
    const started = await page.evaluate(() => (window as unknown as { foundry: Api }).foundry.skills.generate({ text: 'Chcę śledzić ile piję wody' }));
    expect(started.value.accepted).toBe(true);
    const jobId = started.value.jobId;
    await expect.poll(async () => (await page.evaluate((id) => (window as unknown as { foundry: Api }).foundry.jobs.get({ jobId: id }), jobId)).value.status, { timeout: 30_000 }).not.toBe('running');
    const job = await page.evaluate((id) => (window as unknown as { foundry: Api }).foundry.jobs.get({ jobId: id }), jobId);
    expect(job.value.status).toBe('pending');
    expect(job.value.steps).toContainEqual(expect.objectContaining({ step: 'dry-run', status: 'ok' }));
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: /^Review queue/ }).click();
    await expect(page.getByRole('navigation', { name: 'Sections' })).toContainText('1 awaiting review');
  });

  for (const view of ['Review queue', 'Skills', 'Activity', 'Settings']) {
    test(`the ${view} view renders`, async () => {
      await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: new RegExp(`^${view}`) }).click();
      await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible();
    });
  }
});
