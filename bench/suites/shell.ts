// What a shell action's guard costs per run, measured here: hashing the pinned program again (the
// check before every run), and starting a command directly or inside bubblewrap (the isolation).
import { measure, printNote, printRatio, printTable, withTempDir } from '../harness.ts';
import { fileSha256, findIsolation, resolveExecutable } from '../../main/skills/actions/shell/index.ts';
import { runProcess } from '../../main/skills/actions/shell/command-process.ts';
import { bubblewrapArgs, privateFolders } from '../../main/skills/actions/shell/bubblewrap.ts';

export async function shellBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const rows = [];
    for (const name of ['true', 'git']) {
      const found = resolveExecutable(name);
      if (found.ok) rows.push(await measure(`pin check: SHA-256 of ${found.executable}`, () => fileSha256(found.executable), { runs: 50, warmup: 5 }));
    }
    const direct = await measure('spawn /bin/true directly (empty environment, own process group)', () => runProcess({ file: '/bin/true', args: [], cwd: dir, env: {}, timeoutMs: 10_000 }), { runs: 50, warmup: 5 });
    rows.push(direct);
    const { bubblewrap } = findIsolation();
    if (bubblewrap) {
      const isolated = await measure('spawn /bin/true inside bubblewrap (no network, read-only system, homes hidden)', () => runProcess({
        file: bubblewrap, args: bubblewrapArgs({ executable: '/bin/true', args: [], cwd: dir, env: {}, hidden: privateFolders(dir) }), cwd: dir, env: {}, timeoutMs: 10_000,
      }), { runs: 50, warmup: 5 });
      rows.push(isolated);
      printTable('Shell actions: the guard per run', rows);
      printRatio('bubblewrap / direct (p50)', isolated.p50 / direct.p50);
    } else {
      printTable('Shell actions: the guard per run', rows);
      printNote('bubblewrap is not installed here: commands would run unisolated, so its cost is not measured.');
    }
    printNote('The owner’s consent comes on top (see "Consent before a run"), unless a standing consent covers the exact command.');
  });
}
