// A run that needs the owner's consent, driven from the test engine while the page answers: what
// the registry does for a `requireApproval` action (ask the gate, run only on `granted`), so the
// consent prompt can be tested end to end before the registry asks it by itself.
import type { Engine } from '../../main/engine.ts';
import { consentFingerprint, type ConsentVerdict } from '../../main/skills/consent/index.ts';
import type { ExecuteResult } from '../../main/skills/service.ts';
import type { SkillVersionRecord } from '../../shared/contract/index.ts';

export interface ConsentedRun {
  verdict: ConsentVerdict;
  /** The run, when the owner allowed it. */
  outcome: ExecuteResult | null;
}

/** The water tracker's log_water, as the assistant would start it, once the owner says yes. */
export async function logWaterAfterConsent(engine: Engine, version: SkillVersionRecord, amountMl: number): Promise<ConsentedRun> {
  const details = [`log_water {"amount_ml":${amountMl}}`];
  const verdict = await engine.service.consentGate.ask({
    skillSlug: version.slug,
    versionId: version.id,
    action: 'log_water',
    actor: 'assistant',
    trigger: 'api',
    summary: { en: `Log ${amountMl} ml of water in your tracker.`, pl: `Zapisz ${amountMl} ml wody w Twoim dzienniczku.` },
    details,
    fingerprint: consentFingerprint(version.id, 'log_water', details),
  });
  const outcome = verdict === 'granted' ? await engine.service.execute('assistant', version.slug, 'log_water', { amount_ml: amountMl }) : null;
  return { verdict, outcome };
}
