import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built app's parts, under the app root (the app.asar archive once packaged). */
export function appFiles(appRoot: string) {
  return {
    preload: path.join(appRoot, 'out', 'preload', 'index.cjs'),
    rendererIndex: path.join(appRoot, 'out', 'renderer', 'index.html'),
    // Unpacked from the asar: the sandbox host runs under a plain Node, which cannot read inside one.
    sandboxHost: path.join(appRoot, 'out', 'main', 'sandbox-host.js').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`),
  };
}
export type AppFiles = ReturnType<typeof appFiles>;

/**
 * Whether `url` is the renderer's own page (any #route or ?query of it). Compared as decoded file
 * paths, because Chromium and Node percent-encode some characters of a file URL differently.
 */
export function isRendererPage(url: string, rendererIndex: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  try {
    return path.normalize(fileURLToPath(parsed)) === path.normalize(rendererIndex);
  } catch {
    return false;
  }
}
