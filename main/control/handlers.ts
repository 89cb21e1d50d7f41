import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/contract/methods.ts';
import type { FoundryStore } from '../store/index.ts';
import type { SkillEngine } from '../skills/index.ts';
import { requestFor, type GeneratorConfig, type SkillGenerator, type SkillRequest } from '../skills/generator/index.ts';
import { createSuggestionService } from '../skills/detector/suggestions.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import { APP_VERSION } from '../app-version.ts';
import { createGenerationJobs } from './jobs.ts';
import { ControlError, notFound } from './control-error.ts';
import type { SkillService } from '../skills/service.ts';
import type { ApprovalSetup } from '../skills/approval/approval-setup.ts';
import type { SecretBox } from '../skills/approval/secret-box.ts';
import { createApiTokenService } from '../skills/approval/api-token.ts';
import type { Localized } from '../../shared/i18n-types.ts';
import type { SkillsConfig } from '../skills/config/index.ts';

export type Handlers = { [M in ApiMethod]: (request: ApiRequest<M>) => ApiResponse<M> | Promise<ApiResponse<M>> };

export interface HandlerDeps {
  store: FoundryStore;
  skills: SkillEngine;
  generator: GeneratorConfig;
  service: SkillService;
  approval: ApprovalSetup;
  config: SkillsConfig;
  secretBox: SecretBox | null;
}

const NO_SECRET_STORAGE: Localized = {
  en: 'This computer offers no protected storage for secrets (on Linux: no keyring), so the authenticator and the API token cannot be set up here.',
  pl: 'Ten komputer nie oferuje chronionego miejsca na sekrety (w Linuksie: brak pęku kluczy), więc nie da się tu skonfigurować aplikacji uwierzytelniającej ani tokenu API.',
};

/** A factor's refusal (wrong code, expired offer…) as the envelope error the window shows. */
function refused(attempt: { ok: false; message: Localized; reason: string }): never {
  throw new ControlError('conflict', attempt.message);
}

