// An in-memory ApiBackend that behaves like the engine would: real request parsing, skills with
// versions, built-in mods, conflicts and refusals like the service's, and a log of every call. Approvals happen only in `seed`
// (standing in for the owner at the desktop app): nothing reachable through ApiBackend approves.
import { randomUUID } from 'node:crypto';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../../main/skills/detector/request-parser.ts';
import type { PrincipalKind } from '../../../main/skills/rbac/roles.ts';
import type { ListingView } from '../../../shared/contract/market-records.ts';
import {
  ApiBackendError,
  type ApiBackend,
  type ExecutionResult,
  type GeneratedSkill,
  type GenerateInput,
  type JsonObject,
  type OwnerRequest,
  type SkillDetails,
  type SkillPatch,
} from '../../../main/api/backend.ts';

export interface BackendCall {
  method: keyof ApiBackend;
  principal: PrincipalKind;
  args: unknown[];
}

interface FakeSkill {
  details: SkillDetails;
  actions: string[];
  /** The status to go back to when restored from the archive. */
  statusBeforeArchive: SkillDetails['status'] | null;
}

const AT = '2026-03-02T10:00:00.000Z';
const BUILT_IN_MODS = ['sleep-tracker', 'energy-monitor'];

const notFound = (ref: string) =>
  new ApiBackendError(404, 'skill-not-found', { en: `There is no skill “${ref}”.`, pl: `Nie ma skilla „${ref}”.` });
const conflict = (code: string, message: Localized) => new ApiBackendError(409, code, message);

function newSkill(slug: string, name: string, versions: [string, 'approved' | 'pending'][], actions: string[]): FakeSkill {
  const approved = versions.filter(([, s]) => s === 'approved').map(([v]) => v);
  const activeVersion = approved.at(-1) ?? null;
  return {
    details: {
      id: randomUUID(),
      slug,
      name,
      description: `${name}.`,
      status: activeVersion ? 'active' : 'pending',
      activeVersion,
      usageCount: 0,
      lastUsedAt: null,
      createdAt: AT,
      approvalSeal: activeVersion ? 'verified' : null,
      versions: versions.map(([version, status]) => ({ version, tag: `${slug}@v${version}`, status, createdAt: AT })),
    },
    actions,
    statusBeforeArchive: null,
  };
}

/** The one listing of the fake's marketplace. */
const TEA_LISTING: ListingView = {
  id: 'custom-tea-log@1.0.0', slug: 'custom-tea-log', name: 'Tea log', description: 'Counts the cups of tea you drink.', category: 'health', author: 'Demo Publisher', version: '1.0.0',
  permissions: [{ kind: 'write', target: 'exo_tea_entries', text: { en: 'save your tea entries', pl: 'zapisywać wpisy o herbacie' } }],
  risk: { level: 'low', reasons: [] },
  auditInfo: { verdict: 'pass', warnings: 0, notes: 0, summary: { en: 'No findings.', pl: 'Brak uwag.' } },
  remoteUrl: null, bundle: 'custom-tea-log-1.0.0.skill', sha256: 'a'.repeat(64),
  publisher: { name: 'Demo Publisher', publicKey: 'RWQ…', keyId: '0123456789ABCDEF', fingerprint: '0123 4567 89AB CDEF' },
  publishedAt: AT, registry: 'file:///registry/', installedVersion: null, revoked: false,
  trust: { score: 60, signals: [{ id: 'signature', verdict: 'neutral', points: 0, text: { en: 'Not verified yet.', pl: 'Jeszcze niezweryfikowany.' } }] },
};

