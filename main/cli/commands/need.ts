import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import type { SkillNeed } from '../../../shared/skills/need.ts';
import { parseSkillRequest } from '../../skills/detector/request-parser.ts';
import { describeCadence, KIND_NAMES } from '../../skills/detector/describe.ts';

const USAGE = 'foundry need TEXT [--json]';

/** The fields of a need as aligned lines, in both languages where they are words for a person. */
export function needLines(need: SkillNeed, indent = '  '): string[] {
  const cadence = describeCadence(need.cadence);
  return [
    `${indent}kind      ${need.kind} (${KIND_NAMES[need.kind].pl} / ${KIND_NAMES[need.kind].en})`,
    `${indent}subject   ${need.subject} (key: ${need.subjectKey})`,
    `${indent}unit      ${need.unit ?? '—'}`,
    `${indent}cadence   ${cadence.pl} / ${cadence.en}`,
    `${indent}language  ${need.language}`,
    ...(need.fields ? [`${indent}fields    ${need.fields.map((f) => `${f.key}${f.required ? '*' : ''}${f.unit ? ` (${f.unit})` : ''}`).join(', ')}`] : []),
    ...(need.period ? [`${indent}period    ${PERIODS[need.period].pl} / ${PERIODS[need.period].en}`] : []),
    ...(need.threshold ? [`${indent}limit     ${limitText(need.threshold.direction, need.threshold.limit, need.unit)}`] : []),
    ...(need.timesPerDay ? [`${indent}per day   ${need.timesPerDay} razy dziennie / ${need.timesPerDay} times a day`] : []),
  ];
}

const PERIODS = {
  day: { pl: 'dzień', en: 'day' }, week: { pl: 'tydzień', en: 'week' }, month: { pl: 'miesiąc', en: 'month' }, year: { pl: 'rok', en: 'year' },
} as const;

function limitText(direction: 'above' | 'below', limit: number, unit: string | null): string {
  const amount = `${limit}${unit ? ` ${unit}` : ''}`;
  return direction === 'above' ? `powyżej ${amount} / above ${amount}` : `poniżej ${amount} / below ${amount}`;
}

export const needCommand: Command = {
  name: 'need',
  summary: 'Read a sentence (Polish or English) as the skill it asks for',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length === 0) {
      io.err(`foundry need: give the sentence to read, e.g. foundry need "Chcę śledzić ile piję wody"\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    const result = parseSkillRequest(positionals.join(' '));
    if (values.json) {
      io.out(JSON.stringify(result, null, 2));
    } else if (result.isRequest) {
      io.out(['skill request / prośba o umiejętność', ...needLines(result.need), `  text      ${result.need.text}`].join('\n'));
    } else {
      const heading = 'clarify' in result ? 'one question first / najpierw pytanie' : 'not a skill request / to nie jest prośba o umiejętność';
      io.out([heading, `  pl: ${result.reason.pl}`, `  en: ${result.reason.en}`].join('\n'));
    }
    return result.isRequest ? EXIT.ok : EXIT.failed;
  },
};
