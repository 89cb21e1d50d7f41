// Bounds on triggers and the assistant's events, and why each exists. Triggers are matched on main,
// while the request that reported the event waits for its 202, against text the assistant chooses:
// every bound below keeps that matching small and linear, whatever a manifest or an event holds.

/** Entries of onMessage and of onToolUse, each: every entry is a line of the disclosure the owner reads. */
export const MAX_TRIGGER_ENTRIES = 8;
/** Phrases plus patterns of one onMessage entry, and tools of one onToolUse entry. */
export const MAX_MATCHERS_PER_ENTRY = 16;
/** A phrase: a few words someone says, not a text. */
export const MAX_PHRASE_LENGTH = 100;
/** A pattern's source, as the owner reads it in the disclosure. */
export const MAX_PATTERN_LENGTH = 200;
/**
 * RE2's matching cost is its program's size times the text's length; this size lets even the
 * longest message be checked against one pattern within MATCH_WORK_PER_EVENT.
 */
export const MAX_PATTERN_PROGRAM_SIZE = 250;
/** Matching work (program size × characters) for all skills' patterns on one message, ≈ 50–75 ms at worst; patterns past it do not match. */
export const MATCH_WORK_PER_EVENT = 1_000_000;
/** A tool's name, as MCP and the assistants name tools. */
export const MAX_TOOL_NAME_LENGTH = 100;
/** Fixed params of a trigger, as JSON: settings-sized, not data. */
export const MAX_TRIGGER_PARAMS_BYTES = 4 * 1024;

/** A reported message's text: a conversation turn; longer text is refused (400), never cut. */
export const MAX_EVENT_TEXT_LENGTH = 4000;
/** Events kept: the newest this many, none older than EVENT_RETENTION_DAYS (the detectors look back 30 days). */
export const MAX_STORED_EVENTS = 10_000;
export const EVENT_RETENTION_DAYS = 90;

/** Firings running at once; each also takes the registry's execution slots, so this only bounds what waits in main. */
export const FIRING_CONCURRENCY = 4;
/** Firings waiting to start; a burst beyond it is dropped (audited), never queued without end. */
export const MAX_QUEUED_FIRINGS = 64;
