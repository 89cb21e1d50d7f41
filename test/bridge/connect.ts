import path from 'node:path';
import { build, type Rolldown } from 'vite';
import type { Page } from '@playwright/test';
import type { Dispatch } from '../../main/control/dispatcher.ts';
import { TRANSPORT_BINDING } from './transport-binding.ts';

const BRIDGE_ENTRY = path.resolve(import.meta.dirname, 'foundry-bridge.ts');

/** foundry-bridge.ts and the contract it imports, bundled into one classic script for addInitScript. */
export async function bundleBridgeScript(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: BRIDGE_ENTRY, formats: ['iife'], name: 'foundryBridge' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((output) => output.output).find((file) => file.type === 'chunk');
  if (!chunk) throw new Error('Bundling the foundry bridge produced no script.');
  return chunk.code;
}

/** Gives the page window.foundry backed by `dispatch` (the real engine's), from the next navigation on. */
export async function connectEngine(page: Page, dispatch: Dispatch, bridgeScript: string): Promise<void> {
  await page.exposeFunction(TRANSPORT_BINDING, (method: string, request: unknown) => dispatch(method, request));
  await page.addInitScript({ content: bridgeScript });
}
