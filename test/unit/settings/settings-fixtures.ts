// A skill with a version whose manifest a test writes (its settings schema and secrets), inserted
// with SQL against the schema as the browser seed does: settings need no generator or sandbox.
import { createHash, randomUUID } from 'node:crypto';
import type { FoundryStore } from '../../../main/store/index.ts';
import type { SkillState } from '../../../main/store/repositories/skill-lifecycle.ts';
import { emptyCapabilities, type SkillManifest } from '../../../shared/skills/manifest.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';

export const SLUG = 'custom-weather-check';

/** A weather skill: a city, units, a warning threshold, the OpenWeather key (manifest) and a webhook token (schema). */
export const WEATHER_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['city', 'WEBHOOK_TOKEN'],
  properties: {
    city: { type: 'string', minLength: 2, maxLength: 80, title: 'City', 'x-title-pl': 'Miasto', description: 'Where to check the weather', 'x-description-pl': 'Gdzie sprawdzać pogodę' },
    units: { type: 'string', enum: ['metric', 'imperial'], default: 'metric', title: 'Units' },
    warnBelow: { type: 'integer', minimum: -50, maximum: 50, default: 0 },
    notify: { type: 'boolean', default: true, title: 'Notify me', 'x-title-pl': 'Powiadamiaj mnie' },
    WEBHOOK_TOKEN: { type: 'string', writeOnly: true, title: 'Webhook token', 'x-title-pl': 'Token webhooka' },
  },
};

export const WEATHER_SECRETS: NonNullable<SkillManifest['secrets']> = [
  { name: 'OPENWEATHER_KEY', hosts: ['api.openweathermap.org'], title: 'OpenWeather API key' },
  { name: 'WEBHOOK_TOKEN', hosts: ['hooks.example.com'] },
];

export function weatherManifest(version: string, schema: JsonSchema = WEATHER_SCHEMA, secrets = WEATHER_SECRETS): SkillManifest {
  return {
    slug: SLUG, name: 'Weather check', description: 'Warns before frost.', version,
    capabilities: { ...emptyCapabilities(), http: ['api.openweathermap.org', 'hooks.example.com'] },
    config_schema: schema,
    secrets,
  };
}

export function insertSkill(store: FoundryStore): string {
  const id = randomUUID();
  const at = store.now().toISOString();
  store.db.prepare("INSERT INTO exo_generated_skills (id, slug, name, status, created_at, updated_at) VALUES (?, ?, 'Weather check', 'pending', ?, ?)").run(id, SLUG, at, at);
  return id;
}

/** A version of the skill with `manifest`, made the running one. */
export function runVersion(store: FoundryStore, skillId: string, manifest: SkillManifest): string {
  const id = randomUUID();
  const code = `export const mod = {}; // ${manifest.version}\n`;
  store.db
    .prepare(
      `INSERT INTO exo_skill_versions (id, skill_id, version, status, code, manifest, config_schema, skill_md, content_sha256, generator, created_at)
       VALUES (?, ?, ?, 'approved', ?, ?, ?, '# Weather\n', ?, 'offline', ?)`,
    )
    .run(id, skillId, manifest.version, code, JSON.stringify(manifest), JSON.stringify(manifest.config_schema), createHash('sha256').update(code).digest('hex'), store.now().toISOString());
  store.db.prepare("UPDATE exo_generated_skills SET active_version_id = ?, status = 'active' WHERE id = ?").run(id, skillId);
  return id;
}

export function skillState(store: FoundryStore, skillId: string): SkillState {
  const row = store.db.prepare<[string], { slug: string; name: string; active_version_id: string | null }>('SELECT slug, name, active_version_id FROM exo_generated_skills WHERE id = ?').get(skillId)!;
  return { id: skillId, slug: row.slug, name: row.name, status: 'active', activeVersionId: row.active_version_id, usageCount: 0, lastUsedAt: null, archivedAt: null };
}
