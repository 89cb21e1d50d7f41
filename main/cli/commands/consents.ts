import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { askerName } from '../../skills/consent/index.ts';
import type { ConsentRequestRecord, StandingConsentRecord } from '../../../shared/contract/consent-records.ts';

const USAGE = 'foundry consents [--json] | consents revoke ID [--json]';

/**
 * As the owner: the runs waiting for consent and the standing consents. Answering a waiting run is
 * the owner's in the desktop app only, so no subcommand does it; revoking only narrows.
 */
export const consentsCommand: Command = {
  name: 'consents',
  summary: 'List runs waiting for your consent and your standing consents, or revoke one',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    const [sub, id, ...rest] = positionals;
    const revoking = sub === 'revoke';
    const valid = revoking ? id !== undefined && /^[1-9][0-9]{0,14}$/.test(id) && rest.length === 0 : sub === undefined;
    if (!valid) {
      io.err(`foundry consents: expected no argument, or revoke followed by a standing consent's number.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, (engine) => {
      const { service } = engine;
      try {
        if (revoking) {
          const revoked = service.revokeStandingConsent('owner', Number(id));
          io.out(values.json ? JSON.stringify(revoked, null, 2) : `standing consent #${revoked.id} revoked: ${label(revoked)} will ask again`);
        } else {
          const pending = service.pendingConsents('owner');
          const standing = service.standingConsents('owner');
          io.out(values.json ? JSON.stringify({ pending, standing }, null, 2) : [
            `${pending.length} waiting for your consent (answer in the Skill Foundry app)`,
            ...pending.flatMap(pendingLines),
            `${standing.length} standing (run without asking; revoke with: foundry consents revoke ID)`,
            ...standing.flatMap(standingLines),
          ].join('\n'));
        }
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportError(io, values.json, error);
      }
    });
  },
};

const label = (c: ConsentRequestRecord | StandingConsentRecord) => `${c.skillName ?? c.skillSlug} (${c.skillSlug}${c.version ? ` v${c.version}` : ''}) ${c.action}`;
const detailLines = (details: readonly string[]) => details.map((d) => `    | ${d}`);

function pendingLines(c: ConsentRequestRecord): string[] {
  const who = askerName(c.actor).en;
  return [`#${c.id} ${label(c)}, asked by ${who} (${c.trigger}), ${Math.ceil(c.timeLeftMs / 1000)} s left`, `    ${c.summary.en}`, ...detailLines(c.details)];
}

function standingLines(c: StandingConsentRecord): string[] {
  return [`#${c.id} ${label(c)}, since ${c.grantedAt}`, `    ${c.summary.en}`, ...detailLines(c.details)];
}

function reportError(io: CommandIo, json: boolean, error: ServiceError): number {
  if (json) io.out(JSON.stringify({ ok: false, error }, null, 2));
  else io.err(`foundry consents: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
  return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
}
