import { test, expect } from './fixtures.ts';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp.ts';
import { API_METHODS } from '../../shared/contract/index.ts';

test('the page has no Node: window.require and process are undefined, window.foundry holds the contract only', async ({ page, openApp }) => {
  await openApp();
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    module: typeof (window as unknown as { module?: unknown }).module,
    foundry: Object.fromEntries(Object.entries(window.foundry).map(([group, methods]) => [group, Object.keys(methods).sort()])),
  }));
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
  expect(globals.module).toBe('undefined');
  const expected: Record<string, string[]> = {};
  for (const method of API_METHODS) {
    const [group, name] = method.split('.') as [string, string];
    (expected[group] ??= []).push(name);
  }
  for (const names of Object.values(expected)) names.sort();
  expect(globals.foundry).toEqual(expected);
});

test("the built page carries the app's CSP, runs no inline script and is refused eval and network", async ({ page, openApp, pageProblems }) => {
  const response = page.waitForResponse((r) => r.url().endsWith('/index.html'));
  await openApp();
  expect((await response).headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toBe(CONTENT_SECURITY_POLICY);
  const inlineScripts = await page.locator('script:not([src])').count();
  expect(inlineScripts).toBe(0);

  // Each attempt the policy must refuse: an injected inline script, a string handed to a timer
  // (eval), and a request to the network. Evaluated code itself is exempt from CSP in DevTools,
  // so the attempts are made by the page and judged by their effects and violation reports.
  pageProblems.allow(/Refused to|Content Security Policy/);
  const outcome = await page.evaluate(async () => {
    const page = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    (setTimeout as unknown as (code: string, ms: number) => void)('window.__evalRan = true', 0);
    const fetched = await fetch('./index.html').then(() => true, () => false);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { inlineRan: page.__inlineRan === true, evalRan: page.__evalRan === true, fetched, violations: [...new Set(violations)].sort() };
  });
  expect(outcome).toEqual({ inlineRan: false, evalRan: false, fetched: false, violations: ['connect-src', 'script-src', 'script-src-elem'] });
});
