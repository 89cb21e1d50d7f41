// An action in plain words, for the disclosure (what the owner approves) and the consent prompt
// (what the owner allows to run now): "Action post_summary sends a POST to hooks.slack.com — no
// code runs".
import type { Localized } from '../../../shared/i18n-types.ts';
import type { ManifestAction, ShellActionSpec } from '../../../shared/skills/actions.ts';
import { httpCapabilityOf } from '../../../shared/skills/http-capability.ts';
import { PERMISSION_TEXT, isPermission } from '../rbac/permissions.ts';
import { splitUrlTemplate } from './http-template.ts';
import { findIsolation } from './shell/bubblewrap.ts';
import { fileSha256, resolveExecutable } from './shell/executable.ts';

/** The host an http action's URL names, as its capability is written (`hooks.slack.com`). */
function targetOf(url: string): string {
  const origin = splitUrlTemplate(url)?.origin;
  const parsed = origin === undefined ? null : URL.parse(origin);
  return (parsed && httpCapabilityOf(parsed)) ?? url.slice(0, 120);
}

/**
 * What the owner approves of a shell action: the whole command, the program it would pin on this
 * machine now (the approval pins it again and refuses if it cannot), the folder, and whether
 * bubblewrap applies here.
 */
function shellDetails(spec: ShellActionSpec): Localized {
  const command = spec.command.join(' ').slice(0, 300);
  const resolved = resolveExecutable(spec.command[0] ?? '');
  const hash = resolved.ok ? fileSha256(resolved.executable) : null;
  const program: Localized = resolved.ok && hash
    ? { en: `the program ${resolved.executable}, SHA-256 ${hash.slice(0, 12)}… (pinned when you approve)`, pl: `program ${resolved.executable}, SHA-256 ${hash.slice(0, 12)}… (przypinany przy zatwierdzeniu)` }
    : { en: 'a program not found on this computer, so this version cannot be approved here', pl: 'program, którego nie ma na tym komputerze, więc tej wersji nie da się tu zatwierdzić' };
  const folder: Localized = spec.cwd
    ? { en: `in ${spec.cwd} inside the folder you choose for this skill`, pl: `w ${spec.cwd} wewnątrz folderu, który wybierzesz dla tego skilla` }
    : { en: 'in the folder you choose for this skill', pl: 'w folderze, który wybierzesz dla tego skilla' };
  const isolation: Localized = findIsolation().bubblewrap
    ? { en: 'inside bubblewrap: no network, the system read-only, only that folder writable', pl: 'w bubblewrap: bez sieci, system tylko do odczytu, zapis tylko w tym folderze' }
    : { en: 'with your rights: bubblewrap is not available here, so it can read, change and send anything you can', pl: 'z Twoimi uprawnieniami: bubblewrap nie jest tu dostępny, więc może czytać, zmieniać i wysyłać wszystko, co Ty' };
  return {
    en: `the command “${command}”, without a shell; ${program.en}; ${folder.en}; ${isolation.en}; asks you before each run`,
    pl: `polecenie „${command}”, bez powłoki; ${program.pl}; ${folder.pl}; ${isolation.pl}; pyta Cię przed każdym uruchomieniem`,
  };
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
      const [program = ''] = (entry as Extract<ManifestAction, { type: 'shell' }>).shell.command;
      return { en: `runs the program ${program.slice(0, 200)} on this computer`, pl: `uruchamia program ${program.slice(0, 200)} na tym komputerze` };
    }
    default:
      return { en: 'runs the skill’s code in the sandbox', pl: 'uruchamia kod skilla w piaskownicy' };
  }
}

/** “Log water” (log_water) in each language when the action has labels; its slug otherwise. */
export function actionName(entry: Pick<ManifestAction, 'slug' | 'labels'> | undefined, slug: string): Localized {
  const labels = entry?.labels;
  return labels ? { en: `“${labels.name.en}” (${slug})`, pl: `„${labels.name.pl}” (${slug})` } : { en: slug, pl: slug };
}

/** The disclosure's line for one manifest action, with the policy that applies to every run. */
export function actionDisclosure(entry: ManifestAction): Localized {
  const effect = actionEffect(entry);
  const name = actionName(entry, entry.slug);
  const en = [`action ${name.en} ${effect.en}`];
  const pl = [`Akcja ${name.pl} ${effect.pl}`];
  if (entry.type === 'shell') {
    const details = shellDetails((entry as Extract<ManifestAction, { type: 'shell' }>).shell);
    en.push(details.en);
    pl.push(details.pl);
  } else if (entry.requireApproval === true) {
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
