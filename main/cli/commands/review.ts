import { parseArgs } from 'node:util';
import type { Locale, Localized } from '../../../shared/i18n-types.ts';
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { Engine } from '../../engine.ts';
import { systemLocale, type SkillService } from '../../skills/service.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { versionNumber } from '../../skills/registry/index.ts';
import { reviewLines } from '../version-review.ts';
import { refuse } from './token.ts';

const USAGE = 'foundry review [list] | review show SLUG [--version V] [--diff] [--json]';

const NO_VERSION = (slug: string, version: string | undefined): Localized => version === undefined
  ? { en: `${slug} has no version waiting for review; pass --version to show another one.`, pl: `${slug} nie ma wersji czekającej na przegląd; inną wskaż opcją --version.` }
  : { en: `${slug} has no version ${versionNumber(version)}.`, pl: `${slug} nie ma wersji ${versionNumber(version)}.` };

/**
 * The version of `slug` numbered `version`, or without one its newest pending version, as the owner
 * sees it; a ServiceError when there is none.
 */
export function findVersion(service: SkillService, slug: string, version?: string): SkillVersionRecord {
  const { versions } = service.getSkill('owner', slug);
  const found = version === undefined ? versions.find((v) => v.status === 'pending') : versions.find((v) => v.version === versionNumber(version));
  if (!found) throw new ServiceError('not-found', NO_VERSION(slug, version));
  return found;
}

/** The owner's language, for what the review prints (the disclosure exists in both). */
export const ownerLocale = (engine: Engine): Locale => systemLocale(engine.store);

/** A refusal from the service, in both languages; exit 2 for bad input, 1 otherwise. */
export function reportServiceError(io: CommandIo, json: boolean, command: string, error: ServiceError): number {
  return refuse(io, json, command, error.code, error.userMessage, error.code === 'bad-request' ? EXIT.badInput : EXIT.failed);
}

/** `foundry review`: what waits for the owner's decision, and one version in full, as the window's review shows it. */
export const reviewCommand: Command = {
  name: 'review',
  summary: 'List the versions waiting for your approval, or show one in full: what it may do, its risk, the audit, the dry run and the code (or --diff)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, version: { type: 'string' }, diff: { type: 'boolean', default: false } },
    });
    const [sub = 'list', ...rest] = positionals;
    const listing = sub === 'list' && rest.length === 0 && values.version === undefined && !values.diff;
    if (!listing && !(sub === 'show' && rest.length === 1)) {
      io.err(`foundry review: expected “list” or “show SLUG”.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, (engine) => {
      const { service } = engine;
      const locale = ownerLocale(engine);
      // A run of the command line is a start of the engine too: versions past their 24 hours are rejected first.
      service.expirePending();
      if (listing) {
        const pending = engine.store.skills.pendingReviews();
        if (values.json) io.out(JSON.stringify(pending, null, 2));
        else if (pending.length === 0) io.out(locale === 'pl' ? 'nic nie czeka na Twoje zatwierdzenie' : 'nothing waits for your approval');
        else io.out(pending.map((p) => `${p.slug.padEnd(32)} v${p.version.padEnd(9)} sha256 ${p.contentSha256.slice(0, 12)}…  ${locale === 'pl' ? 'do' : 'until'} ${p.expiresAt ?? '—'}  ${p.name}`).join('\n'));
        return EXIT.ok;
      }
      try {
        const version = findVersion(service, rest[0]!, values.version);
        const diff = values.diff ? service.diffVersion('owner', version.id) : undefined;
        if (values.json) io.out(JSON.stringify({ version, ...(values.diff ? { diff } : {}) }, null, 2));
        else io.out(reviewLines(version, diff, locale).join('\n'));
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportServiceError(io, values.json, 'review', error);
      }
    });
  },
};
