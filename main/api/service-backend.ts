// The local API's backend over the skill service: every route's call becomes one service call as
// the assistant, and the service's refusals become the API's, with their own bilingual messages.
import type { SkillService } from '../skills/service.ts';
import { ServiceError } from '../skills/service-error.ts';
import { createSkillCatalog } from '../skills/catalog/index.ts';
import type { PrincipalKind } from '../skills/rbac/roles.ts';
import type { ReviewRequestRecord } from '../../shared/contract/review-records.ts';
import { ApiBackendError, type ApiBackend, type ApiBackendStatus, type JsonValue, type OwnerRequest, type SkillDetails } from './backend.ts';

const DESCRIPTION_READ_ONLY = {
  en: "A skill's description is part of the version the owner reviewed; generate a new version to change it.",
  pl: 'Opis skilla jest częścią wersji sprawdzonej przez właściciela; aby go zmienić, wygeneruj nową wersję.',
};

/** Factor refusals only arise in approvals, which the API never reaches; map them safely anyway. A lock is the assistant's daily proposals used up. */
const STATUS: Record<ServiceError['code'], ApiBackendStatus> = {
  'bad-request': 400,
  refused: 403,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  locked: 429,
  'execution-failed': 502,
  unavailable: 503,
};

async function translated<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof ServiceError) {
      throw new ApiBackendError(STATUS[error.code], error.reason ?? error.code, error.userMessage, error.details.length ? error.details : undefined, error.lockedUntil ?? undefined);
    }
    throw error;
  }
}

const ownerRequest = (request: ReviewRequestRecord): OwnerRequest => ({ skillId: request.skillId, version: request.version ?? '', requestedAt: request.createdAt });

export function createServiceBackend(service: SkillService): ApiBackend {
  const catalog = createSkillCatalog(service);
  const details = (principal: PrincipalKind, idOrSlug: string): SkillDetails => {
    const { skill, versions } = service.getSkill(principal, idOrSlug);
    return {
      ...skill,
      approvalSeal: skill.approvalSeal ?? null,
      versions: versions.map((v) => ({ version: v.version, tag: v.tag, status: v.status, createdAt: v.createdAt })),
    };
  };

  /** Archiving hides the skill from the assistant: its answer is what it saw just before, archived. */
  const archived = (principal: PrincipalKind, idOrSlug: string): SkillDetails => {
    const before = details(principal, idOrSlug);
    return { ...before, status: service.archive(principal, idOrSlug).status };
  };

  return {
    listSkills: (principal, offset, limit) => translated(() => catalog.page(principal, offset, limit)),
    generate: (principal, input) => translated(async () => {
      const result = await service.generate(principal, 'text' in input ? input.text : input.need);
      if (result.outcome === 'failed') throw new ApiBackendError(422, 'generation-failed', result.reason, result.version ? [result.version.tag] : undefined);
      return { skill: details(principal, result.version.slug), version: result.version.version, expiresAt: result.version.expiresAt, disclosure: result.disclosure.text };
    }),
    getSkill: (principal, idOrSlug) => translated(() => details(principal, idOrSlug)),
    updateSkill: (principal, idOrSlug, patch) => translated(() => {
      if (patch.description !== undefined) throw new ApiBackendError(400, 'description-read-only', DESCRIPTION_READ_ONLY);
      if (patch.archived === true) return archived(principal, idOrSlug);
      if (patch.archived === false) service.restore(principal, idOrSlug);
      return details(principal, idOrSlug);
    }),
    archive: (principal, idOrSlug) => translated(() => archived(principal, idOrSlug)),
    requestReview: (principal, idOrSlug, note) => translated(() => ownerRequest(service.requestReview(principal, idOrSlug, note))),
    requestRollback: (principal, idOrSlug, version, note) => translated(() => ownerRequest(service.requestRollback(principal, idOrSlug, version, note))),
    isApproved: (principal, slug) => translated(() => service.isApproved(principal, slug)),
    execute: (principal, slug, action, params, trigger) => translated(async () => {
      const outcome = await service.execute(principal, slug, action, params, trigger === undefined ? {} : { trigger });
      return { slug: outcome.slug, action: outcome.action, result: outcome.result as unknown as JsonValue };
    }),
    listNotifications: (principal) => translated(() => service.listNotifications(principal)),
    listConsents: (principal) => translated(() => service.pendingConsents(principal)),
    listSchedules: (principal) => translated(() => service.listSchedules(principal)),
    proposeSchedule: (principal, slug, spec) => translated(() => service.proposeSchedule(principal, slug, spec)),
    getSettings: (principal, idOrSlug) => translated(() => service.getSettings(principal, idOrSlug)),
    revokeAllowance: (principal, idOrSlug, address, port) => translated(() => service.revokeAllowance(principal, idOrSlug, address, port)),
    getDependencies: (principal, idOrSlug) => translated(() => service.dependencies(principal, idOrSlug)),
    reportEvent: (principal, route, body) => translated(() => service.reportEvent(principal, route, body)),
    today: (principal) => translated(() => service.today(principal)),
    searchMarket: (principal, query, category) => translated(() => service.searchMarket(principal, query, category === undefined ? {} : { category })),
    showMarketListing: (principal, id) => translated(() => service.showMarketListing(principal, id)),
    requestMarketInstall: (principal, id) => translated(async () => {
      const { listing, pipeline } = await service.installFromMarket(principal, id);
      if (pipeline.outcome === 'failed') throw new ApiBackendError(422, 'install-failed', pipeline.reason, pipeline.version ? [pipeline.version.tag] : undefined);
      const { version } = pipeline;
      return { status: 'waiting-for-owner-approval', listing, skill: details(principal, version.slug), version: version.version, expiresAt: version.expiresAt, disclosure: pipeline.disclosure.text };
    }),
  };
}
