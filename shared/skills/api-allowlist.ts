// The seed's API allowlist (stage 4). The validator discloses by it and the sandbox enforces it:
// one list serves both.
export const QUERY_READ_METHODS = ['from', 'select', 'eq', 'single', 'limit', 'order'] as const;
export const QUERY_WRITE_METHODS = ['insert', 'update'] as const;
export const QUERY_BLOCKED_METHODS = ['rpc', 'delete'] as const;

export type QueryReadMethod = (typeof QUERY_READ_METHODS)[number];
export type QueryWriteMethod = (typeof QUERY_WRITE_METHODS)[number];
export type QueryBlockedMethod = (typeof QUERY_BLOCKED_METHODS)[number];

/** Globals the sandbox gives a skill; nothing else of the host exists inside an isolate. */
export const SANDBOX_GLOBALS = ['supabase', 'foundry'] as const;

/** Table names a skill may declare: its own tables, prefixed like the seed's `exo_water_entries`. */
export const SKILL_TABLE_NAME = /^exo_[a-z][a-z0-9_]{0,58}$/;
