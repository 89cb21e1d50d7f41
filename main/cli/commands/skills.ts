import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import type { SkillDetails, SkillService } from '../../skills/service.ts';
import { isRecord, parseJson } from '../../skills/sandbox/json-guards.ts';
import { executionLines } from './executions.ts';
import { isActionRefusal } from '../../../shared/skills/mod-types.ts';
import { ServiceError } from '../../skills/service-error.ts';
import type { SkillSummary, SkillVersionRecord } from '../../../shared/contract/records.ts';
import { findVersion } from './review.ts';
import { runSkillConfig, SKILL_CONFIG_USAGE } from './skill-config.ts';
import { runSkillImport, SKILL_IMPORT_USAGE } from './skill-import.ts';
import { dependencyLines } from './skill-deps.ts';

const USAGE = `foundry skills list | show SLUG | deps SLUG | code SLUG [--version V] | data SLUG | run SLUG ACTION [--params JSON] | rollback-request SLUG VERSION [--note TEXT] [--json]\n       ${SKILL_CONFIG_USAGE}\n       ${SKILL_IMPORT_USAGE}`;
const ARITY: Record<string, number> = { list: 0, show: 1, deps: 1, code: 1, data: 1, run: 2, 'rollback-request': 2 };

/**
 * As the owner. Approving and rolling back need the check on this computer and, for approvals,
 * the authenticator code: they happen in the window or on a terminal (`foundry approve`,
 * `foundry rollback`); here a rollback is only requested.
 */
export const skillsCommand: Command = {
  name: 'skills',
  summary: 'List skills, show one with its versions, dependencies, code or data, run an action, show or change its settings, import a skill folder for review, or ask for a rollback',
  usage: USAGE,
  async run(args, io) {
    if (args[0] === 'config') return runSkillConfig(args.slice(1), io);
    if (args[0] === 'import') return runSkillImport(args.slice(1), io);
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, note: { type: 'string' }, params: { type: 'string' }, version: { type: 'string' } },
    });
    const [sub = '', ...rest] = positionals;
    if (!(sub in ARITY) || rest.length !== ARITY[sub] || (values.version !== undefined && sub !== 'code')) {
      io.err(`foundry skills: expected list, show SLUG, deps SLUG, code SLUG [--version V], data SLUG, run SLUG ACTION, config SLUG, import FOLDER or rollback-request SLUG VERSION.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const params = values.params === undefined ? {} : parseJson(values.params);
    if (!isRecord(params)) {
      io.err(`foundry skills: --params must be a JSON object, e.g. '{"amount_ml": 250}'.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      const { service } = engine;
      const print = (data: unknown, lines: string[]) => io.out(values.json ? JSON.stringify(data, null, 2) : lines.join('\n'));
      try {
        // This run is a start of the engine too: versions past their 24 hours are rejected first.
        service.expirePending();
        if (sub === 'list') {
          const skills = service.listSkills('owner');
          print(skills, skills.length ? skills.map(summaryLine) : ['no skills yet']);
        } else if (sub === 'show') {
          const details = service.getSkill('owner', rest[0]!);
          print(details, detailLines(details, service));
        } else if (sub === 'deps') {
          const view = service.dependencies('owner', rest[0]!);
          print(view, dependencyLines(view));
        } else if (sub === 'code') {
          const version = codeVersion(service, rest[0]!, values.version);
          print({ slug: version.slug, version: version.version, tag: version.tag, status: version.status, contentSha256: version.contentSha256, code: version.code }, [
            `// ${version.tag} (${version.status}), sha256 ${version.contentSha256}`,
            version.code,
          ]);
        } else if (sub === 'run' || sub === 'data') {
          const run = await service.execute('owner', rest[0]!, sub === 'data' ? 'getData' : rest[1]!, params, { trigger: 'cli' });
          print(run, [JSON.stringify(run.result, null, 2), ...(run.record ? executionLines(run.record) : [])]);
          return isActionRefusal(run.result) ? EXIT.failed : EXIT.ok;
        } else {
          const request = service.requestRollback('owner', rest[0]!, rest[1]!, values.note);
          print(request, [
            `rollback of ${request.slug} to ${request.version} requested (#${request.id}, ${request.status})`,
            `Complete it in the Skill Foundry window or on a terminal (foundry rollback ${request.slug} ${request.version}): it asks for the check on this computer.`,
          ]);
        }
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportError(io, values.json, error);
      }
    });
  },
};

/** The version `--version` names; without it the running one, else the newest. */
function codeVersion(service: SkillService, slug: string, version: string | undefined): SkillVersionRecord {
  if (version !== undefined) return findVersion(service, slug, version);
  const { skill, versions } = service.getSkill('owner', slug);
  const running = versions.find((v) => v.version === skill.activeVersion);
  return running ?? versions[0] ?? findVersion(service, slug);
}

function summaryLine(s: SkillSummary): string {
  const version = s.activeVersion ? `v${s.activeVersion}` : '—';
  return `${s.slug.padEnd(32)} ${s.status.padEnd(9)} ${version.padEnd(10)} used ${s.usageCount}×${s.lastUsedAt ? `, last ${s.lastUsedAt}` : ''}`;
}

function detailLines({ skill, versions }: SkillDetails, service: SkillService): string[] {
  const requests = service.reviewRequests('open').filter((r) => r.skillId === skill.id);
  return [
    `${skill.name} (${skill.slug})`,
    `status      ${skill.status}${skill.activeVersion ? `, running v${skill.activeVersion}` : ''}`,
    `used        ${skill.usageCount}×${skill.lastUsedAt ? `, last ${skill.lastUsedAt}` : ''}`,
    'versions:',
    ...versions.map((v) => `  ${v.tag.padEnd(40)} ${v.status.padEnd(9)} sha256 ${v.contentSha256.slice(0, 12)}…  ${v.createdAt}${v.decidedBy ? `  decided by ${v.decidedBy}` : ''}`),
    ...(requests.length ? ['open requests:', ...requests.map((r) => `  #${r.id} ${r.kind}${r.version ? ` v${r.version}` : ''} by ${r.requestedBy}${r.note ? ` — ${r.note}` : ''}`)] : []),
  ];
}

function reportError(io: CommandIo, json: boolean, error: ServiceError): number {
  if (json) io.out(JSON.stringify({ ok: false, error }, null, 2));
  else io.err(`foundry skills: ${error.userMessage.en}`);
  return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
}
