// What each pipeline step says about itself, in both languages.
import type { Localized } from '../../shared/i18n-types.ts';
import type { AuditReport } from '../../shared/skills/audit.ts';
import type { SkillCandidate } from '../../shared/skills/candidate.ts';
import type { Disclosure } from '../../shared/skills/disclosure.ts';
import type { DryRunReport } from '../../shared/skills/dry-run.ts';
import { RISK_LABEL } from './approval/disclosure.ts';

export const pipelineText = {
  noAttempt: { en: 'No candidate was generated.', pl: 'Nie wygenerowano żadnego kandydata.' } satisfies Localized,
  generatorCrashed: {
    en: 'The generator failed unexpectedly; nothing was stored.',
    pl: 'Generator nieoczekiwanie zawiódł; nic nie zostało zapisane.',
  } satisfies Localized,
  generated: (c: SkillCandidate): Localized => ({
    en: `Generated “${c.manifest.name}” (${c.manifest.slug}) with ${c.generator}, attempt ${c.attempt}.`,
    pl: `Wygenerowano „${c.manifest.name}” (${c.manifest.slug}) generatorem ${c.generator}, próba ${c.attempt}.`,
  }),
  audited: (r: AuditReport): Localized => {
    const blocks = r.findings.filter((f) => f.severity === 'block').length;
    const warns = r.findings.length - blocks;
    if (blocks) return { en: `Audit blocked the code: ${blocks} blocking finding(s), ${warns} warning(s).`, pl: `Audyt zablokował kod: blokujące: ${blocks}, ostrzeżenia: ${warns}.` };
    return warns
      ? { en: `Audit passed with ${warns} warning(s).`, pl: `Audyt zaliczony, ostrzeżenia: ${warns}.` }
      : { en: 'Audit passed with no findings.', pl: 'Audyt zaliczony bez uwag.' };
  },
  auditBlocked: (count: number): Localized => ({
    en: `The security audit blocked every attempt (last: ${count} blocking finding(s)).`,
    pl: `Audyt bezpieczeństwa zablokował każdą próbę (ostatnio blokujące: ${count}).`,
  }),
  dryRun: (d: DryRunReport): Localized => {
    const ok = d.steps.filter((s) => s.status === 'succeeded').length;
    return d.ok
      ? { en: `Dry run in the sandbox: all ${ok} sample call(s) succeeded.`, pl: `Próbne uruchomienie w piaskownicy: wszystkie wywołania (${ok}) udane.` }
      : { en: `Dry run in the sandbox failed: ${ok} of ${d.steps.length} sample call(s) succeeded.`, pl: `Próbne uruchomienie w piaskownicy nie powiodło się: udane ${ok} z ${d.steps.length}.` };
  },
  dryRunFailed: (detail: string): Localized => ({
    en: `The dry run in the sandbox failed on every attempt (last: ${detail}).`,
    pl: `Próbne uruchomienie w piaskownicy nie powiodło się w żadnej próbie (ostatnio: ${detail}).`,
  }),
  disclosed: (d: Disclosure): Localized => ({
    en: `Disclosure prepared: ${d.items.length} capability item(s), risk ${RISK_LABEL[d.risk.level].en}.`,
    pl: `Przygotowano ujawnienie: uprawnienia: ${d.items.length}, ryzyko ${RISK_LABEL[d.risk.level].pl}.`,
  }),
  submitted: (expiresAt: string): Localized => ({
    en: `Waiting for your approval until ${expiresAt} (rejected automatically after that).`,
    pl: `Czeka na Twoje zatwierdzenie do ${expiresAt} (potem zostanie automatycznie odrzucony).`,
  }),
  replaced: (versions: string[], by: string): Localized => (versions.length === 1
    ? { en: `Replaced the pending proposal ${versions[0]} with a new one (${by}).`, pl: `Zastąpiono oczekującą propozycję ${versions[0]} nową (${by}).` }
    : { en: `Replaced the pending proposals ${versions.join(', ')} with a new one (${by}).`, pl: `Zastąpiono oczekujące propozycje ${versions.join(', ')} nową (${by}).` }),
};
