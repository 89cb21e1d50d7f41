// Skills and plumbing shared by the sandbox tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openFoundryStore, type FoundryStore } from '../../../main/store/index.ts';
import { createSandbox, type ExecutionRequest, type Sandbox, type SandboxLimits, type SandboxOptions, type SandboxSkill, type SkillCall } from '../../../main/skills/sandbox/index.ts';
import type { SkillCapabilities, SkillManifest } from '../../../shared/skills/manifest.ts';
import type { CustomModSlug } from '../../../shared/skills/mod-types.ts';

/** The seed's water tracker, adapted to the sandbox's globals. */
export const WATER_TRACKER = `
import type { IModExecutor, ModAction, ModInsight } from './types';

export class WaterTrackerExecutor implements IModExecutor {
  readonly slug = 'custom-water-tracker';

  async getData(tenant_id: string) {
    const { data } = await supabase
      .from('exo_water_entries')
      .select('*')
      .eq('tenant_id', tenant_id)
      .order('logged_at', { ascending: false });
    const entries = data ?? [];
    return { entries, total_ml: entries.reduce((s: number, e: { amount_ml: unknown }) => s + Number(e.amount_ml), 0) };
  }

  async getInsights(tenant_id: string): Promise<ModInsight[]> {
    const d = await this.getData(tenant_id);
    return d.total_ml < 1000 ? [{ type: 'warning', title: 'Pij więcej wody!', message: \`Tylko \${d.total_ml}ml dziś\` }] : [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    if (action === 'log_water') {
      const { error } = await supabase.from('exo_water_entries').insert({ tenant_id, amount_ml: params.amount_ml, logged_at: foundry.now() });
      return error ? { success: false, error: error.message } : { success: true };
    }
    return { success: false, error: 'Unknown action' };
  }

  getActions(): ModAction[] {
    return [{
      slug: 'log_water', name: 'Zaloguj wodę', description: 'Zapisz ile wody wypiłeś',
      params_schema: { type: 'object', required: ['amount_ml'], properties: { amount_ml: { type: 'number' } }, additionalProperties: false },
    }];
  }
}
`;

export function manifest(slug: CustomModSlug, capabilities: Partial<SkillCapabilities> = {}): SkillManifest {
  return {
    slug,
    name: slug,
    description: '',
    version: '1.0.0',
    capabilities: { reads: [], writes: [], http: [], notifications: false, skills: [], ...capabilities },
    config_schema: {},
  };
}

export const WATER_MANIFEST = manifest('custom-water-tracker', { reads: ['exo_water_entries'], writes: ['exo_water_entries'] });

export function waterTracker(grantedWrites: string[] = ['exo_water_entries']): SandboxSkill {
  return { slug: 'custom-water-tracker', version: '1.0.0', versionId: 'water-v1', code: WATER_TRACKER, manifest: WATER_MANIFEST, grantedWrites };
}

/**
 * A skill whose `executeAction` body is `body` (TypeScript, `params` and `tenant_id` in scope);
 * the other methods are trivial. Each distinct body is its own version, so its own isolate.
 */
export function skillWith(body: string, capabilities: Partial<SkillCapabilities> = {}, grantedWrites: string[] = []): SandboxSkill {
  const slug: CustomModSlug = 'custom-probe';
  const code = `
export class ProbeExecutor {
  readonly slug = '${slug}';
  async getData(tenant_id: string) { return { tenant_id }; }
  async getInsights() { return []; }
  async executeAction(tenant_id: string, action: string, params: Record<string, any>): Promise<any> {
${body}
  }
  getActions() { return []; }
}
`;
  return { slug, version: '1.0.0', versionId: null, code, manifest: manifest(slug, capabilities), grantedWrites };
}

export function action(skill: SandboxSkill, params: Record<string, unknown> = {}, name = 'probe', tenantId = 'tenant-1'): ExecutionRequest {
  return { skill, call: { method: 'executeAction', tenantId, action: name, params }, trigger: 'test', actor: 'owner' };
}

export function call(skill: SandboxSkill, method: Exclude<SkillCall['method'], 'executeAction'>, tenantId = 'tenant-1'): ExecutionRequest {
  return { skill, call: { method, tenantId }, trigger: 'test', actor: 'owner' };
}

export interface Harness {
  store: FoundryStore;
  sandbox: Sandbox;
  rows(table: string, skillSlug?: string): Record<string, unknown>[];
  close(): Promise<void>;
}

/** openHarness for a test file: every harness a test opens is closed after it. */
export function useHarnesses(): (...args: Parameters<typeof openHarness>) => Harness {
  const open: Harness[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });
  return (...args) => {
    const h = openHarness(...args);
    open.push(h);
    return h;
  };
}

/** A temporary store with a sandbox on it. */
export function openHarness(
  limits: Partial<SandboxLimits> = {},
  launcher?: SandboxOptions['launcher'],
  options: Pick<SandboxOptions, 'httpClient'> = {},
): Harness {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundry-sandbox-test-'));
  const store = openFoundryStore(dir);
  const sandbox = createSandbox({ store, limits, ...(launcher ? { launcher } : {}), ...options });
  return {
    store,
    sandbox,
    rows: (table, skillSlug) =>
      store.db
        .prepare<[string, string], { data: string }>('SELECT data FROM skill_rows WHERE table_name = ? AND skill_slug = ? ORDER BY id')
        .all(table, skillSlug ?? 'custom-water-tracker')
        .map((row) => JSON.parse(row.data) as Record<string, unknown>),
    async close() {
      await sandbox.close();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Counts ticks of a short interval in this process, and the longest gap between two ticks. */
export function watchResponsiveness(intervalMs = 20) {
  let last = performance.now();
  let ticks = 0;
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
    ticks += 1;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return { ticks, longestGapMs };
    },
  };
}
