// `npm run build`: the main process, the preload and the renderer into out/, with Vite.
import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Native addons and Electron are loaded at run time from node_modules, never bundled. */
const MAIN_EXTERNAL = ['electron', 'better-sqlite3', 'isolated-vm', 'typescript', ...builtinModules, /^node:/];

/** The main bundle's entries; the sandbox host and the audit's worker thread join when their entry files exist. */
export function mainEntries(projectRoot: string): Record<string, string> {
  const entries: Record<string, string> = { index: path.join(projectRoot, 'main/index.ts') };
  const sandboxHost = path.join(projectRoot, 'main/skills/sandbox/host-entry.ts');
  if (fs.existsSync(sandboxHost)) entries['sandbox-host'] = sandboxHost;
  // Started with new Worker(out/main/audit-worker.js) by main/skills/validator/audit-off-thread.ts.
  const auditWorker = path.join(projectRoot, 'main/skills/validator/audit-worker.ts');
  if (fs.existsSync(auditWorker)) entries['audit-worker'] = auditWorker;
  return entries;
}

/** Builds main and the sandbox host into `outDir` (out/main for the app; tests build elsewhere). */
export async function buildMain(outDir = path.join(root, 'out/main')): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node24',
      minify: false,
      sourcemap: true,
      rolldownOptions: {
        input: mainEntries(root),
        external: MAIN_EXTERNAL,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  });
}

/** A sandboxed preload can require only 'electron', so everything else is bundled into one CommonJS file. */
export async function buildPreload(): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    ssr: { target: 'node', noExternal: true },
    build: {
      ssr: true,
      outDir: 'out/preload',
      emptyOutDir: true,
      target: 'chrome140',
      minify: false,
      sourcemap: 'inline',
      rolldownOptions: {
        input: { index: path.join(root, 'preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  });
}

export async function buildRenderer(): Promise<void> {
  await build({ configFile: path.join(root, 'renderer/vite.config.ts'), logLevel: 'warn' });
}

if (import.meta.main) {
  for (const [name, step] of [['main', buildMain], ['preload', buildPreload], ['renderer', buildRenderer]] as const) {
    const started = performance.now();
    await step();
    console.log(`built ${name} in ${Math.round(performance.now() - started)} ms`);
  }
}
