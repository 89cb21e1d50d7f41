import { randomUUID } from 'node:crypto';
import { openFoundryStore } from '../../main/store/index.ts';
import { createSkillSettings } from '../../main/skills/settings/index.ts';
import { emptyCapabilities, type SkillManifest } from '../../shared/skills/manifest.ts';
import { measure, printNote, printRatio, printTable, withTempDir } from '../harness.ts';

const FIELDS = 20;

function manifest(): SkillManifest {
  const properties = Object.fromEntries(Array.from({ length: FIELDS }, (_, i) => [`field${i}`, { type: 'string', maxLength: 200, pattern: '^[a-z ]*$', default: 'default' }]));
  return {
    slug: 'custom-bench-settings', name: 'Bench', description: '', version: '1.0.0', capabilities: emptyCapabilities(),
    config_schema: { type: 'object', properties: { ...properties, KEY: { type: 'string', format: 'secret' } } },
    secrets: [{ name: 'KEY', hosts: ['api.example.com'] }],
  };
}

/** Every execution reads its skill's settings first: forRun must stay cheap once a version's schema was compiled. */
export async function settingsBench(): Promise<void> {
  await withTempDir(async (dir) => {
    const store = openFoundryStore(dir);
    try {
      const at = new Date().toISOString();
      store.db.prepare("INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES (?, 'custom-bench-settings', 'Bench', 'active', ?, ?)").run(randomUUID(), at, at);
      const skillId = store.skillSettings.skillIdOf('custom-bench-settings')!;
      for (let i = 0; i < FIELDS; i += 2) store.skillSettings.setValue(skillId, `field${i}`, 'owner value');
      const settings = createSkillSettings({ store, box: null, factors: null, integrityKey: null });
      // A version as an execution reads it: parsed from the store each time, so a new object every run.
      const stored = JSON.stringify(manifest());
      const warm = await measure('forRun, version seen before', () => settings.forRun('custom-bench-settings', JSON.parse(stored) as SkillManifest), { runs: 2000 });
      let n = 0;
      const cold = await measure('forRun of a version seen for the first time', () => {
        const fresh = manifest();
        fresh.config_schema.description = `version ${n++}`;
        return settings.forRun('custom-bench-settings', fresh);
      }, { runs: 200 });
      printTable(`Skill settings: ${FIELDS} fields (patterns in RE2), half of them set, one secret not unsealed`, [warm, cold]);
      printRatio('first run of a version / later runs (p50)', cold.p50 / warm.p50);
      printNote('forRun compiles a version’s settings schema once (kept by its text, 100 at most) and unseals no secret until the skill asks for one.');
    } finally {
      store.close();
    }
  });
}
