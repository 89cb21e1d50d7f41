// need → generate → audit → dry run in the sandbox → disclosure → pending approval (seed stages
// 1–5). Every step's result is kept with the version, so the review window can show why a
// candidate failed; a failure at any step leaves a clear record and nothing deployed.
import { performance } from 'node:perf_hooks';
import type { Localized } from '../../shared/i18n-types.ts';
import type { Actor, PipelineStepRecord, SkillVersionRecord } from '../../shared/contract/records.ts';
import type { AuditReport } from '../../shared/skills/audit.ts';
import type { SkillCandidate } from '../../shared/skills/candidate.ts';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import type { DryRunReport } from '../../shared/skills/dry-run.ts';
import type { SkillNeed } from '../../shared/skills/need.ts';
import type { FoundryStore } from '../store/index.ts';
import { auditSkillOffThread } from './validator/audit-off-thread.ts';
import { GeneratorError, type RepairFeedback, type SkillGenerator } from './generator/index.ts';
import { buildDisclosure } from './approval/disclosure.ts';
import { dependencyWrites } from './approval/dependency-writes.ts';
import { replacePendingProposals } from './approval/replace-pending.ts';
import { createRegistryRepositories } from './registry/registry-repositories.ts';
import { asSkillRequest, type SkillRequest } from './generator/skill-request.ts';
import { pipelineText } from './pipeline-text.ts';

export const DEFAULT_MAX_ATTEMPTS = 3;
/** Seed stage 5: a version not approved within 24 hours is rejected automatically. */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export type DryRunner = (candidate: SkillCandidate, version: string) => Promise<DryRunReport>;

export interface PipelineDeps {
  store: FoundryStore;
  generator: SkillGenerator;
  dryRun: DryRunner;
  maxAttempts?: number;
  /** Called as each step ends, for progress in the window and on the command line. */
  onStep?: (step: PipelineStepRecord) => void;
}

export type PipelineResult =
  | {
    outcome: 'pending'; version: SkillVersionRecord; disclosure: Disclosure; steps: PipelineStepRecord[];
    /** Earlier proposals of the skill this one replaced (one pending proposal per skill), and what to tell the owner about them. */
    replaced: { versions: string[]; notice: Localized } | null;
  }
  | { outcome: 'failed'; version: SkillVersionRecord | null; reason: Localized; steps: PipelineStepRecord[] };

