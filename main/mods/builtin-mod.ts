// What a built-in mod gets: its rows in the store (a partition of skill_rows under its own slug),
// the clock and the owner's language. Built-ins are trusted code shipped with the app; they run in
// main, but still take their params only through their own schemas.
import type { Locale, Localized } from '../../shared/i18n-types.ts';
import type { BuiltinModSlug, IModExecutor, ModAction, ModActionResult, ModInsight } from '../../shared/skills/mod-types.ts';
import type { RowFilter, SkillRowsRepository, StoredRow } from '../store/repositories/skill-rows.ts';
import { assertActionParams } from './checked-params.ts';

export interface BuiltinModDeps {
  rows: SkillRowsRepository;
  now: () => Date;
  locale: () => Locale;
}

export interface LocalizedAction extends Omit<ModAction, 'name' | 'description'> {
  name: Localized;
  description: Localized;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function actionsIn(actions: readonly LocalizedAction[], locale: Locale): ModAction[] {
  return actions.map((a) => ({ slug: a.slug, name: a.name[locale], description: a.description[locale], params_schema: structuredClone(a.params_schema) }));
}

/** One tenant's entries of one table, newest first by `logged_at`. */
export function modTable(deps: BuiltinModDeps, slug: BuiltinModSlug, table: string) {
  const partition = { skillSlug: slug, table };
  const ofTenant = (tenantId: string, match: RowFilter[]): RowFilter[] => [{ column: 'tenant_id', value: tenantId }, ...match];
  return {
    add(tenantId: string, entry: Record<string, unknown>): void {
      deps.rows.insert(partition, [{ tenant_id: tenantId, ...entry }], deps.now().toISOString());
    },
    /** Merges `patch` into the tenant's entries matching `match`. */
    update(tenantId: string, match: RowFilter[], patch: Record<string, unknown>): void {
      deps.rows.update(partition, ofTenant(tenantId, match), patch, deps.now().toISOString());
    },
    recent(tenantId: string, limit: number, match: RowFilter[] = []): StoredRow[] {
      return deps.rows.select(partition, {
        filters: ofTenant(tenantId, match),
        order: [{ column: 'logged_at', ascending: false, nullsFirst: null }],
        limit,
      });
    },
  };
}

export const round1 = (value: number) => Math.round(value * 10) / 10;

export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((sum, v) => sum + v, 0) / values.length);
}

/** The calendar day on this computer's clock, `YYYY-MM-DD`. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** A number as the owner reads it: `7,5` in Polish, `7.5` in English. */
export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
}

/** An insight whose texts are built in the owner's language. */
export function insight(type: ModInsight['type'], title: Localized, message: Localized, locale: Locale): ModInsight {
  return { type, title: title[locale], message: message[locale] };
}

/** What a built-in mod itself provides; `builtinExecutor` turns it into an IModExecutor. */
export interface BuiltinModParts<Data extends Record<string, unknown>> {
  slug: BuiltinModSlug;
  actions: readonly LocalizedAction[];
  getData(tenantId: string): Promise<Data>;
  insights(data: Data, locale: Locale): ModInsight[];
  /** Runs `action` with params its schema has already accepted. */
  run(tenantId: string, action: string, params: Record<string, unknown>): ModActionResult;
}

/** Params checked against the mod's own schemas, insights from its data, texts in the owner's language. */
export function builtinExecutor<Data extends Record<string, unknown>>(deps: BuiltinModDeps, parts: BuiltinModParts<Data>): IModExecutor {
  return {
    slug: parts.slug,
    getData: parts.getData,
    getInsights: async (tenantId) => parts.insights(await parts.getData(tenantId), deps.locale()),
    async executeAction(tenantId, action, params) {
      assertActionParams(actionsIn(parts.actions, 'en'), action, params);
      return parts.run(tenantId, action, params);
    },
    getActions: () => actionsIn(parts.actions, deps.locale()),
  };
}
