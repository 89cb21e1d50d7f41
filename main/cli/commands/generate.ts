import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import type { Locale } from '../../../shared/i18n-types.ts';
import { withEngine } from '../with-engine.ts';
import { parseSkillRequest } from '../../skills/detector/index.ts';
import type { PipelineResult } from '../../skills/pipeline.ts';

const USAGE = 'foundry generate TEXT [--max-attempts N] [--json]';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Run the pipeline for a request: generate, audit, dry-run, disclose, and leave a version pending approval',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'max-attempts': { type: 'string' } },
    });
    const text = positionals.join(' ').trim();
    const maxAttempts = values['max-attempts'] === undefined ? undefined : Number(values['max-attempts']);
    if (!text || (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 10))) {
      io.err(`foundry generate: give the request as text${maxAttempts !== undefined ? ', and --max-attempts as a whole number from 1 to 10' : ''}.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const parsed = parseSkillRequest(text);
    if (!parsed.isRequest) {
      const asked = 'clarify' in parsed;
      if (values.json) io.out(JSON.stringify({ outcome: asked ? 'needs-clarification' : 'not-a-request', reason: parsed.reason }, null, 2));
      else if (asked) io.err(`foundry generate: one question first / najpierw pytanie —\n  pl: ${parsed.reason.pl}\n  en: ${parsed.reason.en}\nAsk again with the answer in the request / Powtórz prośbę razem z odpowiedzią.`);
      else io.err(`foundry generate: not a skill request — ${parsed.reason.en}`);
      return EXIT.failed;
    }
    return withEngine(io, values.json, async (engine) => {
      const onStep = values.json ? undefined : (step: PipelineResult['steps'][number]) => io.out(`${step.status === 'ok' ? '✓' : '✗'} ${step.step.padEnd(8)} ${step.summary.en}`);
      const result = await engine.skills.generate(parsed.need, 'owner', { generator: await engine.generator.generator(), ...(maxAttempts ? { maxAttempts } : {}), ...(onStep ? { onStep } : {}) });
      return reportPipeline(io, values.json, result, parsed.need.language);
    });
  },
};

/** Prints a pipeline's outcome (the disclosure of a pending version, or why nothing was deployed); the exit code. */
export function reportPipeline(io: CommandIo, json: boolean, result: PipelineResult, language: Locale): number {
  if (json) io.out(JSON.stringify(summarize(result), null, 2));
  else if (result.outcome === 'pending') {
    const { slug, version, tag, contentSha256, expiresAt } = result.version;
    const next = language === 'pl'
      ? `${tag} czeka na Twoje zatwierdzenie (hash ${contentSha256.slice(0, 12)}…, do ${expiresAt}): w oknie Skill Foundry albo w terminalu — foundry review show ${slug}, potem foundry approve ${slug} ${version}.`
      : `${tag} waits for your approval (hash ${contentSha256.slice(0, 12)}…, until ${expiresAt}): in the Skill Foundry window, or on a terminal — foundry review show ${slug}, then foundry approve ${slug} ${version}.`;
    io.out(`\n${result.disclosure.text[language]}\n\n${next}`);
  } else {
    io.err(`\nNo skill was deployed: ${result.reason.en}${result.version ? `\nThe failed candidate is kept as ${result.version.tag} for review.` : ''}`);
  }
  return result.outcome === 'pending' ? EXIT.ok : EXIT.failed;
}

function summarize(result: PipelineResult) {
  const version = result.version && {
    id: result.version.id, slug: result.version.slug, version: result.version.version, tag: result.version.tag,
    status: result.version.status, contentSha256: result.version.contentSha256, expiresAt: result.version.expiresAt,
  };
  return result.outcome === 'pending'
    ? { outcome: result.outcome, version, disclosure: result.disclosure, steps: result.steps }
    : { outcome: result.outcome, version, reason: result.reason, steps: result.steps };
}
