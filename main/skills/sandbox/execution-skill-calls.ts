// One execution's foundry.skills.call: checks the call the isolate sent (it proves nothing), bounds
// how many one execution makes, steps the execution's slot aside while the callee runs (the callee
// needs a slot of its own: a caller holding one while it waits could starve the very execution it
// waits for), and hands the call to main's answerer (the registry's skill calls), which decides
// whether it may happen at all. A call that is refused or fails rejects inside the skill with the
// reason; none of this throws.
import { isBoundedString, isJsonValue, isRecord, parseJson, type JsonObject, type JsonValue } from './json-guards.ts';
import type { ExecutionSlot } from './execution-slots.ts';

export interface SkillCallRequest {
  /** A slug or a capability name (`water.log`), as the caller's manifest lists it in `dependencies`. */
  skill: string;
  action: string;
  params: JsonObject;
}

/** The callee's answer, or why there is none (in English: the skill reads it). */
export type SkillCallAnswer = { ok: true; result: JsonValue } | { ok: false; message: string };

/** Main's side of a call: `deadline` is the calling execution's (Date.now() by which it must be over). */
export type SkillCallAnswerer = (request: SkillCallRequest, deadline: number) => Promise<SkillCallAnswer>;

/** More would mean a skill fanning out work it could ask for once; each call is a whole execution. */
export const MAX_SKILL_CALLS_PER_EXECUTION = 20;

const NAME_CHARS = 200;

export interface ExecutionSkillCallsSession {
  /** Answers one call from the isolate (JSON text) with the reply text. */
  handle(requestJson: string): Promise<string>;
}

export function openExecutionSkillCalls(options: {
  /** Absent: every call is refused (a dry run, or a sandbox used without the registry). */
  answer: SkillCallAnswerer | undefined;
  deadline: number;
  whileWaiting?: Pick<ExecutionSlot, 'pause' | 'resume'>;
}): ExecutionSkillCallsSession {
  const { answer, deadline, whileWaiting } = options;
  let started = 0;
  return {
    async handle(requestJson) {
      const request = parseRequest(requestJson);
      if (!request) return refusal('foundry.skills.call: give the skill and the action as text and params as a JSON object.');
      if (!answer) return refusal('foundry.skills.call: skills call other skills only once approved (not in a dry run).');
      if (started >= MAX_SKILL_CALLS_PER_EXECUTION) return refusal(`foundry.skills.call: at most ${MAX_SKILL_CALLS_PER_EXECUTION} calls per execution.`);
      started += 1;
      whileWaiting?.pause();
      let answered: SkillCallAnswer;
      try {
        answered = await answer(request, deadline);
      } catch {
        answered = { ok: false, message: 'foundry.skills.call: the call could not be answered.' };
      } finally {
        await whileWaiting?.resume();
      }
      return answered.ok ? JSON.stringify({ data: answered.result, error: null }) : refusal(answered.message);
    },
  };
}

function parseRequest(json: string): SkillCallRequest | null {
  const value = parseJson(json);
  if (!isRecord(value)) return null;
  const { skill, action, params } = value;
  if (!isBoundedString(skill, NAME_CHARS) || skill.length === 0 || !isBoundedString(action, NAME_CHARS) || action.length === 0) return null;
  if (!isRecord(params) || !isJsonValue(params)) return null;
  return { skill, action, params: params as JsonObject };
}

function refusal(message: string): string {
  return JSON.stringify({ data: null, error: { message } });
}
