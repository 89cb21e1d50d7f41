import { initial } from './001-initial.ts';
import { skillData } from './002-skill-data.ts';
import { suggestions } from './003-suggestions.ts';
import { approvalSecurity } from './004-approval-security.ts';
import { sealedSecrets } from './005-sealed-secrets.ts';
import { registry } from './006-registry.ts';
import { integrity } from './007-integrity.ts';
import { notifications } from './008-notifications.ts';
import { skillSettings } from './009-skill-settings.ts';
import { executionHttp } from './010-execution-http.ts';
import { consents } from './011-consents.ts';
import { executionCallers } from './012-execution-callers.ts';
import { shellActions } from './013-shell-actions.ts';
import { schedules } from './014-schedules.ts';
import { assistantEvents } from './015-assistant-events.ts';
import { modelKeys } from './016-model-keys.ts';
import { marketplace } from './017-marketplace.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** In order; a migration, once released, never changes: add a new one instead. */
export const MIGRATIONS: readonly Migration[] = [initial, skillData, suggestions, approvalSecurity, sealedSecrets, registry, integrity, notifications, skillSettings, executionHttp, consents, executionCallers, shellActions, schedules, assistantEvents, modelKeys, marketplace];

// The last migration's number, not the list's length: parallel branches reserve numbers, so a
// list may have a gap until they meet.
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
