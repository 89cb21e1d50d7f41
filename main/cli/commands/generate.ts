import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import type { Locale } from '../../../shared/i18n-types.ts';
import { withEngine } from '../with-engine.ts';
import { GENERATOR_KINDS, GeneratorError, requestFor, type SkillGenerator } from '../../skills/generator/index.ts';
import type { GeneratorKind } from '../../../shared/contract/records.ts';
import type { PipelineResult } from '../../skills/pipeline.ts';

const USAGE = 'foundry generate TEXT [--generator offline|claude|openai] [--max-attempts N] [--json]';

export const generateCommand: Command = {
  name: 'generate',
  summary: 'Run the pipeline for a request: generate, audit, dry-run, disclose, and leave a version pending approval',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, 'max-attempts': { type: 'string' }, generator: { type: 'string' } },
    });
    const override = values.generator as GeneratorKind | undefined;
    if (override !== undefined && !GENERATOR_KINDS.includes(override)) {
      io.err(`foundry generate: --generator is one of ${GENERATOR_KINDS.join(', ')} (for this run only; foundry generator use … changes the default).\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const text = positionals.join(' ').trim();
    const maxAttempts = values['max-attempts'] === undefined ? undefined : Number(values['max-attempts']);
    if (!text || (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 10))) {
      io.err(`foundry generate: give the request as text${maxAttempts !== undefined ? ', and --max-attempts as a whole number from 1 to 10' : ''}.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      let generator: SkillGenerator;
      try {
        generator = await engine.generator.generator(override);
      } catch (error) {
        if (!(error instanceof GeneratorError)) throw error;
        if (values.json) io.out(JSON.stringify({ outcome: 'failed', error: error.toJSON() }, null, 2));
        else io.err(`foundry generate: ${error.userMessage.en}\n  pl: ${error.userMessage.pl}`);
        return EXIT.failed;
      }
      // A model reads the words itself; the built-in generator needs the detector to understand them.
      const asked = requestFor(text, generator);
      if ('refused' in asked) {
        if (values.json) io.out(JSON.stringify({ outcome: asked.clarify ? 'needs-clarification' : 'not-a-request', reason: asked.refused }, null, 2));
        else if (asked.clarify) io.err(`foundry generate: one question first / najpierw pytanie —\n  pl: ${asked.refused.pl}\n  en: ${asked.refused.en}\nAsk again with the answer in the request / Powtórz prośbę razem z odpowiedzią.`);
        else io.err(`foundry generate: not a skill request — ${asked.refused.en}`);
        return EXIT.failed;
      }
      const onStep = values.json ? undefined : (step: PipelineResult['steps'][number]) => io.out(`${step.status === 'ok' ? '✓' : '✗'} ${step.step.padEnd(8)} ${step.summary.en}`);
      const result = await engine.skills.generate(asked.request, 'owner', { generator, ...(maxAttempts ? { maxAttempts } : {}), ...(onStep ? { onStep } : {}) });
      return reportPipeline(io, values.json, result, asked.request.language);
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
    io.out(`${result.replaced ? `\n${result.replaced.notice[language]}` : ''}\n${result.disclosure.text[language]}\n\n${next}`);
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
    ? { outcome: result.outcome, version, disclosure: result.disclosure, replaced: result.replaced, steps: result.steps }
    : { outcome: result.outcome, version, reason: result.reason, steps: result.steps };
}
