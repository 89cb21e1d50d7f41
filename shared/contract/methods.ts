// The renderer↔main contract: every method, its request schema (JSON Schema, checked in main
// with ajv) and its request/response types. The preload, the IPC router, the test bridge and the
// local API are all built from this one table.
import type { AppInfo, AuditEntry, ExecutionRecord, Page, ReviewItem, Settings, SkillSummary, ApiResult } from './records.ts';
import type { JsonSchema } from '../skills/json-schema.ts';

const noParams = { type: 'object', additionalProperties: false, properties: {} } as const;
const pageParams = {
  type: 'object',
  additionalProperties: false,
  required: ['offset', 'limit'],
  properties: {
    offset: { type: 'integer', minimum: 0 },
    limit: { type: 'integer', minimum: 1, maximum: 500 },
    skillSlug: { type: 'string', minLength: 1, maxLength: 80 },
    status: { type: 'string', enum: ['succeeded', 'failed'] },
    event: { type: 'string', minLength: 1, maxLength: 60 },
  },
} as const;

export interface PageRequest {
  offset: number;
  limit: number;
  skillSlug?: string;
  status?: 'succeeded' | 'failed';
  event?: string;
}

export const API_SCHEMAS = {
  'app.info': noParams,
  'reviews.list': noParams,
  'skills.list': noParams,
  'activity.executions': pageParams,
  'activity.audit': pageParams,
  'settings.get': noParams,
  'settings.update': {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: { language: { type: 'string', enum: ['system', 'pl', 'en'] } },
  },
} as const satisfies Record<string, JsonSchema>;

export type ApiMethod = keyof typeof API_SCHEMAS;
export const API_METHODS = Object.keys(API_SCHEMAS) as ApiMethod[];

type Empty = Record<string, never>;

export interface ApiTypes {
  'app.info': { request: Empty; response: AppInfo };
  'reviews.list': { request: Empty; response: ReviewItem[] };
  'skills.list': { request: Empty; response: SkillSummary[] };
  'activity.executions': { request: PageRequest; response: Page<ExecutionRecord> };
  'activity.audit': { request: PageRequest; response: Page<AuditEntry> };
  'settings.get': { request: Empty; response: Settings };
  'settings.update': { request: Partial<Settings>; response: Settings };
}

export type ApiRequest<M extends ApiMethod> = ApiTypes[M]['request'];
export type ApiResponse<M extends ApiMethod> = ApiTypes[M]['response'];

export type ApiCall<M extends ApiMethod> = (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;

type GroupOf<M> = M extends `${infer G}.${string}` ? G : never;
export type ApiGroup = GroupOf<ApiMethod>;

/** window.foundry: `foundry.skills.list({})`, each call answering with an ApiResult envelope. */
export type FoundryApi = {
  [G in ApiGroup]: { [M in ApiMethod as M extends `${G}.${infer N}` ? N : never]: ApiCall<M> };
};

/** The IPC channel of a method: one prefix, so main can refuse anything else. */
export const IPC_PREFIX = 'foundry:';
export function ipcChannel(method: ApiMethod): string {
  return IPC_PREFIX + method;
}
