// The executor contract from the seed (lib/mods/types.ts): built-in mods and generated skills alike.
import type { JsonSchema } from './json-schema.ts';

export const BUILTIN_MOD_SLUGS = ['sleep-tracker', 'energy-monitor'] as const;
export type BuiltinModSlug = (typeof BUILTIN_MOD_SLUGS)[number];
export type CustomModSlug = `custom-${string}`;
export type ModSlug = BuiltinModSlug | CustomModSlug;

export interface ModAction {
  slug: string;
  name: string;
  description: string;
  params_schema: JsonSchema;
  /**
   * How long one execution of this action may run, in ms (seed 004). Without it, seed 000's 5 s;
   * never more than config.yaml's `skills.execution.timeoutMs`.
   */
  timeoutMs?: number;
}

export interface ModInsight {
  type: 'info' | 'success' | 'warning' | 'alert';
  title: string;
  message: string;
}

export interface ModActionResult {
  success: boolean;
  data?: unknown;
  error?: string;
}

/** An action that ran and answered `{ success: false }`: it refused, though nothing broke. */
export function isActionRefusal(result: unknown): boolean {
  return typeof result === 'object' && result !== null && !Array.isArray(result) && (result as { success?: unknown }).success === false;
}

export interface IModExecutor {
  readonly slug: ModSlug;
  getData(tenant_id: string): Promise<Record<string, unknown>>;
  getInsights(tenant_id: string): Promise<ModInsight[]>;
  executeAction(tenant_id: string, action: string, params: Record<string, unknown>): Promise<ModActionResult>;
  getActions(): ModAction[];
}

export const EXECUTOR_METHODS = ['getData', 'getInsights', 'executeAction', 'getActions'] as const;
export type ExecutorMethod = (typeof EXECUTOR_METHODS)[number];

const CUSTOM_SLUG = /^custom-[a-z0-9]+(?:-[a-z0-9]+)*$/;
export function isCustomModSlug(value: unknown): value is CustomModSlug {
  return typeof value === 'string' && value.length <= 72 && CUSTOM_SLUG.test(value);
}
