// `foundry totp enroll | status`: the authenticator app set up on a terminal, with the same
// enrolment as Settings → Security (totp-factor.ts): a secret offered, shown as a QR code and a
// URI, active only after one valid code typed here. Replacing an active one first asks a code from
// it. A terminal only, like every step that sets up or uses a factor.
import os from 'node:os';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { NO_TERMINAL, openOwnerTerminal } from '../owner-terminal.ts';
import { SecurityError } from '../../skills/approval/security-error.ts';
import { ownerLocale } from './review.ts';
import { passphraseBox, refuse } from './token.ts';

const USAGE = 'foundry totp enroll [--account NAME] | totp status [--json]';

const TEXT = {
  askCurrent: { en: 'An authenticator is set up already. To replace it, its current code: ', pl: 'Aplikacja uwierzytelniająca jest już skonfigurowana. Aby ją zastąpić, podaj jej aktualny kod: ' },
  scan: { en: 'Scan this QR code with your authenticator app (Google Authenticator, Aegis, 1Password…):', pl: 'Zeskanuj ten kod QR aplikacją uwierzytelniającą (Google Authenticator, Aegis, 1Password…):' },
  manual: { en: 'or enter this key by hand', pl: 'albo wpisz ręcznie ten klucz' },
  uri: { en: 'or open this address on the phone', pl: 'albo otwórz ten adres na telefonie' },
  askCode: { en: 'The code the app shows now (empty to cancel): ', pl: 'Kod, który pokazuje teraz aplikacja (pusty, aby anulować): ' },
  cancelled: { en: 'Cancelled: the authenticator was not set up. Start again to get a new QR code.', pl: 'Anulowano: aplikacja uwierzytelniająca nie została skonfigurowana. Zacznij od nowa, aby dostać nowy kod QR.' },
  enrolled: (account: string): Localized => ({
    en: `The authenticator app is set up for ${account}. Approvals ask for its code: foundry approve SLUG VERSION.`,
    pl: `Aplikacja uwierzytelniająca jest skonfigurowana dla ${account}. Zatwierdzenia pytają o jej kod: foundry approve SLUG WERSJA.`,
  }),
  notEnrolled: { en: 'not set up: run “foundry totp enroll” in a terminal', pl: 'nieskonfigurowana: uruchom „foundry totp enroll” w terminalu' },
  active: (account: string, since: string): Localized => ({ en: `set up for ${account} since ${since}`, pl: `skonfigurowana dla ${account} od ${since}` }),
  locked: (until: string): Localized => ({ en: `codes are refused until ${until} after too many wrong ones`, pl: `po zbyt wielu błędnych kodach kody są odrzucane do ${until}` }),
} satisfies Record<string, Localized | ((...args: never[]) => Localized)>;

/** `owner@host`, as the authenticator app lists it; ':' is not allowed in the label. */
const defaultAccount = () => `owner@${os.hostname().replaceAll(':', '-').slice(0, 50)}`;

export const totpCommand: Command = {
  name: 'totp',
  summary: 'Set up the authenticator app on this terminal (QR code, then one code to confirm), or show whether it is set up',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false }, account: { type: 'string' } } });
    const json = values.json;
    const [sub, ...extra] = positionals;
    if ((sub !== 'enroll' && sub !== 'status') || extra.length > 0 || (sub === 'status' && values.account !== undefined)) {
      io.err(`foundry totp: expected “enroll” or “status”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const box = passphraseBox(io, json, 'totp');
    if (!box) return EXIT.badInput;
    if (sub === 'status') {
      return withEngine(io, json, (engine) => {
        const status = engine.approval.totp!.status();
        const locale = ownerLocale(engine);
        if (json) io.out(JSON.stringify(status, null, 2));
        else {
          io.out(status.active ? TEXT.active(status.active.account, status.active.confirmedAt)[locale] : TEXT.notEnrolled[locale]);
          if (status.lockedUntil) io.out(TEXT.locked(status.lockedUntil)[locale]);
        }
        return EXIT.ok;
      });
    }
    const terminal = openOwnerTerminal(io.stdin);
    if (!terminal) return refuse(io, json, 'totp', 'no-terminal', NO_TERMINAL, EXIT.failed);
    try {
      return await withEngine(io, json, async (engine) => {
        const totp = engine.approval.totp!;
        const locale: Locale = ownerLocale(engine);
        const account = values.account ?? defaultAccount();
        let currentCode: string | undefined;
        if (totp.status().active) {
          currentCode = (await terminal.ask(TEXT.askCurrent[locale])) ?? '';
          if (!currentCode) return refuse(io, json, 'totp', 'cancelled', TEXT.cancelled, EXIT.failed);
        }
        let started;
        try {
          started = await totp.startEnrollment(account, currentCode ? { currentCode } : {});
        } catch (error) {
          if (!(error instanceof SecurityError)) throw error;
          return refuse(io, json, 'totp', error.code, error.userMessage, EXIT.badInput);
        }
        if (!started.ok) return refuse(io, json, 'totp', started.reason, started.message, EXIT.failed);
        const { offer } = started;
        const qr = await QRCode.toString(offer.uri, { type: 'utf8', errorCorrectionLevel: 'M', margin: 2 });
        terminal.write(`${TEXT.scan[locale]}\n\n${qr}\n${TEXT.manual[locale]}: ${offer.manualEntryKey}\n${TEXT.uri[locale]}: ${offer.uri}\n\n`);
        const code = await terminal.ask(TEXT.askCode[locale]);
        if (!code) return refuse(io, json, 'totp', 'cancelled', TEXT.cancelled, EXIT.failed);
        const confirmed = await totp.confirmEnrollment(code);
        if (!confirmed.ok) return refuse(io, json, 'totp', confirmed.reason, confirmed.message, EXIT.failed);
        if (json) io.out(JSON.stringify({ ok: true, status: totp.status() }, null, 2));
        else io.out(TEXT.enrolled(account)[locale]);
        return EXIT.ok;
      });
    } finally {
      terminal.close();
    }
  },
};
