// Seed 004's action model: each action of a skill has a type — `code` (a method of the executor
// class, as before), `http` (one request, no code), `function` (another skill's action, no code) or
// `shell` (an argv command under strong guards) — and the same policy fields. Declarative actions
// (every type but `code`) exist only in the manifest, so the audit sees them, the disclosure states
// them and the approval covers them; a `code` action may have a manifest entry for its policy
// fields, and otherwise runs with the defaults. What getActions() answers at run time never widens
// what the manifest approved.
import type { Localized } from '../i18n-types.ts';
import type { JsonSchema } from './json-schema.ts';

export const ACTION_TYPES = ['code', 'http', 'function', 'shell'] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/** Fields every action type has (seed 004). */
export interface ActionPolicy {
  /** The action's slug, as callers name it (`log_water`). */
  slug: string;
  /** `code` when absent. */
  type?: ActionType;
  /** RBAC permissions the caller must hold besides `skills:execute` (main/skills/rbac/permissions.ts). */
  permissions?: string[];
  /** ms; 5 s when absent, never above config.yaml's `skills.execution.timeoutMs`. */
  timeoutMs?: number;
  /** Ask the owner before each run (a consent prompt in the desktop app). */
  requireApproval?: boolean;
  /**
   * The action's name and description in both languages ("Zapisz wypitą wodę" / "Log water"):
   * wherever it is shown, the viewer's language wins over the one the skill was written in.
   */
  labels?: ActionLabels;
}

export interface ActionLabels {
  name: Localized;
  description: Localized;
}

/** What a declarative action shows to callers (a `code` action takes these from getActions()). */
export interface ActionDescription {
  name: string;
  description: string;
  params_schema: JsonSchema;
}

/**
 * One request. `{{params.x}}` and `{{secret:NAME}}` placeholders in the URL, header values and the
 * body, each value escaped for its position (path segment, query value, JSON string). Runs through
 * the same guard as foundry.http (main/skills/http/).
 */
export interface HttpActionSpec {
  method: string;
  url: string;
  headers?: Record<string, string>;
  /** Text, or a JSON value (sent as JSON) whose strings may hold placeholders. */
  body?: unknown;
}

/** Another skill's (or a built-in mod's) action; `params` values may be `{{params.x}}` placeholders. */
export interface FunctionActionSpec {
  skill: string;
  action: string;
  params?: Record<string, unknown>;
}

/** A command as argv (no shell); `{{params.x}}` may fill only a whole element. */
export interface ShellActionSpec {
  command: string[];
  /** Relative to the folder the owner chose for the skill. */
  cwd?: string;
  /** Names of environment variables the command gets (values from the skill's settings); nothing else. */
  env?: string[];
}

export type ManifestAction =
  | (ActionPolicy & { type?: 'code' })
  | (ActionPolicy & ActionDescription & { type: 'http'; http: HttpActionSpec })
  | (ActionPolicy & ActionDescription & { type: 'function'; function: FunctionActionSpec })
  | (ActionPolicy & ActionDescription & { type: 'shell'; shell: ShellActionSpec });

/** `{{params.name}}` in a declarative action's template. */
export const PARAM_PLACEHOLDER = /\{\{params\.([A-Za-z_][A-Za-z0-9_]{0,63})\}\}/g;