export async function runPipeline(input: SkillNeed | SkillRequest, actor: Actor, deps: PipelineDeps): Promise<PipelineResult> {
  const { store } = deps;
  const request = asSkillRequest(input);
  // Kept with the version: the detector's need, or the words a model was given without one.
  const need = request.need ?? { text: request.text, language: request.language };
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const steps: PipelineStepRecord[] = [];
  const record = (step: PipelineStepRecord['step'], attempt: number, started: number, status: 'ok' | 'failed', summary: Localized, data?: unknown) => {
    const entry: PipelineStepRecord = { step, attempt, status, durationMs: performance.now() - started, summary, ...(data === undefined ? {} : { data }) };
    steps.push(entry);
    deps.onStep?.(entry);
  };

  let feedback: RepairFeedback | undefined;
  let last: { candidate: SkillCandidate; report: AuditReport | null; dryRun: DryRunReport | null } | null = null;
  let reason: Localized = pipelineText.noAttempt;

  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    let started = performance.now();
    let candidate: SkillCandidate;
    try {
      candidate = await deps.generator.generate(request, feedback);
    } catch (error) {
      const failure = generatorFailure(error);
      record('generate', attempt, started, 'failed', failure, { error: errorData(error) });
      // A generator that cannot repair leaves the previous attempt's reason standing; a refused
      // key or an outage cannot be repaired by asking again.
      if (!(feedback && error instanceof GeneratorError && error.code === 'generator/cannot-repair')) reason = failure;
      break;
    }
    const slug = candidate.manifest.slug;
    record('generate', attempt, started, 'ok', pipelineText.generated(candidate), { generator: candidate.generator, code: candidate.code, manifest: candidate.manifest });
    store.auditLog.append({ actor, event: 'skill.generated', skillSlug: slug, data: { generator: candidate.generator, attempt } });
    last = { candidate, report: null, dryRun: null };

    started = performance.now();
    const report = await auditSkillOffThread(candidate.code, { manifest: candidate.manifest });
    last.report = report;
    const blocking = report.findings.filter((f) => f.severity === 'block').length;
    record('audit', attempt, started, blocking ? 'failed' : 'ok', pipelineText.audited(report), { verdict: report.verdict, findings: report.findings });
    store.auditLog.append({ actor: 'system', event: 'skill.audited', skillSlug: slug, data: { verdict: report.verdict, findings: report.findings.length, attempt } });
    if (blocking) {
      reason = pipelineText.auditBlocked(blocking);
      feedback = { previous: candidate, findings: report.findings, schemaErrors: [], dryRunError: null };
      continue;
    }

    const version = store.versions.nextVersion(slug);
    started = performance.now();
    const dryRun = await deps.dryRun(candidate, version);
    last.dryRun = dryRun;
    record('dry-run', attempt, started, dryRun.ok ? 'ok' : 'failed', pipelineText.dryRun(dryRun), dryRun);
    if (!dryRun.ok) {
      const detail = describeDryRunFailure(dryRun);
      reason = pipelineText.dryRunFailed(detail);
      feedback = { previous: candidate, findings: report.findings, schemaErrors: [], dryRunError: detail };
      continue;
    }

    started = performance.now();
    const previous = store.versions.active(slug);
    const disclosure = buildDisclosure({
      manifest: { ...candidate.manifest, version },
      report,
      previous: previous ? {
        version: previous.version, capabilities: previous.manifest.capabilities, secrets: previous.manifest.secrets, actions: previous.manifest.actions,
        triggers: previous.manifest.triggers, schedules: previous.manifest.schedules, updates: previous.auditReport?.capabilities.updates,
      } : null,
      dependencyWrites: dependencyWrites(store.versions, [...candidate.manifest.capabilities.skills, ...(candidate.manifest.dependencies ?? []), ...report.capabilities.skills]),
    });
    record('disclose', attempt, started, 'ok', pipelineText.disclosed(disclosure));

    started = performance.now();
    const expiresAt = new Date(store.now().getTime() + PENDING_TTL_MS).toISOString();
    record('submit', attempt, started, 'ok', pipelineText.submitted(expiresAt));
    const { stored, replaced } = store.db.transaction(() => {
      const created = store.versions.create({
        ...candidateContent(candidate), version, status: 'pending', auditReport: report, dryRun, disclosure, steps, need, expiresAt,
      });
      store.auditLog.append({
        actor, event: 'skill.pending', skillSlug: created.slug, versionId: created.id, contentSha256: created.contentSha256,
        data: { version: created.version, risk: disclosure.risk.level, expiresAt },
      });
      return { stored: created, replaced: replacePendingProposals(store, createRegistryRepositories(store), created, actor).map((v) => v.version) };
    })();
    return { outcome: 'pending', version: stored, disclosure, steps, replaced: replaced.length > 0 ? { versions: replaced, notice: pipelineText.replaced(replaced, stored.version) } : null };
  }

  const stored = last
    ? store.versions.create({
      ...candidateContent(last.candidate), version: store.versions.nextFailedVersion(last.candidate.manifest.slug), status: 'failed',
      auditReport: last.report, dryRun: last.dryRun, disclosure: null, steps, need, expiresAt: null,
    })
    : null;
  store.auditLog.append({
    actor: 'system', event: 'skill.generation-failed', skillSlug: stored?.slug ?? null, versionId: stored?.id ?? null,
    contentSha256: stored?.contentSha256 ?? null, data: { reason: reason.en, attempts: steps.filter((s) => s.step === 'generate').length },
  });
  return { outcome: 'failed', version: stored, reason, steps };
}

function describeDryRunFailure(report: DryRunReport): string {
  const failed = report.steps.find((s) => s.status === 'failed');
  if (!failed) return 'the dry run failed';
  const call = 'action' in failed.input && failed.input.action ? `${failed.input.method} ${failed.input.action}` : failed.input.method;
  return `${call}: ${failed.error ?? 'failed'}`;
}

function candidateContent(candidate: SkillCandidate) {
  return {
    code: candidate.code,
    manifest: candidate.manifest,
    configSchema: candidate.configSchema,
    skillMd: candidate.skillMd,
    sampleInputs: candidate.sampleInputs,
    generator: candidate.generator,
  };
}

function generatorFailure(error: unknown): Localized {
  if (error instanceof GeneratorError) return error.userMessage;
  return pipelineText.generatorCrashed;
}

function errorData(error: unknown): unknown {
  return error instanceof GeneratorError ? error.toJSON() : { code: 'internal' };
}
