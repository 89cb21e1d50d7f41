// A generated skill as an IModExecutor: every method runs the approved version's code in the
// sandbox, except declarative actions (http, function), which the registry runs without code.
// Params are checked against the version's own action schemas in main first, so a skill never sees
// params its schema refuses; then the action's policy admits the run (permissions, consent).
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { CustomModSlug, IModExecutor, ModAction, ModActionResult, ModInsight } from '../../../shared/skills/mod-types.ts';
import type { PlannedAction } from '../actions/index.ts';
import { assertActionParams } from '../../mods/checked-params.ts';
import { sandboxFailure } from '../sandbox/errors.ts';
import type { ExecutionOutcome, SkillCall } from '../sandbox/index.ts';
import { isRecord, type JsonValue } from '../sandbox/json-guards.ts';
import { SkillExecutionError } from './skill-execution-error.ts';

export type RunSkillCall = (call: SkillCall) => Promise<ExecutionOutcome>;

/** What the registry does around an action: its policy, and the actions that run without code. */
export interface ActionDispatch {
  /** Throws ActionRefusedError (nothing runs) unless this run may go ahead. */
  admit(action: PlannedAction, params: Record<string, unknown>): Promise<void>;
  /** Runs a declarative action (every type but `code`), recorded like any execution. */
  runDeclared(action: PlannedAction, params: Record<string, unknown>): Promise<ModActionResult>;
}

export class DynamicSkillExecutor implements IModExecutor {
  readonly slug: CustomModSlug;
  /** The approved, active version this executor runs. */
  readonly version: SkillVersionRecord;
  readonly #plan: readonly PlannedAction[];
  readonly #actions: readonly ModAction[];
  readonly #run: RunSkillCall;
  readonly #dispatch: ActionDispatch;

  /** `plan` is this version's actions (actions/action-plan.ts): its getActions() answer and its manifest's. */
  constructor(version: SkillVersionRecord, plan: readonly PlannedAction[], run: RunSkillCall, dispatch: ActionDispatch) {
    this.slug = version.manifest.slug;
    this.version = version;
    this.#plan = plan;
    this.#actions = plan.map((planned) => planned.action);
    this.#run = run;
    this.#dispatch = dispatch;
  }

  async getData(tenantId: string): Promise<Record<string, unknown>> {
    const { value, outcome } = await this.#call({ method: 'getData', tenantId });
    if (!isRecord(value)) throw new SkillExecutionError(sandboxFailure('invalid-output', 'getData did not return an object'), outcome.record);
    return value;
  }

  async getInsights(tenantId: string): Promise<ModInsight[]> {
    const { value, outcome } = await this.#call({ method: 'getInsights', tenantId });
    if (!Array.isArray(value)) throw new SkillExecutionError(sandboxFailure('invalid-output', 'getInsights did not return a list'), outcome.record);
    return value as unknown as ModInsight[];
  }

  /** Throws ActionParamsError for params the action's schema refuses, ActionRefusedError when its policy refuses the run: nothing runs. */
  async executeAction(tenantId: string, action: string, params: Record<string, unknown>): Promise<ModActionResult> {
    assertActionParams(this.#actions, action, params);
    const planned = this.#plan.find((candidate) => candidate.action.slug === action)!;
    await this.#dispatch.admit(planned, params);
    if (planned.type !== 'code') return this.#dispatch.runDeclared(planned, params);
    const { value, outcome } = await this.#call({ method: 'executeAction', tenantId, action, params });
    if (!isRecord(value) || typeof value.success !== 'boolean') {
      throw new SkillExecutionError(sandboxFailure('invalid-output', 'executeAction did not answer { success: true | false }'), outcome.record);
    }
    return value as unknown as ModActionResult;
  }

  getActions(): ModAction[] {
    return structuredClone([...this.#actions]);
  }

  async #call(call: SkillCall): Promise<{ value: JsonValue | undefined; outcome: ExecutionOutcome }> {
    const outcome = await this.#run(call);
    if (outcome.error) throw new SkillExecutionError(outcome.error, outcome.record);
    return { value: outcome.result, outcome };
  }
}
