// An action in plain words, for the disclosure (what the owner approves) and the consent prompt
// (what the owner allows to run now): "Action post_summary sends a POST to hooks.slack.com — no
// code runs".
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { PERMISSION_TEXT, isPermission } from '../rbac/permissions.ts';
import { splitUrlTemplate } from './http-template.ts';

/** The host an http action's URL names, as its capability is written (`hooks.slack.com`). */
function targetOf(url: string): string {
  const origin = splitUrlTemplate(url)?.origin;
  const parsed = origin === undefined ? null : URL.parse(origin);
  return (parsed && httpCapabilityOf(parsed)) ?? url.slice(0, 120);
}

/** What running the action does, completing "Action x …". */
export function actionEffect(entry: ManifestAction): Localized {
  switch (entry.type ?? 'code') {
    case 'http': {
      const { method, url } = (entry as Extract<ManifestAction, { type: 'http' }>).http;
      const verb = method.toUpperCase();
      return { en: `sends a ${verb} to ${targetOf(url)} — no code runs`, pl: `wysyła żądanie ${verb} do ${targetOf(url)} — bez uruchamiania kodu` };
    }
    case 'function': {
      const { skill, action } = (entry as Extract<ManifestAction, { type: 'function' }>).function;
      return { en: `runs the action ${action} of the skill ${skill} — no code of its own runs`, pl: `uruchamia akcję ${action} skilla ${skill} — bez uruchamiania własnego kodu` };
    }
    case 'shell': {
      const [command = ''] = (entry as Extract<ManifestAction, { type: 'shell' }>).shell.command;
      return { en: `runs the command ${command} on this computer`, pl: `uruchamia polecenie ${command} na tym komputerze` };
    }
    default:
      return { en: 'runs the skill’s code in the sandbox', pl: 'uruchamia kod skilla w piaskownicy' };
  }
}

/** The disclosure's line for one manifest action, with the policy that applies to every run. */
export function actionDisclosure(entry: ManifestAction): Localized {
  const effect = actionEffect(entry);
  const en = [`action ${entry.slug} ${effect.en}`];
  const pl = [`Akcja ${entry.slug} ${effect.pl}`];
  if (entry.requireApproval === true) {
    en.push('asks you before each run');
    pl.push('pyta Cię przed każdym uruchomieniem');
  }
  const permissions = (entry.permissions ?? []).filter((permission) => permission !== 'skills:execute');
  if (permissions.length > 0) {
    en.push(`only for callers allowed to ${permissions.map((p) => (isPermission(p) ? PERMISSION_TEXT[p].en : p)).join(' and ')}`);
    pl.push(`tylko dla wywołujących z uprawnieniem ${permissions.join(' i ')}`);
  }
  if (entry.timeoutMs !== undefined) {
    en.push(`at most ${entry.timeoutMs} ms per run`);
    pl.push(`najwyżej ${entry.timeoutMs} ms na uruchomienie`);
  }
  return { en: en.join('; '), pl: pl.join('; ') };
}
