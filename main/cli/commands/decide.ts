// `foundry approve | reject | rollback`: the owner decides on a terminal, through the same service
// and gateway as the window. Each command prints the version and the SHA-256 it is about, then
// asks on the terminal for both factors — the authenticator code, then the check on this computer
// (the OS check, or the fallback passphrase typed hidden) — for each decision: approving through
// the gateway, rejecting and rolling back through the service's terminal confirmation (the window
// asks none for a rejection and only the check for a rollback; here a program faking a terminal
// must not get that far). The decision is bound to the hash printed, and audited `via: terminal`.
import { parseArgs } from 'node:util';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { Engine } from '../../engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { NO_TERMINAL, openOwnerTerminal, type OwnerTerminal } from '../owner-terminal.ts';
import { disclosureLines, versionHeader } from '../version-review.ts';
import { findVersion, ownerLocale, reportServiceError } from './review.ts';
import { refuse } from './token.ts';

const TEXT = {
  readFirst: (slug: string, version: string): Localized => ({
    en: `Everything about it (audit, dry run, code): foundry review show ${slug} --version ${version} [--diff]`,
    pl: `Wszystko o niej (audyt, próbne uruchomienie, kod): foundry review show ${slug} --version ${version} [--diff]`,
  }),
  askCode: { en: 'Code from your authenticator app (empty to cancel): ', pl: 'Kod z aplikacji uwierzytelniającej (pusty, aby anulować): ' },
  askPassphrase: { en: 'Local approval passphrase (nothing is shown as you type): ', pl: 'Lokalne hasło zatwierdzania (nic nie jest wyświetlane podczas pisania): ' },
  cancelled: { en: 'Cancelled: nothing was decided.', pl: 'Anulowano: nic nie zostało postanowione.' },
  approved: (tag: string, slug: string): Localized => ({
    en: `Approved: ${tag} is the running version now. Try it: foundry skills run ${slug} getActions`,
    pl: `Zatwierdzono: ${tag} jest teraz działającą wersją. Wypróbuj: foundry skills run ${slug} getActions`,
  }),
  rejected: (tag: string): Localized => ({ en: `Rejected: ${tag}.`, pl: `Odrzucono: ${tag}.` }),
  rolledBack: (tag: string, disabled: string[]): Localized => ({
    en: `Rolled back: ${tag} is the running version again.${disabled.length ? ` Disabled until it is back on its newest version: ${disabled.join(', ')}.` : ''}`,
    pl: `Przywrócono: ${tag} znowu jest działającą wersją.${disabled.length ? ` Wyłączone, dopóki nie wróci do najnowszej wersji: ${disabled.join(', ')}.` : ''}`,
  }),
  reasonRequired: { en: 'give the reason with --reason TEXT (it is kept with the decision).', pl: 'podaj powód w --reason TEKST (zostaje zapisany z decyzją).' },
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;

interface Decision {
  name: 'approve' | 'reject' | 'rollback';
  summary: string;
  usage: string;
  /** Asks what the decision needs on the terminal and makes it; the message to print on success, or null when cancelled. */
  decide(engine: Engine, version: SkillVersionRecord, terminal: OwnerTerminal, locale: Locale, reason: string | undefined): Promise<Localized | null>;
}

function decisionCommand(decision: Decision): Command {
  const { name, usage } = decision;
  return {
    name,
    summary: decision.summary,
    usage,
    async run(args, io) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean', default: false }, reason: { type: 'string' } },
      });
      const json = values.json;
      if (positionals.length !== 2 || (name !== 'reject' && values.reason !== undefined)) {
        io.err(`foundry ${name}: expected SLUG VERSION.\nusage: ${usage}`);
        return EXIT.badInput;
      }
      if (name === 'reject' && !values.reason?.trim()) return refuse(io, json, name, 'reason-required', TEXT.reasonRequired, EXIT.badInput);
      // Checked before anything is opened: no terminal, no decision.
      const terminal = openOwnerTerminal(io.stdin);
      if (!terminal) return refuse(io, json, name, 'no-terminal', NO_TERMINAL, EXIT.failed);
      const [slug, wanted] = positionals as [string, string];
      const say = (message: Localized) => io.out(message[locale]);
      let locale: Locale = 'en';
      try {
        return await withEngine(io, json, async (engine) => {
          locale = ownerLocale(engine);
          try {
            engine.service.expirePending();
            const version = findVersion(engine.service, slug, wanted);
            io.out([...versionHeader(version, locale), ...(name === 'rollback' ? [] : disclosureLines(version, locale)), '', TEXT.readFirst(slug, version.version)[locale], ''].join('\n'));
            const done = await decision.decide(engine, version, terminal, locale, values.reason);
            if (!done) {
              say(TEXT.cancelled);
              return EXIT.failed;
            }
            if (json) io.out(JSON.stringify({ ok: true, version: engine.store.versions.get(version.id) }, null, 2));
            else say(done);
            return EXIT.ok;
          } catch (error) {
            if (!(error instanceof ServiceError)) throw error;
            return reportServiceError(io, json, name, error);
          }
        }, {
          approval: { askPassphrase: (reason) => terminal.askHidden(`${reason[locale]}\n${TEXT.askPassphrase[locale]}`) },
        });
      } finally {
        terminal.close();
      }
    },
  };
}

export const approveCommand = decisionCommand({
  name: 'approve',
  summary: 'Approve a pending version on this terminal with both factors (the authenticator code and the check on this computer), bound to the hash it prints',
  usage: 'foundry approve SLUG VERSION [--json]   (a terminal only: asks for the factors, never takes them from arguments)',
  async decide(engine, version, terminal, locale) {
    const code = await terminal.ask(TEXT.askCode[locale]);
    if (!code) return null;
    // The hash printed above is the one approved: a version changed since is refused by the gateway.
    const approved = await engine.service.approve('owner', { versionId: version.id, shownContentSha256: version.contentSha256, totpCode: code }, 'terminal');
    return TEXT.approved(approved.tag, approved.slug);
  },
});

export const rejectCommand = decisionCommand({
  name: 'reject',
  summary: 'Reject a pending version on this terminal, with a reason, after both factors',
  usage: 'foundry reject SLUG VERSION --reason TEXT [--json]   (a terminal only: asks for the factors, never takes them from arguments)',
  async decide(engine, version, terminal, locale, reason) {
    const code = await terminal.ask(TEXT.askCode[locale]);
    if (!code) return null;
    await engine.service.confirmOnTerminal('owner', { decision: 'reject', slug: version.slug, version: version.version, totpCode: code });
    const rejected = engine.service.reject('owner', { versionId: version.id, reason: reason! }, 'terminal');
    return TEXT.rejected(rejected.tag);
  },
});

export const rollbackCommand = decisionCommand({
  name: 'rollback',
  summary: 'Make an earlier approved version the running one again, after both factors',
  usage: 'foundry rollback SLUG VERSION [--json]   (a terminal only: asks for the factors, never takes them from arguments)',
  async decide(engine, version, terminal, locale) {
    const code = await terminal.ask(TEXT.askCode[locale]);
    if (!code) return null;
    await engine.service.confirmOnTerminal('owner', { decision: 'rollback', slug: version.slug, version: version.version, totpCode: code });
    const rolledBack = await engine.service.rollback('owner', version.slug, version.version, 'terminal');
    return TEXT.rolledBack(rolledBack.tag, rolledBack.disabledDependents);
  },
});
