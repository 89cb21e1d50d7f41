// Runs in the page before the renderer (Playwright's addInitScript), in place of the app's preload:
// window.foundry is built by the same buildFoundryApi over a different transport. The transport is
// a Playwright binding (page.exposeFunction) that calls the real engine's dispatch in the test
// process, so no network is involved and the page keeps the app's CSP (connect-src 'none').
import { buildFoundryApi, type Transport } from '../../shared/contract/client.ts';
import { TRANSPORT_BINDING } from './transport-binding.ts';

const page = window as unknown as Record<string, unknown>;

Object.defineProperty(window, 'foundry', {
  value: buildFoundryApi((method, request) => (page[TRANSPORT_BINDING] as Transport)(method, request)),
  enumerable: true,
  writable: false,
  configurable: false,
});
