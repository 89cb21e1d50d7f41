// Runs in `npm start` and `npm run dist` (plain JavaScript, so that it runs on the old Node it has
// to complain about): one clear sentence, in English and Polish, instead of a stack trace.
//   node scripts/preflight.mjs node       before building: Node ≥ 24
//   node scripts/preflight.mjs electron   after building, before `electron .`: Electron's own binary
//                                         present or downloadable (electron-builder brings the
//                                         Electron it packages, so `dist` does not ask)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_NODE_MAJOR = 24;

/** A sentence when this Node is too old, else null. */
export function nodeProblem(version) {
  const plain = String(version).replace(/^v/, '');
  const major = Number(plain.split('.')[0]);
  if (major >= MIN_NODE_MAJOR) return null;
  return {
    en: `Skill Foundry needs Node.js ${MIN_NODE_MAJOR} or newer and this is Node ${plain}: install Node ${MIN_NODE_MAJOR} (for example \`nvm install ${MIN_NODE_MAJOR}\`), then run \`npm install\` and this command again.`,
    pl: `Skill Foundry wymaga Node.js ${MIN_NODE_MAJOR} lub nowszego, a to jest Node ${plain}: zainstaluj Node ${MIN_NODE_MAJOR} (np. \`nvm install ${MIN_NODE_MAJOR}\`), potem uruchom \`npm install\` i to polecenie jeszcze raz.`,
  };
}

/** Where the electron package says its binary is, if it is there. */
function installedElectron(electronDir) {
  try {
    const relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8');
    const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
      ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
      : path.join(electronDir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * A sentence when Electron's binary is missing and cannot be fetched, else null. The electron
 * package downloads its binary on first use; `install` runs that download (its output is kept
 * back: a failed download prints a stack trace nobody needs).
 */
export function electronProblem(electronDir, install = defaultInstall) {
  if (!fs.existsSync(path.join(electronDir, 'package.json'))) {
    return {
      en: 'The electron package is not installed: run `npm install` first.',
      pl: 'Pakiet electron nie jest zainstalowany: najpierw uruchom `npm install`.',
    };
  }
  if (installedElectron(electronDir)) return null;
  const version = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  const result = install(electronDir);
  if (result.ok && installedElectron(electronDir)) return null;
  const reason = (result.detail.split('\n').map((line) => line.trim()).find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|40\d|50\d/i.test(line)) ?? 'no reason given').slice(0, 200);
  return {
    en: `Electron ${version}'s own binary is not installed and could not be downloaded (${reason}): connect this computer to the internet and run \`npm start\` again, or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding Electron ${version} for this platform. Skills, reviews and the command line work without it: \`npm run foundry -- --help\`.`,
    pl: `Program Electron ${version} nie jest zainstalowany i nie udało się go pobrać (${reason}): połącz komputer z internetem i uruchom \`npm start\` jeszcze raz albo ustaw ELECTRON_OVERRIDE_DIST_PATH na folder z Electronem ${version} dla tej platformy. Skille, przeglądy i wiersz poleceń działają bez niego: \`npm run foundry -- --help\`.`,
  };
}

/** Electron's own download (node_modules/electron/install.js), given two minutes. */
function defaultInstall(electronDir) {
  const run = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', timeout: 120_000 });
  return { ok: run.status === 0, detail: `${run.stderr ?? ''}\n${run.stdout ?? ''}\n${run.error?.message ?? ''}` };
}

export function preflight(check, { nodeVersion = process.version, electronDir, install } = {}) {
  const problem = check === 'electron' ? electronProblem(electronDir, install) : nodeProblem(nodeVersion);
  return problem ? [problem] : [];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const check = process.argv[2] === 'electron' ? 'electron' : 'node';
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const problems = preflight(check, { electronDir: path.join(root, 'node_modules', 'electron') });
  for (const problem of problems) console.error(`\n${problem.en}\n${problem.pl}\n`);
  if (problems.length > 0) process.exit(1);
}
