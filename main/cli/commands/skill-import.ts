// `foundry skills import FOLDER`: a skill the owner wrote (or edited) as a skill folder
// (main/skills/generator/skill-folder.ts) goes through the same pipeline as a generated one — audit,
// dry run, disclosure — and waits for approval in the window. It is the owner's path to a skill
// with shell actions, which no generator proposes. Thin: parse, import, run the pipeline, print.
import { parseArgs } from 'node:util';
import { EXIT, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { GeneratorError, importSkillFolder, type SkillGenerator } from '../../skills/generator/index.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import type { AuditFinding } from '../../../shared/skills/audit.ts';
import { reportPipeline } from './generate.ts';

export const SKILL_IMPORT_USAGE = 'foundry skills import FOLDER [--json]   (a skill folder: SKILL.md, index.ts, manifest.json, config.schema.json, samples.json)';

export async function runSkillImport(args: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length !== 1) {
    io.err(`foundry skills import: expected one FOLDER.\nusage: ${SKILL_IMPORT_USAGE}`);
    return EXIT.badInput;
  }
  const folder = positionals[0]!;
  let generator: SkillGenerator;
  let need: SkillNeed;
  try {
    const candidate = importSkillFolder(folder, { ownerAuthored: true });
    generator = { id: 'import', generate: async () => candidate };
    need = {
      kind: 'tracker', subject: candidate.manifest.name, subjectKey: candidate.manifest.slug, unit: null, cadence: { type: 'none' }, language: 'en',
      source: 'import', text: `imported from ${folder}`.slice(0, 500),
    };
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    if (values.json) io.out(JSON.stringify({ ok: false, error: { code: error.code, message: error.userMessage, details: error.details } }, null, 2));
    else io.err([`foundry skills import: ${error.userMessage.en}`, `  pl: ${error.userMessage.pl}`, ...error.details.map((detail) => `  - ${detail}`)].join('\n'));
    return EXIT.badInput;
  }
  return withEngine(io, values.json, async (engine) => {
    const onStep = values.json ? undefined : (step: { status: string; step: string; summary: { en: string } }) => io.out(`${step.status === 'ok' ? '✓' : '✗'} ${step.step.padEnd(8)} ${step.summary.en}`);
    // One attempt: an imported skill is what the owner wrote; nothing may repair it behind their back.
    const result = await engine.skills.generate(need, 'owner', { generator, maxAttempts: 1, ...(onStep ? { onStep } : {}) });
    const exit = reportPipeline(io, values.json, result, 'en');
    // The owner wrote this skill: show them what the audit found, line by line, to fix it.
    const audit = result.steps.findLast((step) => step.step === 'audit')?.data as { findings?: AuditFinding[] } | undefined;
    if (!values.json && result.outcome === 'failed') {
      for (const f of audit?.findings ?? []) io.err(`  ${f.severity} ${f.rule} (line ${f.line}, column ${f.column}): ${f.message.en}`);
    }
    return exit;
  });
}
