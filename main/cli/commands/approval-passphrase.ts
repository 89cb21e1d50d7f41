// `foundry approval-passphrase set`: the fallback check on this computer, where no OS check exists
// (a server without a desktop), set up as Settings → Security does it (passphrase-fallback.ts).
// Typed hidden, twice, on a terminal only; replacing it asks the current one first.
import { parseArgs } from 'node:util';
import type { Localized } from '../../../shared/i18n-types.ts';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { NO_TERMINAL, openOwnerTerminal } from '../owner-terminal.ts';
import { SecurityError } from '../../skills/approval/security-error.ts';
import { ownerLocale } from './review.ts';
import { refuse } from './token.ts';

const USAGE = 'foundry approval-passphrase set   (a terminal only: typed hidden, twice)';

const TEXT = {
  current: { en: 'Current approval passphrase (hidden): ', pl: 'Obecne hasło zatwierdzania (ukryte): ' },
  next: { en: 'New approval passphrase, at least 8 characters (hidden): ', pl: 'Nowe hasło zatwierdzania, co najmniej 8 znaków (ukryte): ' },
  again: { en: 'The same again (hidden): ', pl: 'To samo jeszcze raz (ukryte): ' },
  mismatch: { en: 'the two entries differ; nothing was changed.', pl: 'oba wpisy się różnią; nic nie zostało zmienione.' },
  cancelled: { en: 'cancelled; nothing was changed.', pl: 'anulowano; nic nie zostało zmienione.' },
  done: {
    en: 'The approval passphrase is set: approvals on this computer ask for it (hidden) after the authenticator code, unless an OS check is available.',
    pl: 'Hasło zatwierdzania jest ustawione: zatwierdzenia na tym komputerze pytają o nie (ukryte) po kodzie z aplikacji uwierzytelniającej, chyba że dostępna jest weryfikacja systemowa.',
  },
} satisfies Record<string, Localized>;

export const approvalPassphraseCommand: Command = {
  name: 'approval-passphrase',
  summary: 'Set or change the local approval passphrase: the check on this computer where no OS check exists',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const json = values.json;
    if (positionals.length !== 1 || positionals[0] !== 'set') {
      io.err(`foundry approval-passphrase: expected “set”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const terminal = openOwnerTerminal(io.stdin);
    if (!terminal) return refuse(io, json, 'approval-passphrase', 'no-terminal', NO_TERMINAL, EXIT.failed);
    try {
      return await withEngine(io, json, async (engine) => {
        const { fallback } = engine.approval;
        const locale = ownerLocale(engine);
        const current = fallback.isSetUp() ? await terminal.askHidden(TEXT.current[locale]) : null;
        if (fallback.isSetUp() && current === null) return refuse(io, json, 'approval-passphrase', 'cancelled', TEXT.cancelled, EXIT.failed);
        const next = await terminal.askHidden(TEXT.next[locale]);
        const again = next === null ? null : await terminal.askHidden(TEXT.again[locale]);
        if (next === null || again === null) return refuse(io, json, 'approval-passphrase', 'cancelled', TEXT.cancelled, EXIT.failed);
        if (next !== again) return refuse(io, json, 'approval-passphrase', 'mismatch', TEXT.mismatch, EXIT.badInput);
        try {
          if (current === null) await fallback.setUp(next);
          else {
            const changed = await fallback.change(current, next);
            if (!changed.ok) return refuse(io, json, 'approval-passphrase', changed.reason, changed.message, EXIT.failed);
          }
        } catch (error) {
          if (!(error instanceof SecurityError)) throw error;
          return refuse(io, json, 'approval-passphrase', error.code, error.userMessage, EXIT.badInput);
        }
        io.out(json ? JSON.stringify({ ok: true }) : TEXT.done[locale]);
        return EXIT.ok;
      });
    } finally {
      terminal.close();
    }
  },
};