export function createFakeBackend() {
  const calls: BackendCall[] = [];
  const reviewRequests: OwnerRequest[] = [];
  const rollbackRequests: OwnerRequest[] = [];
  /** What the owner was told (the desktop app's notifications). */
  const ownerNotifications: string[] = [];
  const skills: FakeSkill[] = [
    newSkill('custom-water-tracker', 'Water Tracker', [['1.0.0', 'approved'], ['1.1.0', 'approved']], ['log_water']),
    newSkill('custom-sleep-journal', 'Sleep Journal', [['1.0.0', 'pending']], ['add_entry']),
  ];
  let failNext: Error | null = null;

  const find = (ref: string) => {
    const skill = skills.find((s) => s.details.id === ref || s.details.slug === ref);
    if (!skill) throw notFound(ref);
    return skill;
  };
  const pendingVersion = (skill: FakeSkill) => skill.details.versions.find((v) => v.status === 'pending')?.version ?? null;
  const copy = (skill: FakeSkill): SkillDetails => structuredClone(skill.details);

  function needOf(input: GenerateInput): SkillNeed {
    if ('need' in input) return input.need;
    const parsed = parseSkillRequest(input.text);
    if (!parsed.isRequest) throw new ApiBackendError(400, 'not-a-request', parsed.reason);
    return parsed.need;
  }

  let events = 0;
  const backend: ApiBackend = {
    async listSkills(_principal, offset, limit) {
      const listed = skills.filter((s) => s.details.status !== 'archived').map((s) => s.details.status === 'active'
        ? { slug: s.details.slug, name: s.details.name, description: s.details.description, status: 'active' as const, builtin: false, version: s.details.activeVersion, runnable: true as const,
          actions: s.actions.map((slug) => ({ slug, name: slug, description: slug, params_schema: { type: 'object' } })) }
        : { slug: s.details.slug, name: s.details.name, status: s.details.status, runnable: false as const });
      return { skills: listed.slice(offset, offset + limit), total: listed.length, offset, limit };
    },

    async generate(principal, input): Promise<GeneratedSkill> {
      const need = needOf(input);
      const slug = `custom-${need.subjectKey}-${need.kind}`;
      let skill = skills.find((s) => s.details.slug === slug);
      let version = '1.0.0';
      if (!skill) {
        skill = newSkill(slug, `${need.subjectKey} ${need.kind}`, [], []);
        skills.push(skill);
      } else {
        if (pendingVersion(skill)) throw conflict('review-pending', { en: 'A version of this skill already waits for review.', pl: 'Wersja tego skilla już czeka na przegląd.' });
        const [major = 1, minor = 0] = (skill.details.versions.at(-1)?.version ?? '1.0.0').split('.').map(Number);
        version = `${major}.${minor + 1}.0`;
      }
      skill.details.versions.push({ version, tag: `${slug}@v${version}`, status: 'pending', createdAt: AT });
      return {
        skill: copy(skill),
        version,
        expiresAt: '2026-03-03T10:00:00.000Z',
        disclosure: { en: `New skill '${skill.details.name}' wants to: read its own entries.`, pl: `Nowy skill '${skill.details.name}' chce: odczytywać własne wpisy.` },
      };
    },

    async getSkill(_principal, ref) {
      return copy(find(ref));
    },

    async updateSkill(principal, ref, patch: SkillPatch) {
      const skill = find(ref);
      // Like the service: making an archived skill runnable again is the owner's decision.
      if (patch.archived === false && skill.details.status === 'archived' && principal !== 'owner') {
        throw new ApiBackendError(403, 'forbidden', { en: 'Only the owner can restore an archived skill.', pl: 'Tylko właściciel może przywrócić zarchiwizowany skill.' });
      }
      if (patch.description !== undefined) skill.details.description = patch.description;
      if (patch.archived === true && skill.details.status !== 'archived') {
        skill.statusBeforeArchive = skill.details.status;
        skill.details.status = 'archived';
      }
      if (patch.archived === false && skill.details.status === 'archived') {
        skill.details.status = skill.statusBeforeArchive ?? 'pending';
        skill.statusBeforeArchive = null;
      }
      return copy(skill);
    },

    async archive(principal, ref) {
      const skill = find(ref);
      if (skill.details.status === 'archived') throw conflict('already-archived', { en: 'The skill is already archived.', pl: 'Skill jest już zarchiwizowany.' });
      skill.statusBeforeArchive = skill.details.status;
      skill.details.status = 'archived';
      return copy(skill);
    },

    async requestReview(principal, ref, note) {
      const skill = find(ref);
      const version = pendingVersion(skill);
      if (!version) throw conflict('nothing-to-review', { en: 'No version of this skill waits for review.', pl: 'Żadna wersja tego skilla nie czeka na przegląd.' });
      const request = { skillId: skill.details.id, version, requestedAt: AT };
      reviewRequests.push(request);
      ownerNotifications.push(`review ${skill.details.slug}@${version}${note ? `: ${note}` : ''}`);
      return request;
    },

    async requestRollback(principal, ref, version, note) {
      const skill = find(ref);
      const known = skill.details.versions.find((v) => v.version === version);
      if (!known) throw new ApiBackendError(404, 'version-not-found', { en: `There is no version ${version}.`, pl: `Nie ma wersji ${version}.` });
      if (known.status !== 'approved') throw conflict('version-not-approved', { en: 'Only an approved version can be rolled back to.', pl: 'Można wrócić tylko do zatwierdzonej wersji.' });
      if (skill.details.activeVersion === version) throw conflict('already-active', { en: 'That version already runs.', pl: 'Ta wersja już działa.' });
      const request = { skillId: skill.details.id, version, requestedAt: AT };
      rollbackRequests.push(request);
      ownerNotifications.push(`rollback ${skill.details.slug}@${version}${note ? `: ${note}` : ''}`);
      return request;
    },

    async isApproved(_principal, slug) {
      if (BUILT_IN_MODS.includes(slug)) return true;
      const { details } = find(slug);
      return details.status === 'active' && details.activeVersion !== null;
    },

    async execute(_principal, slug, action, params: JsonObject): Promise<ExecutionResult> {
      if (failNext) {
        const error = failNext;
        failNext = null;
        throw error;
      }
      if (BUILT_IN_MODS.includes(slug)) return { slug, action, result: { hours: 7.5 } };
      const skill = find(slug);
      if (skill.details.status !== 'active' || !skill.details.activeVersion) {
        throw conflict('skill-not-active', { en: 'Only an approved, active skill runs.', pl: 'Uruchamiać można tylko zatwierdzony, aktywny skill.' });
      }
      if (!skill.actions.includes(action)) throw new ApiBackendError(400, 'params-refused', { en: `The skill has no action “${action}”.`, pl: `Skill nie ma akcji „${action}”.` });
      if (params.amount_ml === 0) {
        throw new ApiBackendError(502, 'execution-failed', { en: 'The skill failed while running; nothing it did was kept.', pl: 'Skill zawiódł w trakcie działania; nic z tego, co zrobił, nie zostało zapisane.' });
      }
      skill.details.usageCount += 1;
      return { slug, action, result: { success: true, data: params } };
    },

    async listNotifications() {
      return { items: [], unread: 0 };
    },

    async listConsents() {
      return [];
    },

    async listSchedules() {
      return [];
    },

    async today() {
      return { cards: [], upcoming: [], notifications: [], unreadNotifications: 0 };
    },

    async proposeSchedule(_principal, slug) {
      find(slug);
      throw conflict('not-runnable', { en: 'The skill has no approved version that may run now.', pl: 'Skill nie ma zatwierdzonej wersji, która może teraz działać.' });
    },

    async getSettings(_principal, ref) {
      return { slug: find(ref).details.slug, version: null, fields: [], values: {}, effective: {}, secrets: [], allowances: [], problems: [] };
    },

    async getDependencies(_principal, ref) {
      return { slug: find(ref).details.slug, provides: [], dependencies: [], indirect: [], dependents: [], disabled: null };
    },

    async revokeAllowance(_principal, ref, address, port) {
      throw new ApiBackendError(404, 'allowance-not-found', { en: `${find(ref).details.slug} has no allowance for ${address}:${port}.`, pl: `${find(ref).details.slug} nie ma zezwolenia na ${address}:${port}.` });
    },

    async searchMarket(_principal, query, category) {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      const text = `${TEA_LISTING.slug} ${TEA_LISTING.name} ${TEA_LISTING.description}`.toLowerCase();
      const matches = words.every((w) => text.includes(w)) && (category === undefined || category === TEA_LISTING.category);
      return { listings: matches ? [structuredClone(TEA_LISTING)] : [], categories: [TEA_LISTING.category], registries: [{ url: TEA_LISTING.registry, ok: true, stale: false, fetchedAt: AT, listings: 1, error: null }] };
    },

    async showMarketListing(_principal, id) {
      if (id !== TEA_LISTING.slug && id !== TEA_LISTING.id) throw new ApiBackendError(404, 'listing/not-found', { en: `No registry lists "${id}".`, pl: `Żaden rejestr nie ma wpisu „${id}”.` });
      return { ...structuredClone(TEA_LISTING), localAudit: { verdict: 'pass', warnings: [] }, problem: null };
    },

    async requestMarketInstall(principal, id) {
      const listing = await backend.showMarketListing(principal, id);
      if (skills.some((s) => s.details.slug === listing.slug)) throw conflict('review-pending', { en: 'A version of this skill already waits for review.', pl: 'Wersja tego skilla już czeka na przegląd.' });
      const skill = newSkill(listing.slug, listing.name, [[listing.version, 'pending']], []);
      skills.push(skill);
      ownerNotifications.push(`market ${listing.id} requested by ${principal}`);
      return {
        status: 'waiting-for-owner-approval', listing: { ...TEA_LISTING, installedVersion: listing.version }, skill: copy(skill), version: listing.version,
        expiresAt: '2026-03-03T10:00:00.000Z', disclosure: { en: `New skill '${listing.name}' wants to: save your tea entries.`, pl: `Nowy skill '${listing.name}' chce: zapisywać wpisy o herbacie.` },
      };
    },

    async reportEvent(_principal, route) {
      events += 1;
      const kind = route === 'session' ? 'session-start' : route;
      return { event: { id: events, kind, receivedAt: AT }, firing: [], dropped: [] };
    },
  };

  // Every call is recorded with its principal and arguments.
  const recorded = Object.fromEntries(
    Object.entries(backend).map(([method, fn]) => [
      method,
      (principal: PrincipalKind, ...args: unknown[]) => {
        calls.push({ method: method as keyof ApiBackend, principal, args });
        return (fn as (...a: unknown[]) => unknown)(principal, ...args);
      },
    ]),
  ) as unknown as ApiBackend;

  return {
    backend: recorded,
    calls,
    reviewRequests,
    rollbackRequests,
    ownerNotifications,
    skill: (slug: string) => copy(find(slug)),
    /** The next execute() throws this, as an engine bug would. */
    failNextExecution(error: Error) {
      failNext = error;
    },
  };
}
export type FakeBackend = ReturnType<typeof createFakeBackend>;
