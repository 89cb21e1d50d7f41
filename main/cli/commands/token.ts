import { parseArgs } from 'node:util';
import type { Localized } from '../../../shared/i18n-types.ts';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { Engine } from '../../engine.ts';
import { createApiTokenService, type ApiTokenService } from '../../skills/approval/api-token.ts';
import type { SecretBox } from '../../skills/approval/secret-box.ts';
import { cliSecretBox } from '../cli-secret-box.ts';
import { SecurityError } from '../../skills/approval/security-error.ts';
import { checkOpensIntegrityKey } from '../../skills/approval/integrity-key-file.ts';

const USAGE = 'foundry token show|rotate [--json]';

const NO_PASSPHRASE: Localized = {
  en: 'set FOUNDRY_PASSPHRASE. It is the passphrase that protects the secrets Skill Foundry stores on this computer (at least 8 characters); the assistant’s API token is kept encrypted with it. Use the same one every time.',
  pl: 'ustaw FOUNDRY_PASSPHRASE. To hasło chroni sekrety, które Skill Foundry przechowuje na tym komputerze (co najmniej 8 znaków); token API asystenta jest nim zaszyfrowany. Używaj zawsze tego samego.',
};

const NO_TOKEN: Localized = {
  en: 'there is no API token yet: run “foundry token rotate” to create one.',
  pl: 'nie ma jeszcze tokenu API: utwórz go poleceniem „foundry token rotate”.',
};

const PASSPHRASE_MISMATCH: Localized = {
  en: 'this passphrase does not match the one that sealed your other secrets, so the token was not replaced (a token sealed under a typo could never be shown again). Use the FOUNDRY_PASSPHRASE you set up Skill Foundry with.',
  pl: 'to hasło nie pasuje do tego, którym zapieczętowano Twoje pozostałe sekrety, więc token nie został wymieniony (tokenu zapieczętowanego hasłem z literówką nie dałoby się już wyświetlić). Użyj FOUNDRY_PASSPHRASE, z którym skonfigurowano Skill Foundry.',
};

/** A refusal in both languages: on stderr, or as `{ ok: false, error }` with --json. Returns `exit`. */
export function refuse(io: CommandIo, json: boolean, command: string, code: string, message: Localized, exit: number): number {
  if (json) io.out(JSON.stringify({ ok: false, error: { code, message } }));
  else io.err(`foundry ${command}: ${message.en}\n  pl: ${message.pl}`);
  return exit;
}

/** The CLI's SecretBox, from FOUNDRY_PASSPHRASE; null, after saying why, when there is no usable one. */
export function passphraseBox(io: CommandIo, json: boolean, command: string): SecretBox | null {
  try {
    const box = cliSecretBox(io.env ?? process.env);
    if (!box) refuse(io, json, command, 'no-passphrase', NO_PASSPHRASE, EXIT.badInput);
    return box;
  } catch (error) {
    if (!(error instanceof SecurityError)) throw error;
    refuse(io, json, command, error.code, error.userMessage, EXIT.badInput);
    return null;
  }
}

export function apiTokenService(engine: Engine, box: SecretBox): ApiTokenService {
  return createApiTokenService({ repo: engine.store.approvalSecurity, box, audit: engine.store.auditLog });
}

/** `foundry token show|rotate`: the assistant's bearer token for the local API, as the owner. */
export const tokenCommand: Command = {
  name: 'token',
  summary: 'Show or replace the assistant’s API token (needs FOUNDRY_PASSPHRASE)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const json = values.json;
    const [action, ...extra] = positionals;
    if ((action !== 'show' && action !== 'rotate') || extra.length > 0) {
      io.err(`foundry token: expected “show” or “rotate”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const box = passphraseBox(io, json, 'token');
    if (!box) return EXIT.badInput;
    return withEngine(io, json, async (engine) => {
      const tokens = apiTokenService(engine, box);
      let token: string | null;
      try {
        // A new token is sealed only under the passphrase that sealed the rest.
        if (action === 'rotate') await checkOpensIntegrityKey(engine.store.dataDir, box);
        token = action === 'rotate' ? await tokens.rotate('owner') : await tokens.reveal('owner');
      } catch (error) {
        if (!(error instanceof SecurityError)) throw error;
        if (error.code === 'wrong-passphrase') return refuse(io, json, 'token', 'passphrase-mismatch', PASSPHRASE_MISMATCH, EXIT.failed);
        return refuse(io, json, 'token', error.code, error.userMessage, EXIT.failed);
      }
      if (token === null) return refuse(io, json, 'token', 'no-token', NO_TOKEN, EXIT.failed);
      const { createdAt } = tokens.status();
      if (json) {
        io.out(JSON.stringify({ token, createdAt }));
      } else {
        io.out(token);
        if (action === 'rotate') io.err('The previous token no longer works: give this one to the assistant (Authorization: Bearer …).\n  pl: Poprzedni token już nie działa: przekaż asystentowi ten (Authorization: Bearer …).');
      }
      return EXIT.ok;
    });
  },
};
