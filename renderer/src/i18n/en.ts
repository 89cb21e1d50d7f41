import { reviewEn } from './review.ts';
import { workbenchEn } from './workbench.ts';
import { configEn } from './config.ts';
import { notificationsEn } from './notifications.ts';
import { schedulesEn } from './schedules.ts';
import { todayEn } from './today.ts';
import { consentsEn } from './consents.ts';
import { skillSettingsEn } from './skill-settings.ts';
import { shellEn } from './shell.ts';
import { dependenciesEn } from './dependencies.ts';
import { marketplaceEn } from './marketplace.ts';

// The English catalogue: the reference set of keys. `{name}` marks a parameter filled in by t().
export const en = {
  'app.name': 'Skill Foundry',
  'app.version': 'Version {version}',
  'app.loadingInfo': 'Connecting to the engine…',

  'counts.label': 'Summary',
  'counts.skills': 'Skills',
  'counts.pendingReviews': 'Awaiting review',
  'counts.executions': 'Executions',
  'counts.auditEntries': 'Audit entries',

  'nav.label': 'Sections',
  'nav.reviews': 'Review queue',
  'nav.skills': 'Skills',
  'nav.activity': 'Activity',
  'nav.settings': 'Settings',
  'nav.pending': '({count} awaiting review)',

  'action.refresh': 'Refresh',
  'action.retry': 'Try again',
  'state.loading': 'Loading…',
  'error.title': 'This could not be loaded',
  'error.unreachable': "The app's engine did not answer. Restart Skill Foundry; if this keeps happening, check the app's log.",

  'reviews.title': 'Review queue',
  'reviews.intro': 'New skill versions your assistant proposed. Each waits 24 hours for your decision and is rejected automatically after that.',
  'reviews.col.skill': 'Skill',
  'reviews.col.version': 'Version',
  'reviews.col.hash': 'Content hash',
  'reviews.col.created': 'Proposed',
  'reviews.col.expires': 'Expires',
  'reviews.col.audit': 'Audit',
  'reviews.expired': 'expired',
  'reviews.noExpiry': 'no deadline',
  'reviews.hashTitle': 'SHA-256 of the exact code you approve: {hash}',
  'reviews.findings': 'Findings: {count}',
  'reviews.empty.title': 'No skills wait for review',
  'reviews.empty.body': 'When your assistant proposes a new skill, it appears here for you to inspect and approve.',

  'verdict.pass': 'Passed',
  'verdict.warn': 'Passed with warnings',
  'verdict.block': 'Blocked',
  'verdict.none': 'Not audited yet',

  'skills.title': 'Skills',
  'skills.intro': 'Skills your assistant can use, with the version in use and how often each ran.',
  'skills.col.name': 'Name',
  'skills.col.slug': 'Identifier',
  'skills.col.status': 'Status',
  'skills.col.activeVersion': 'Active version',
  'skills.col.usage': 'Runs',
  'skills.col.lastRun': 'Last run',
  'skills.noActiveVersion': 'none',
  'skills.neverRun': 'never',
  'skills.empty.title': 'No skills yet',
  'skills.empty.body': 'A skill appears here once your assistant proposes it. Ask for something new, for example “I want to track how much water I drink”, then review it in the review queue.',

  'skillStatus.pending': 'Waiting for approval',
  'skillStatus.active': 'Active',
  'skillStatus.archived': 'Archived',
  'skillStatus.rejected': 'Rejected',

  'activity.title': 'Activity',
  'activity.intro': 'Every run of a skill and every entry of the tamper-evident audit log, newest first.',
  'activity.show': 'Show',
  'activity.executions': 'Executions',
  'activity.audit': 'Audit log',
  'activity.total': 'Total: {count}',

  'executions.col.started': 'Started',
  'executions.col.skill': 'Skill',
  'executions.col.version': 'Version',
  'executions.col.action': 'Action',
  'executions.col.trigger': 'Trigger',
  'executions.col.status': 'Result',
  'executions.col.duration': 'Duration',
  'executions.duration': '{ms} ms',
  'executions.empty.title': 'No executions yet',
  'executions.empty.body': 'Each run of a skill, on demand, on a schedule or on a trigger, is recorded here with its result and fingerprints of its input and output.',

  'executionStatus.succeeded': 'Succeeded',
  'executionStatus.failed': 'Failed',

  'audit.col.seq': 'No.',
  'audit.col.at': 'Time',
  'audit.col.event': 'Event',
  'audit.col.actor': 'By',
  'audit.col.skill': 'Skill',
  'audit.col.hash': 'Entry hash',
  'audit.empty.title': 'The audit log is empty',
  'audit.empty.body': 'Every change, such as a proposed skill, an approval or a new setting, is written here and chained by hash, so nothing can be altered unnoticed.',

  'actor.owner': 'You',
  'actor.assistant': 'Assistant',
  'actor.scheduler': 'Scheduler',
  'actor.system': 'System',

  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'Same as the system ({language})',
  'settings.language.hint': 'Applies at once and is remembered.',
  'settings.saving': 'Saving…',
  'settings.saved': 'Saved.',
  'settings.about': 'About this installation',
  'settings.version': 'App version',
  'settings.dataDir': 'Data directory',
  'settings.databaseFile': 'Database file',
  'settings.schemaVersion': 'Database schema version',

  'sandbox.title': 'Sandbox',
  'sandbox.intro': 'Skills run in isolates inside a separate Node.js 24 process that inherits nothing from the app: no environment, no files, no secrets.',
  'sandbox.status': 'Status',
  'sandbox.state.not-started': 'Not started yet: it starts with the first run.',
  'sandbox.state.starting': 'Starting…',
  'sandbox.state.ready': 'Ready: Node {version} passed the start-up check.',
  'sandbox.state.failed': 'Skills cannot run.',
  'sandbox.runtime': 'Node runtime',
  'sandbox.noRuntime': 'none found',
  'sandbox.source.FOUNDRY_NODE': 'chosen with FOUNDRY_NODE',
  'sandbox.source.bundled': 'shipped with the app',
  'sandbox.source.npm': 'the Node that runs npm',
  'sandbox.source.path': 'the first node on PATH',
  'sandbox.source.current': 'this process',
  'sandbox.cannotRun': 'Skills cannot run right now',
  ...reviewEn,
  ...workbenchEn,
  ...configEn,
  ...notificationsEn,
  ...schedulesEn,
  ...todayEn,
  ...consentsEn,
  ...skillSettingsEn,
  ...shellEn,
  ...dependenciesEn,
  ...marketplaceEn,
} as const satisfies Record<string, string>;

export type MessageKey = keyof typeof en;
export type Catalogue = Record<MessageKey, string>;