/** The control center's methods over the engine, all as the owner; every caller goes through the dispatcher. */
export function createHandlers({ store, skills, generator, service, approval, config, secretBox }: HandlerDeps): Handlers {
  const suggestions = createSuggestionService(store);
  const jobs = createGenerationJobs();
  const startGeneration = (need: SkillNeed | SkillRequest, chosen?: SkillGenerator) =>
    jobs.start(async (onStep) => skills.generate(need, 'owner', { generator: chosen ?? (await generator.generator()), onStep }));
  const needSecrets = <T>(value: T | null): T => value ?? (() => { throw new ControlError('conflict', NO_SECRET_STORAGE); })();
  const tokens = secretBox ? createApiTokenService({ repo: store.approvalSecurity, box: secretBox, audit: store.auditLog }) : null;
  const approvalStatus = async () => ({
    secretStorage: approval.totp !== null,
    totp: approval.totp?.status() ?? null,
    biometric: await approval.selector.describeActiveProvider(),
    fallbackSetUp: approval.fallback.isSetUp(),
  });
  const version = (versionId: string) => store.versions.get(versionId) ?? (() => { throw notFound({ en: 'That skill version', pl: 'Ta wersja skilla' }); })();

  return {
    'app.info': () => ({
      version: APP_VERSION,
      dataDir: store.dataDir,
      databaseFile: store.file,
      schemaVersion: store.schemaVersion(),
      counts: store.skills.counts(),
      sandbox: skills.sandbox.runtimeStatus,
    }),
    'reviews.list': () => store.skills.pendingReviews(),
    'skills.list': () => store.skills.list(),
    'activity.executions': (request) => store.executions.page(request),
    'activity.audit': (request) => store.auditLog.page(request),
    'activity.verifyChain': () => store.auditLog.verify(),
    'settings.get': () => store.settings.get(),
    'settings.update': (request) => {
      const settings = store.settings.update(request);
      store.auditLog.append({ actor: 'owner', event: 'settings.updated', data: { keys: Object.keys(request) } });
      return settings;
    },
    'versions.get': ({ versionId }) => version(versionId),
    'versions.list': ({ slug }) => store.versions.listForSkill(slug),
    'skills.generate': async ({ text }) => {
      // A model reads the words itself; the built-in generator needs the detector to understand them.
      const chosen = await generator.generator();
      const asked = requestFor(text, chosen);
      if ('refused' in asked) return { accepted: false, reason: asked.refused, ...(asked.clarify ? { clarify: true as const } : {}) };
      return { accepted: true, jobId: startGeneration(asked.request, chosen) };
    },
    'jobs.get': ({ jobId }) => jobs.get(jobId) ?? (() => { throw notFound({ en: 'That generation run', pl: 'To uruchomienie generatora' }); })(),
    'suggestions.list': (request) => suggestions.listSuggestions(request),
    'suggestions.accept': ({ id }) => ({ jobId: startGeneration(suggestions.acceptSuggestion(id)) }),
    'suggestions.dismiss': ({ id }) => suggestions.dismissSuggestion(id),
    'generator.status': () => generator.status(),
    'generator.setApiKey': async ({ apiKey }) => {
      await generator.setApiKey(apiKey);
      return generator.status();
    },
    'generator.clearApiKey': () => {
      generator.clearApiKey();
      return generator.status();
    },
    'generator.setModel': async ({ model }) => {
      await generator.setModel(model);
      return generator.status();
    },
    'generator.use': ({ generator: kind }) => {
      generator.use(kind);
      return generator.status();
    },
    'generator.setOpenAI': (request) => {
      generator.setOpenAI(request);
      return generator.status();
    },
    'generator.setOpenAIKey': async ({ apiKey }) => {
      await generator.setOpenAIKey(apiKey);
      return generator.status();
    },
    'generator.clearOpenAIKey': () => {
      generator.clearOpenAIKey();
      return generator.status();
    },
    'generator.models': ({ generator: kind, refresh }) => generator.models(kind, refresh === undefined ? {} : { refresh }),
    'skills.get': ({ slug }) => service.getSkill('owner', slug),
    'skills.run': async ({ slug, action, params }) => {
      const outcome = await service.execute('owner', slug, action, params);
      return { outcome, record: outcome.record };
    },
    'skills.archive': ({ slug }) => service.archive('owner', slug),
    'skills.restore': ({ slug }) => service.restore('owner', slug),
    'skills.dependencies': ({ slug }) => service.dependencies('owner', slug),
    'versions.diff': ({ versionId, againstVersionId }) => service.diffVersion('owner', versionId, againstVersionId),
    'versions.rollback': ({ slug, version: number, passphrase }) => approval.withPassphrase(passphrase, () => service.rollback('owner', slug, number)),
    'approval.status': approvalStatus,
    'approval.approve': ({ passphrase, ...input }) => approval.withPassphrase(passphrase, () => service.approve('owner', input)),
    'approval.reject': (input) => service.reject('owner', input),
    'reviewRequests.list': ({ status }) => service.reviewRequests(status),
    'reviewRequests.dismiss': ({ id }) => service.dismissReviewRequest('owner', id),
    'totp.startEnrollment': async ({ account, currentCode }) => {
      const started = await needSecrets(approval.totp).startEnrollment(account, currentCode ? { currentCode } : {});
      return started.ok ? started.offer : refused(started);
    },
    'totp.confirmEnrollment': async ({ code }) => {
      const totp = needSecrets(approval.totp);
      const confirmed = await totp.confirmEnrollment(code);
      return confirmed.ok ? totp.status() : refused(confirmed);
    },
    'fallback.setUp': async ({ passphrase }) => {
      await approval.fallback.setUp(passphrase);
      return approvalStatus();
    },
    'apiToken.status': () => needSecrets(tokens).status(),
    'apiToken.reveal': async () => {
      const token = await needSecrets(tokens).reveal('owner');
      if (token === null) throw new ControlError('not-found', { en: 'There is no API token yet: create one first.', pl: 'Nie ma jeszcze tokenu API: najpierw go utwórz.' });
      return { token };
    },
    'apiToken.rotate': async () => ({ token: await needSecrets(tokens).rotate('owner') }),
    'config.get': () => config.view(),
    'config.set': ({ key, value }) => config.set(key, value, 'owner'),
    'notifications.list': ({ unreadOnly }) => service.listNotifications('owner', { unreadOnly }),
    'notifications.markRead': ({ ids }) => service.markNotificationsRead('owner', ids),
    'notifications.markAllRead': () => service.markNotificationsRead('owner', 'all'),
    'skillSettings.get': ({ slug }) => service.getSettings('owner', slug),
    'skillSettings.set': ({ slug, values, unset }) => service.setSettings('owner', slug, { values, unset }),
    'skillSettings.setSecret': ({ slug, name, value }) => service.setSecret('owner', slug, name, value),
    'skillSettings.clearSecret': ({ slug, name }) => service.clearSecret('owner', slug, name),
    'skillSettings.addAllowance': ({ slug, passphrase, ...input }) => approval.withPassphrase(passphrase, () => service.addAllowance('owner', slug, input)),
    'skillSettings.revokeAllowance': ({ slug, address, port }) => service.revokeAllowance('owner', slug, address, port),
    'consents.list': () => service.pendingConsents('owner'),
    'consents.decide': (input) => service.decideConsent('owner', input),
    'consents.standing': () => service.standingConsents('owner'),
    'consents.revokeStanding': ({ id }) => service.revokeStandingConsent('owner', id),
    'shell.get': ({ slug }) => service.shellView('owner', slug),
    'shell.confirmSwitch': ({ totpCode, passphrase }) => approval.withPassphrase(passphrase, () => service.confirmShellSwitch('owner', totpCode)),
    'shell.revokeSwitch': () => service.revokeShellSwitch('owner'),
    'shell.setFolder': ({ slug, folder, totpCode, passphrase }) => approval.withPassphrase(passphrase, () => service.setShellFolder('owner', slug, { folder, totpCode })),
    'shell.clearFolder': ({ slug }) => service.clearShellFolder('owner', slug),
    'schedules.list': () => service.listSchedules('owner'),
    'schedules.pause': ({ id }) => service.pauseSchedule('owner', id),
    'schedules.resume': ({ id }) => service.resumeSchedule('owner', id),
    'schedules.runNow': ({ id }) => service.runScheduleNow('owner', id),
    'schedules.remove': ({ id }) => service.removeSchedule('owner', id),
    'schedules.confirm': ({ id }) => service.confirmScheduleProposal('owner', id),
    'schedules.decline': ({ id }) => service.declineScheduleProposal('owner', id),
    'schedules.edit': ({ id, spec }) => service.editSchedule('owner', id, spec),
    'today.get': () => service.today('owner'),
    'market.search': ({ query, category }) => service.searchMarket('owner', query, category === undefined ? {} : { category }),
    'market.show': ({ id }) => service.showMarketListing('owner', id),
    'market.install': async ({ id }) => {
      const { pipeline: _pipeline, ...result } = await service.installFromMarket('owner', id);
      return result;
    },
  };
}
