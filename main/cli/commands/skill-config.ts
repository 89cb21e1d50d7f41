// `foundry skills config SLUG`: a skill's settings headless, as the owner. Thin: parse, call the
// service, print. Adding a local-address allowance needs both approval factors, so it is done in
// the window; here allowances can only be listed and revoked.
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { EXIT, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { formatAllowance, parseAllowanceText } from '../../skills/settings/index.ts';
import type { JsonValue, SkillSettingsView } from '../../../shared/contract/skill-settings-records.ts';
import type { ShellView } from '../../../shared/contract/shell-records.ts';
import { refuse } from './token.ts';

export const SKILL_CONFIG_USAGE = [
  'foundry skills config SLUG [--set KEY=VALUE]... [--unset KEY]... [--secret NAME] [--clear-secret NAME] [--revoke-address IP:PORT] [--json]',
  '  --set KEY=VALUE    VALUE is read as JSON when it parses (42, true, ["a"]), else as text',
  '  --secret NAME      reads the secret from standard input (echo -n … | foundry skills config SLUG --secret NAME),',
  '                     never from the command line: any process on this computer can read another’s arguments (ps, /proc)',
  '  --revoke-address   takes back a local address the skill may reach; adding one needs both factors, in the app',
  '  --clear-shell-folder  takes back the folder the skill\u2019s shell commands work in (they stop running); choosing one needs both factors, in the app',
  'One kind of change per run (values, a secret, a cleared secret or a revoked address), so a refused one leaves nothing half done.',
].join('\n');

/** `KEY=VALUE`, VALUE as JSON when it is JSON, else the text itself (so `--set city=Kraków` needs no quotes). */
function parseAssignment(assignment: string): [string, JsonValue] | null {
  const at = assignment.indexOf('=');
  if (at < 1) return null;
  const raw = assignment.slice(at + 1);
  try {
    return [assignment.slice(0, at), JSON.parse(raw) as JsonValue];
  } catch {
    return [assignment.slice(0, at), raw];
  }
}

/** One trailing line break is what `echo` adds, not part of the secret. */
const withoutFinalNewline = (value: string) => value.replace(/\r?\n$/, '');

function viewLines(view: SkillSettingsView): string[] {
  const width = Math.max(8, ...view.fields.map((f) => f.key.length), ...view.secrets.map((s) => s.name.length));
  const lines = [`${view.slug}: settings of v${view.version ?? '—'}`];
  if (view.fields.length === 0) lines.push('  (no settings / brak ustawień)');
  for (const field of view.fields) {
    const set = Object.hasOwn(view.values, field.key);
    const value = set ? JSON.stringify(view.values[field.key]) : field.hasDefault ? `${JSON.stringify(field.defaultValue)} (default)` : '—';
    const label = field.label.en === field.label.pl ? field.label.en : `${field.label.en} / ${field.label.pl}`;
    lines.push(`  ${field.key.padEnd(width)} = ${value}   # ${label}${field.required ? ', required' : ''}`);
  }
  if (view.secrets.length) {
    lines.push('secrets (values are never shown / wartości nigdy nie są pokazywane):');
    for (const secret of view.secrets) {
      const state = secret.set ? `set ${secret.updatedAt}` : 'not set';
      lines.push(`  ${secret.name.padEnd(width)}   ${state}${secret.hosts.length ? `   sent only to ${secret.hosts.join(', ')}` : ''}`);
    }
  }
  if (view.allowances.length) {
    lines.push('local addresses this skill may reach / adresy lokalne, z którymi skill może się łączyć:');
    for (const a of view.allowances) lines.push(`  ${formatAllowance(a.address, a.port)}   added ${a.addedAt}${a.inEffect ? '' : '   NOT IN EFFECT: its seal does not match'}`);
  }
  for (const problem of view.problems) lines.push(`! ${problem.message.en}\n    pl: ${problem.message.pl}`);
  return lines;
}

const SWITCH_TEXT: Record<ShellView['switch']['state'], string> = {
  off: 'off in config.yaml (skills.execution.shell: false)',
  unconfirmed: 'on in config.yaml, NOT confirmed in the app: nothing runs until you confirm it in this skill\u2019s Settings tab in the app',
  on: 'on, confirmed in the app',
};

/** Shell actions, when the skill has any or a folder was chosen for it. */
function shellLines(shell: ShellView): string[] {
  if (shell.actions.length === 0 && !shell.folder) return [];
  const lines = ['shell actions / akcje powłoki:', `  switch      ${SWITCH_TEXT[shell.switch.state]}${shell.switch.confirmedAt ? ` (${shell.switch.confirmedAt})` : ''}`];
  lines.push(`  isolation   ${shell.bubblewrap ? `bubblewrap (${shell.bubblewrap}): no network, read-only system, only the folder writable` : 'none: commands run with your rights (bubblewrap is not available here)'}`);
  lines.push(`  folder      ${shell.folder ? `${shell.folder.path}   chosen ${shell.folder.setAt}${shell.folder.inEffect ? '' : '   NOT IN EFFECT: its seal does not match'}` : '— none chosen: choose it in the skill\u2019s Settings in the app'}`);
  const unpinned = shell.actions.filter((action) => !shell.pins.some((pin) => pin.action === action));
  if (unpinned.length > 0) lines.push(`  ${unpinned.join(', ')}: not pinned yet — the program is pinned when you approve the version in the app`);
  for (const pin of shell.pins) {
    const state = pin.state === 'intact' ? 'unchanged since approval' : pin.state === 'changed' ? 'CHANGED since approval: will not run until a new version is approved' : pin.state === 'missing' ? 'MISSING: will not run' : 'NOT PROVEN: its seal does not match';
    lines.push(`  ${pin.action.padEnd(10)}  ${pin.executable} sha256 ${pin.sha256.slice(0, 16)}…   ${state}`);
  }
  return lines;
}

function reportError(io: CommandIo, json: boolean, error: ServiceError): number {
  if (json) io.out(JSON.stringify({ ok: false, error }, null, 2));
  else {
    io.err(`foundry skills config: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
    for (const [key, message] of Object.entries(error.fields ?? {})) io.err(`  ${key}: ${message.en}\n    pl: ${message.pl}`);
  }
  return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
}

export async function runSkillConfig(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      unset: { type: 'string', multiple: true, default: [] },
      secret: { type: 'string' },
      'clear-secret': { type: 'string' },
      'revoke-address': { type: 'string' },
      'clear-shell-folder': { type: 'boolean', default: false },
    },
  });
  const { json } = values;
  if (positionals.length !== 1) {
    io.err(`foundry skills config: expected one SLUG.\nusage: ${SKILL_CONFIG_USAGE}`);
    return EXIT.badInput;
  }
  const slug = positionals[0]!;
  const kinds = [values.set.length + values.unset.length > 0, values.secret, values['clear-secret'], values['revoke-address'], values['clear-shell-folder']].filter((k) => k !== undefined && k !== false);
  if (kinds.length > 1) {
    return refuse(io, json, 'skills config', 'one-change', {
      en: 'Give one kind of change per run: values (--set/--unset), --secret, --clear-secret, --revoke-address or --clear-shell-folder.',
      pl: 'Podaj jeden rodzaj zmiany na uruchomienie: wartości (--set/--unset), --secret, --clear-secret, --revoke-address albo --clear-shell-folder.',
    }, EXIT.badInput);
  }
  const assignments = values.set.map(parseAssignment);
  const badAssignment = values.set.find((_, i) => assignments[i] === null);
  if (badAssignment !== undefined) {
    return refuse(io, json, 'skills config', 'bad-assignment', {
      en: `“${badAssignment.slice(0, 100)}” is not KEY=VALUE.`, pl: `„${badAssignment.slice(0, 100)}” nie ma postaci KLUCZ=WARTOŚĆ.`,
    }, EXIT.badInput);
  }
  const revoke = values['revoke-address'] === undefined ? null : parseAllowanceText(values['revoke-address']);
  if (values['revoke-address'] !== undefined && revoke === null) {
    return refuse(io, json, 'skills config', 'bad-address', {
      en: 'Write the address as IP:PORT, IPv6 in brackets: 192.168.1.20:8123, [fd00::20]:8123.',
      pl: 'Zapisz adres jako IP:PORT, IPv6 w nawiasach: 192.168.1.20:8123, [fd00::20]:8123.',
    }, EXIT.badInput);
  }

  return withEngine(io, json, async ({ service }) => {
    try {
      if (assignments.length || values.unset.length) {
        service.setSettings('owner', slug, { values: Object.fromEntries(assignments as [string, JsonValue][]), unset: values.unset });
      }
      if (values.secret !== undefined) await service.setSecret('owner', slug, values.secret, withoutFinalNewline(await text(io.stdin ?? process.stdin)));
      if (values['clear-secret'] !== undefined) service.clearSecret('owner', slug, values['clear-secret']);
      if (revoke) service.revokeAllowance('owner', slug, revoke.address, Number(revoke.port));
      if (values['clear-shell-folder']) service.clearShellFolder('owner', slug);
      const view = service.getSettings('owner', slug);
      const shell = service.shellView('owner', slug);
      io.out(json ? JSON.stringify({ ...view, shell }, null, 2) : [...viewLines(view), ...shellLines(shell)].join('\n'));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      return reportError(io, json, error);
    }
  });
}
