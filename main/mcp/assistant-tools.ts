// The MCP tools beside the skills' own: asking for a skill, reading what exists, asking the owner
// for a review or a rollback, and browsing the marketplace and asking for an install from it. Each is the REST route's backend call as the assistant, so
// RBAC, limits and refusals are the API's. None approves, rejects, grants, enables shell actions
// or changes configuration, and no argument can make one do so: every schema is closed
// (additionalProperties: false) and checked before the backend is called.
import type { JsonSchema } from '../../shared/skills/json-schema.ts';
import type { Localized } from '../../shared/i18n-types.ts';
import type { ApiBackend, GenerateInput } from '../api/backend.ts';
import { DEFAULT_PAGE_LIMIT, GENERATE_BODY, MARKET_LISTING_REF_SCHEMA, MARKET_SEARCH_QUERY, MAX_PAGE_LIMIT, ROLLBACK_BODY, SKILL_REF_SCHEMA } from '../api/schemas.ts';
import { requestCheck, type RequestCheck } from '../api/validation.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import { MCP_TEXTS } from './texts.ts';
import type { ToolAnswer } from './tool-answer.ts';

export interface AssistantTool {
  name: string;
  description: Localized;
  inputSchema: JsonSchema & { type: 'object' };
  /** Checks the arguments against `inputSchema`; null when they pass. */
  check: RequestCheck;
  run(backend: ApiBackend, principal: PrincipalKind, args: Record<string, unknown>): Promise<ToolAnswer>;
}

const closed = (properties: Record<string, JsonSchema>, required: string[] = []) =>
  ({ type: 'object' as const, additionalProperties: false, required, properties });
const note = (ROLLBACK_BODY.properties as Record<string, JsonSchema>).note!;
const skill = { ...SKILL_REF_SCHEMA, description: 'The skill’s slug (custom-water-tracker) or id.' };
const listing = { ...MARKET_LISTING_REF_SCHEMA, description: 'The listing: slug@version (custom-water-tracker@1.0.0), or a slug for its newest version.' };

function tool(name: string, description: Localized, inputSchema: AssistantTool['inputSchema'], run: AssistantTool['run']): AssistantTool {
  return { name, description, inputSchema, check: requestCheck(inputSchema, name, 'arguments'), run };
}

export const ASSISTANT_TOOLS: readonly AssistantTool[] = [
  tool('request_skill', MCP_TEXTS.requestSkill, { type: 'object', ...GENERATE_BODY }, async (backend, principal, args) => {
    const generated = await backend.generate(principal, args as unknown as GenerateInput);
    const tag = generated.skill.versions.find((v) => v.version === generated.version)?.tag ?? `${generated.skill.slug}@v${generated.version}`;
    return {
      structured: { status: 'waiting-for-owner-approval', skill: generated.skill, version: generated.version, expiresAt: generated.expiresAt, disclosure: generated.disclosure },
      text: MCP_TEXTS.generated(tag, generated.expiresAt),
    };
  }),
  tool(
    'list_skills',
    MCP_TEXTS.listSkills,
    closed({
      offset: { type: 'integer', minimum: 0, default: 0 },
      limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: DEFAULT_PAGE_LIMIT },
    }),
    async (backend, principal, args) => {
      const page = await backend.listSkills(principal, (args.offset as number | undefined) ?? 0, (args.limit as number | undefined) ?? DEFAULT_PAGE_LIMIT);
      const runnable = page.skills.filter((s) => s.runnable).length;
      return { structured: { ...page }, text: MCP_TEXTS.listed(runnable, page.skills.length - runnable) };
    },
  ),
  tool('get_skill', MCP_TEXTS.getSkill, closed({ skill }, ['skill']), async (backend, principal, args) => {
    const details = await backend.getSkill(principal, args.skill as string);
    return { structured: { ...details }, text: MCP_TEXTS.skillShown(details.slug, details.status) };
  }),
  tool('request_review', MCP_TEXTS.requestReview, closed({ skill, note }, ['skill']), async (backend, principal, args) => {
    const request = await backend.requestReview(principal, args.skill as string, args.note as string | undefined);
    return { structured: { status: 'review-requested', ...request }, text: MCP_TEXTS.reviewRequested(args.skill as string, request.version) };
  }),
  tool(
    'request_rollback',
    MCP_TEXTS.requestRollback,
    closed({ skill, version: (ROLLBACK_BODY.properties as Record<string, JsonSchema>).version!, note }, ['skill', 'version']),
    async (backend, principal, args) => {
      const request = await backend.requestRollback(principal, args.skill as string, args.version as string, args.note as string | undefined);
      return { structured: { status: 'rollback-requested', ...request }, text: MCP_TEXTS.rollbackRequested(args.skill as string, request.version) };
    },
  ),
  tool('search_marketplace', MCP_TEXTS.searchMarketplace, closed(MARKET_SEARCH_QUERY), async (backend, principal, args) => {
    const found = await backend.searchMarket(principal, (args.query as string | undefined) ?? '', args.category as string | undefined);
    return { structured: { ...found }, text: MCP_TEXTS.marketFound(found.listings.length, found.categories) };
  }),
  tool('show_marketplace_listing', MCP_TEXTS.showMarketplaceListing, closed({ id: listing }, ['id']), async (backend, principal, args) => {
    const shown = await backend.showMarketListing(principal, args.id as string);
    return { structured: { ...shown }, text: MCP_TEXTS.marketShown(shown.id, shown.trust.score, shown.problem) };
  }),
  tool('request_marketplace_install', MCP_TEXTS.requestMarketplaceInstall, closed({ id: listing }, ['id']), async (backend, principal, args) => {
    const requested = await backend.requestMarketInstall(principal, args.id as string);
    const tag = requested.skill.versions.find((v) => v.version === requested.version)?.tag ?? `${requested.skill.slug}@v${requested.version}`;
    return { structured: { ...requested }, text: MCP_TEXTS.marketRequested(tag, requested.expiresAt) };
  }),
];
