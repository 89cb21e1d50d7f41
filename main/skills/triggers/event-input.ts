// The assistant's event reports, as JSON Schemas (the API checks bodies with them and publishes
// them in its OpenAPI document) and as one check the service runs for every entry point, the API
// and `foundry events` alike. What passes is stored exactly as sent: nothing is added to it.
import type { Localized } from '../../../shared/i18n-types.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import { createStrictAjv, describeSchemaErrorsInBoth } from '../../json-schema.ts';
import { HISTORY_ROLES, parseIsoDate } from '../detector/history.ts';
import type { ReportedEvent } from '../../store/repositories/assistant-events.ts';
import { MAX_EVENT_TEXT_LENGTH, MAX_TOOL_NAME_LENGTH } from './trigger-limits.ts';

const at: JsonSchema = {
  type: 'string',
  minLength: 10,
  maxLength: 40,
  pattern: '^\\d{4}-\\d{2}-\\d{2}',
  description: 'When it happened, ISO 8601 (2026-03-02T08:15:00+01:00); the calendar day as written is the person’s day.',
};
const object = (properties: Record<string, JsonSchema>) => ({ type: 'object', additionalProperties: false, required: Object.keys(properties), properties });

export const MESSAGE_EVENT_BODY: JsonSchema = {
  ...object({
    role: { type: 'string', enum: [...HISTORY_ROLES], description: 'Only the person’s own messages (user) fire triggers; every role feeds the history.' },
    text: { type: 'string', minLength: 1, maxLength: MAX_EVENT_TEXT_LENGTH, examples: ['Wypiłem właśnie szklankę wody'] },
    at,
  }),
  description: 'A message of the conversation, as the assistant saw it.',
};

export const TOOL_USE_EVENT_BODY: JsonSchema = {
  ...object({
    tool: { type: 'string', minLength: 1, maxLength: MAX_TOOL_NAME_LENGTH, pattern: '^[A-Za-z0-9_.:/-]+$', examples: ['calendar.create_event'] },
    at,
  }),
  description: 'A tool the assistant used (its name only, never its arguments).',
};

export const SESSION_EVENT_BODY: JsonSchema = {
  ...object({ kind: { type: 'string', enum: ['start', 'end'] }, at }),
  description: 'A conversation with the assistant started or ended.',
};

export type EventRoute = 'message' | 'tool-use' | 'session';
const SCHEMAS: Record<EventRoute, JsonSchema> = { message: MESSAGE_EVENT_BODY, 'tool-use': TOOL_USE_EVENT_BODY, session: SESSION_EVENT_BODY };

const ajv = createStrictAjv();
const checks = Object.fromEntries(Object.entries(SCHEMAS).map(([route, schema]) => [route, ajv.compile(schema)]));

export class EventInputError extends Error {
  readonly userMessage: Localized;
  readonly details: string[];

  constructor(userMessage: Localized, details: string[] = []) {
    super(userMessage.en);
    this.name = 'EventInputError';
    this.userMessage = userMessage;
    this.details = details;
  }
}

/** The event to store, or an EventInputError naming every problem (in English and Polish). */
export function checkedEvent(route: EventRoute, body: unknown): ReportedEvent {
  const validate = checks[route]!;
  if (!validate(body)) {
    // Named as the sender wrote them ("role", not "/role"), with the values an enum allows.
    const allowed = (validate.errors ?? []).map((e) => (e.keyword === 'enum' ? ` (${(e.params as { allowedValues: string[] }).allowedValues.join(', ')})` : ''));
    const { en, pl } = describeSchemaErrorsInBoth(validate.errors, 'body');
    const said = (lines: string[]) => lines.map((line, i) => `${line.replace(/^\//, '')}${allowed[i] ?? ''}`).join('; ');
    throw new EventInputError({ en: `The ${route} event is malformed: ${said(en)}.`, pl: `Zdarzenie ${route} jest niepoprawne: ${said(pl)}.` }, en);
  }
  const fields = body as Record<string, string>;
  if (parseIsoDate(fields.at!) === null) {
    throw new EventInputError({
      en: `“at” is not a valid date: “${fields.at}” (expected ISO 8601, e.g. 2026-03-02T08:15:00+01:00).`,
      pl: `„at” nie jest poprawną datą: „${fields.at}” (oczekiwano ISO 8601, np. 2026-03-02T08:15:00+01:00).`,
    });
  }
  const when = fields.at!;
  if (route === 'message') return { kind: 'message', role: fields.role as Extract<ReportedEvent, { kind: 'message' }>['role'], text: fields.text!, at: when };
  if (route === 'tool-use') return { kind: 'tool-use', tool: fields.tool!, at: when };
  return { kind: fields.kind === 'start' ? 'session-start' : 'session-end', at: when };
}
