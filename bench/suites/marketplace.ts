// The marketplace (issue 17): how long `foundry market index` takes for a registry of 1,000
// bundles (each verified, read and audited; and without the audit, to show what the audit costs),
// how long a search takes against that registry (read the index from a file:// folder, check its
// shape, filter, score), and how long an install takes from the request to the pending version
// (download, verify, read, audit, dry run in the sandbox, disclosure, store).
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { openEngine } from '../../main/engine.ts';
import { buildOfflineCandidate } from '../../main/skills/generator/offline-generator.ts';
import { buildRegistryIndex, generateKeyPair, INDEX_FILE, packBundle, parseSecretKey, SIGNATURE_EXTENSION } from '../../main/skills/marketplace/index.ts';
import type { AuditReport } from '../../shared/skills/audit.ts';
import { createSkillService } from '../../main/skills/service.ts';
import { formatMs, measure, printNote, printTable, statsOf, withTempDir } from '../harness.ts';

const LISTINGS = 1_000;

export async function marketplaceBench(): Promise<void> {
  await withTempDir(async (registry) => {
    const key = parseSecretKey(generateKeyPair().secretKeyFile);
    const water = buildOfflineCandidate({ kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody' });
    for (let i = 0; i < LISTINGS; i++) {
      const packed = await packBundle({ ...water, slug: water.manifest.slug, version: `1.0.${i}` }, key, new Date('2026-10-01T00:00:00Z'));
      fs.writeFileSync(path.join(registry, packed.fileName), packed.archive);
      fs.writeFileSync(path.join(registry, `${packed.fileName}${SIGNATURE_EXTENSION}`), packed.signature);
    }
    const publisher = { name: 'Bench', key: key.publicKey };

    let started = performance.now();
    const skipAudit = async (): Promise<AuditReport> => ({ sourceSha256: '', verdict: 'pass', findings: [], capabilities: { reads: [], writes: [], http: [], notifications: false, skills: [], blockedCalls: [] } });
    await buildRegistryIndex(registry, publisher, new Date(), skipAudit);
    const withoutAudit = performance.now() - started;
    started = performance.now();
    const { index, refused } = await buildRegistryIndex(registry, publisher, new Date());
    const withAudit = performance.now() - started;
    if (refused.length > 0 || index.listings.length !== LISTINGS) throw new Error('every bench bundle must be listed');
    fs.writeFileSync(path.join(registry, INDEX_FILE), JSON.stringify(index));

    console.log(`\n## Marketplace: registry index for ${LISTINGS.toLocaleString('en')} bundles`);
    console.log(`  verify + read + audit (foundry market index): ${formatMs(withAudit)}  (${formatMs(withAudit / LISTINGS)} per bundle)`);
    console.log(`  verify + read, audit skipped:                 ${formatMs(withoutAudit)}  (${formatMs(withoutAudit / LISTINGS)} per bundle)`);
    printNote(`index.json: ${(fs.statSync(path.join(registry, INDEX_FILE)).size / 1024).toFixed(0)} KiB`);

    await withTempDir(async (dataDir) => {
      const engine = openEngine({ dataDir, log: { rejected() {}, failed() {} }, env: {} });
      try {
        engine.config.set('skills.marketplace.enabled', true, 'owner');
        engine.config.set('skills.marketplace.registryUrl', pathToFileURL(registry).href, 'owner');
        const service = createSkillService({ store: engine.store, skills: engine.skills, config: engine.config, locale: () => 'en' });
        const search = await measure(`search "water" over ${LISTINGS} listings (file://)`, () => service.searchMarket('owner', 'water'), { runs: 30, warmup: 3 });
        const category = await measure('list one category', () => service.searchMarket('owner', '', { category: 'other' }), { runs: 30, warmup: 3 });
        printTable('Marketplace: search latency (read index, check its shape, filter, score)', [search, category]);

        const samples: number[] = [];
        for (let i = 0; i < 8; i++) {
          const start = performance.now();
          const result = await service.installFromMarket('owner', `custom-water-tracker@1.0.${i}`);
          samples.push(performance.now() - start);
          if (result.outcome !== 'pending') throw new Error(`the bench install must be pending: ${result.reason?.en}`);
        }
        printTable('Marketplace: install to pending version (download, verify, audit, dry run, disclosure)', [statsOf('install → pending', samples.slice(1))]);
        printNote('the first install (which also starts the sandbox host) is left out');
      } finally {
        await engine.close();
      }
    });
  });
}
