import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { TRIGGER_LABELS } from '../../../shared/skills/triggers.ts';
import type { TriggerListing } from '../../skills/triggers/index.ts';

const USAGE = 'foundry triggers [SLUG] [--json]';

function lines(listings: readonly TriggerListing[]): string[] {
  if (listings.length === 0) return ['no approved, running skill starts by itself / żaden zatwierdzony, działający skill nie uruchamia się sam'];
  const out: string[] = [];
  let skill = '';
  for (const t of listings) {
    if (t.skill !== skill) out.push(`${(skill = t.skill)} v${t.version}`);
    out.push(`  ${TRIGGER_LABELS[t.kind].en} / ${TRIGGER_LABELS[t.kind].pl}`, `    ${t.text.en}`, `    ${t.text.pl}`);
  }
  return out;
}

/** What would fire on what: the triggers of the skills that may run now (approved, proven, not archived). */
export const triggersCommand: Command = {
  name: 'triggers',
  summary: 'List what starts each approved skill by itself (messages, tools, sessions, install, uninstall)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length > 1) {
      io.err(`foundry triggers: expected at most one skill.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, (engine) => {
      try {
        const listings = engine.service.listTriggers('owner', positionals[0]);
        io.out(values.json ? JSON.stringify(listings, null, 2) : lines(listings).join('\n'));
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        if (values.json) io.out(JSON.stringify({ ok: false, error }, null, 2));
        else io.err(`foundry triggers: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
        return EXIT.failed;
      }
    });
  },
};
