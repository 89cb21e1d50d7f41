import { parseArgs } from 'node:util';
import { EXIT, type Command } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { notificationText } from '../../../shared/contract/notification-records.ts';
import type { TodayBoard, TodayCard } from '../../../shared/contract/today-records.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';

const USAGE = 'foundry today [--json]';
/** Days of the chart printed as text; --json has all of them. */
const DAYS_PRINTED = 7;
const INSIGHT_MARK = { info: '·', success: '✓', warning: '!', alert: '!!' } as const;

/** As the owner: the home view — what each active skill knows today (read through the sandbox, not counted as use). */
export const todayCommand: Command = {
  name: 'today',
  summary: 'What your skills know today: each active skill’s figures, insights and last days, what runs next, the latest notifications',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
    if (positionals.length > 0) {
      io.err(`foundry today: expected no argument.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, async (engine) => {
      const board = await engine.service.today('owner');
      io.out(values.json ? JSON.stringify(board, null, 2) : boardText(board));
      return EXIT.ok;
    });
  },
};

/** ` --params '{"amount_ml": …}'` with the action's required params, or nothing when it needs none. */
function paramsExample(action: ModAction): string {
  const required = Array.isArray(action.params_schema.required) ? action.params_schema.required.filter((name): name is string => typeof name === 'string') : [];
  return required.length === 0 ? '' : ` --params '{${required.map((name) => `"${name}": …`).join(', ')}}'`;
}

const figure = (value: number | string | boolean, unit: string | null = null) => `${String(value)}${unit ? ` ${unit}` : ''}`;

function cardLines(card: TodayCard): string[] {
  const lines = [`${card.name} (${card.slug}${card.version ? ` v${card.version}` : ''})`];
  if (card.problem) return [...lines, `  cannot be read: ${card.problem.en}`, `  pl: ${card.problem.pl}`];
  if (card.headline) lines.push(`  ${card.headline.key}: ${figure(card.headline.value, card.headline.unit)}`);
  if (card.figures.length > 0) lines.push(`  ${card.figures.map((f) => `${f.key} ${figure(f.value)}`).join(' · ')}`);
  for (const insight of card.insights) lines.push(`  ${INSIGHT_MARK[insight.type]} ${insight.title}: ${insight.message}`);
  if (card.chart) {
    const days = card.chart.points.slice(-DAYS_PRINTED).map((p) => `${p.date.slice(5)} ${p.value ?? '–'}`);
    lines.push(`  last ${DAYS_PRINTED} days${card.chart.unit ? ` (${card.chart.unit})` : ''}: ${days.join(' · ')}${card.chart.goal === null ? '' : `; goal ${card.chart.goal}`}`);
  }
  if (card.quickAction) lines.push(`  quick entry (${card.quickAction.name}): foundry skills run ${card.slug} ${card.quickAction.slug}${paramsExample(card.quickAction)}`);
  return lines;
}

function boardText(board: TodayBoard): string {
  const cards = board.cards.length === 0 ? ['No active skills yet: generate one with foundry generate, then approve it.'] : board.cards.flatMap((card) => [...cardLines(card), '']);
  const upcoming = board.upcoming.length === 0 ? ['  nothing scheduled'] : board.upcoming.map((run) => `  ${run.at}  ${run.skillName ?? run.skillSlug} → ${run.action}  (schedule #${run.scheduleId})`);
  const notifications = board.notifications.map((n) => {
    const { title, body } = notificationText(n);
    return `  ${n.readAt ? ' ' : '*'} ${n.createdAt}  ${n.skillName}: ${title.en}: ${body.en}`;
  });
  return [
    ...cards,
    'Coming up',
    ...upcoming,
    `Notifications (${board.unreadNotifications} unread)`,
    ...(notifications.length === 0 ? ['  none'] : notifications),
  ].join('\n');
}
