import { parseArgs } from 'node:util';
import { EXIT, type Command, type CommandIo } from '../command.ts';
import { withEngine } from '../with-engine.ts';
import { ServiceError } from '../../skills/service-error.ts';
import { notificationText, type NotificationRecord } from '../../../shared/contract/notification-records.ts';

const USAGE = 'foundry notifications [--unread] [--json] | notifications read ID... | notifications read --all';

/** As the owner: what approved skills sent with foundry.notify, newest first; marking read is the owner's. */
export const notificationsCommand: Command = {
  name: 'notifications',
  summary: 'List what approved skills notified you of, or mark notifications read',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, unread: { type: 'boolean', default: false }, all: { type: 'boolean', default: false } },
    });
    const [sub, ...ids] = positionals;
    const reading = sub === 'read';
    const valid = reading
      ? !values.unread && (values.all ? ids.length === 0 : ids.length > 0 && ids.every((id) => /^[1-9][0-9]{0,14}$/.test(id)))
      : sub === undefined && !values.all;
    if (!valid) {
      io.err(`foundry notifications: expected no argument, or read followed by notification numbers or --all.\nusage: ${USAGE}`);
      return EXIT.badInput;
    }
    return withEngine(io, values.json, (engine) => {
      const { service } = engine;
      try {
        if (reading) {
          const result = service.markNotificationsRead('owner', values.all ? 'all' : ids.map(Number));
          io.out(values.json ? JSON.stringify(result, null, 2) : `${result.marked} marked read`);
        } else {
          const list = service.listNotifications('owner', { unreadOnly: values.unread });
          io.out(values.json ? JSON.stringify(list, null, 2) : [`${list.unread} unread`, ...list.items.flatMap(lines)].join('\n'));
        }
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof ServiceError)) throw error;
        return reportError(io, values.json, error);
      }
    });
  },
};

/** One notification: a skill's own words as written; a held-back notice in both languages. */
function lines(n: NotificationRecord): string[] {
  const { title, body } = notificationText(n);
  const head = `#${n.id} ${n.readAt ? ' ' : '*'} ${n.createdAt}  ${n.skillName} (${n.skillSlug} v${n.version})`;
  const text = n.kind === 'skill' ? [`    ${title.en}: ${body.en}`] : [`    ${title.en}: ${body.en}`, `    pl: ${title.pl}: ${body.pl}`];
  return [head, ...text];
}

function reportError(io: CommandIo, json: boolean, error: ServiceError): number {
  if (json) io.out(JSON.stringify({ ok: false, error }, null, 2));
  else io.err(`foundry notifications: ${error.userMessage.en}${error.details.length ? ` (${error.details.join(', ')})` : ''}\n  pl: ${error.userMessage.pl}`);
  return error.code === 'bad-request' ? EXIT.badInput : EXIT.failed;
}
