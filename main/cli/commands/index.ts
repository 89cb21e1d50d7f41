import type { Command } from '../command.ts';
import { statusCommand } from './status.ts';
import { auditLogCommand } from './audit-log.ts';
import { needCommand } from './need.ts';
import { suggestCommand } from './suggest.ts';
import { auditCommand } from './audit.ts';
import { runCommand } from './run.ts';
import { generateCommand } from './generate.ts';
import { generatorCommand } from './generator.ts';
import { skillsCommand } from './skills.ts';
import { tokenCommand } from './token.ts';
import { notificationsCommand } from './notifications.ts';
import { consentsCommand } from './consents.ts';
import { schedulesCommand } from './schedules.ts';
import { createServeCommand } from './serve.ts';
import { createMcpCommand } from './mcp.ts';
import { configCommand } from './config.ts';
import { executionsCommand } from './executions.ts';
import { eventsCommand } from './events.ts';
import { triggersCommand } from './triggers.ts';
import { createServiceBackend } from '../../api/service-backend.ts';
import { reviewCommand } from './review.ts';
import { approveCommand, rejectCommand, rollbackCommand } from './decide.ts';
import { totpCommand } from './totp.ts';
import { approvalPassphraseCommand } from './approval-passphrase.ts';
import { todayCommand } from './today.ts';
import { marketCommand } from './market.ts';

/** Every subcommand of `foundry`, in the order `foundry --help` lists them. */
export const COMMANDS: readonly Command[] = [
  statusCommand, auditLogCommand, needCommand, suggestCommand, auditCommand, runCommand, generateCommand, generatorCommand, skillsCommand, tokenCommand,
  configCommand,
  executionsCommand,
  notificationsCommand,
  consentsCommand,
  eventsCommand,
  triggersCommand,
  schedulesCommand,
  todayCommand,
  marketCommand,
  createServeCommand((engine) => createServiceBackend(engine.service)),
  createMcpCommand((engine) => createServiceBackend(engine.service)),
  // The owner without a window: review, decide on a terminal, set the factors up.
  reviewCommand, approveCommand, rejectCommand, rollbackCommand, totpCommand, approvalPassphraseCommand,
];
