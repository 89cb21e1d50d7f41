// The policy an action's manifest entry sets, enforced before each run (issue 12 §1): the caller
// must hold `skills:execute` and every permission the entry lists, asked through the one
// authorizer (which audits each denial); an action marked `requireApproval` runs only once the owner
// consented to this exact run. The threat is a caller — the assistant through the API, a schedule,
// another skill — running an action the owner meant to keep for themselves or to watch over. A
// refusal throws ActionRefusedError before anything ran. Consent is asked only for a request that
// passed every other check, so the owner is never asked about a run that would be refused anyway.
import type { Actor, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { canonicalJson } from '../registry/content-hash.ts';
import { ACTION_MESSAGES } from './action-messages.ts';
import type { PlannedAction } from './action-plan.ts';
import { ActionRefusedError } from './action-refusal.ts';
import { actionEffect } from './action-text.ts';
import { fillHttpTemplate, TemplateRefusal } from './http-template.ts';
import { consentFingerprint, type ConsentGate, type ConsentRequest } from '../consent/index.ts';

export interface ActionRun {
  version: SkillVersionRecord;
  params: Record<string, unknown>;
  actor: Actor;
  trigger: string;
  /** What exactly will run, shown to the owner verbatim (a URL, the params); never a secret value. */
  details: string[];
}

export interface ActionGateDeps {
  /** Null when `actor` holds `permission` for this skill; otherwise why not (the denial is audited there). */
  authorize(actor: Actor, permission: string, skillSlug: string): Localized | null;
  /** The owner's per-run consent; absent where nobody can be asked, and then such actions are refused. */
  consent?: ConsentGate | undefined;
}

/** Details longer than this are cut: the prompt shows them whole, and a caller chooses the params. */
const MAX_DETAIL_CHARS = 2_000;

/**
 * What the owner is shown of one run: an http action's request line (and body) with the params
 * filled and secrets still as placeholders, otherwise the params.
 */
export function actionDetails(planned: PlannedAction, params: Record<string, unknown>): string[] {
  if (planned.declared?.type === 'http') {
    try {
      const request = fillHttpTemplate(planned.declared.http, params);
      return [`${request.method.toUpperCase()} ${request.url}`, ...(request.body === null ? [] : [request.body])];
    } catch (error) {
      if (!(error instanceof TemplateRefusal)) throw error;
    }
  }
  return [`params: ${canonicalJson(params)}`];
}

export function consentRequest(planned: PlannedAction, run: ActionRun): ConsentRequest {
  const { version } = run;
  const slug = planned.action.slug;
  const effect = actionEffect(planned.declared ?? { slug });
  const details = run.details.map((detail) => detail.slice(0, MAX_DETAIL_CHARS));
  return {
    skillSlug: version.slug,
    versionId: version.id,
    action: slug,
    actor: run.actor,
    trigger: run.trigger,
    summary: {
      en: `Run the action ${slug} of “${version.name}” ${version.version}: it ${effect.en}.`,
      pl: `Uruchomić akcję ${slug} skilla „${version.name}” ${version.version}: ${effect.pl}.`,
    },
    details,
    fingerprint: consentFingerprint(version.id, slug, details),
  };
}

export async function admitAction(planned: PlannedAction, run: ActionRun, deps: ActionGateDeps): Promise<void> {
  for (const permission of new Set(['skills:execute', ...planned.permissions])) {
    const denied = deps.authorize(run.actor, permission, run.version.slug);
    if (denied) throw new ActionRefusedError('permission-denied', denied);
  }
  // A shell action asks before every run anyway, once its exact command is known (the dispatch).
  if (!planned.requireApproval || planned.type === 'shell') return;
  await askOwner(planned, run, deps.consent);
}

/** Returns only on the owner's yes (or a standing consent to exactly these details); otherwise throws why not. */
export async function askOwner(planned: PlannedAction, run: ActionRun, consent: ConsentGate | undefined): Promise<void> {
  const slug = planned.action.slug;
  // Without a gate nobody can be asked: the same as a gate that cannot reach the owner.
  const verdict = consent ? await consent.ask(consentRequest(planned, run)) : 'unavailable';
  if (verdict === 'granted') return;
  if (verdict === 'denied') throw new ActionRefusedError('consent-denied', ACTION_MESSAGES.consentDenied(slug));
  if (verdict === 'timed-out') throw new ActionRefusedError('consent-timed-out', ACTION_MESSAGES.consentTimedOut(slug));
  throw new ActionRefusedError('consent-unavailable', ACTION_MESSAGES.consentUnavailable(slug));
}
