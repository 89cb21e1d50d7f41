// Triggers and the assistant's events (issue 13 §2): what starts a skill by itself, and the
// reports (messages, tool uses, sessions) that start it.
export { createTriggerEngine, type TriggerEngine, type EventReport, type Firing, type TriggerListing } from './trigger-engine.ts';
export { checkedEvent, EventInputError, MESSAGE_EVENT_BODY, TOOL_USE_EVENT_BODY, SESSION_EVENT_BODY, type EventRoute } from './event-input.ts';
