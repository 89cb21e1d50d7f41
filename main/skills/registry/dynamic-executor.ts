// A generated skill as an IModExecutor: every method runs the approved version's code in the
// sandbox; params are checked against the version's own action schemas in main first, so a skill
// never sees params its schema refuses.
import type { SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { CustomModSlug, IModExecutor, ModAction, ModActionResult, ModInsight } from '../../../shared/skills/mod-types.ts';
import { assertActionParams } from '../../mods/checked-params.ts';
import { sandboxFailure } from '../sandbox/errors.ts';
import type { ExecutionOutcome, SkillCall } from '../sandbox/index.ts';
import { isRecord, type JsonValue } from '../sandbox/json-guards.ts';
import { SkillExecutionError } from './skill-execution-error.ts';

export type RunSkillCall = (call: SkillCall) => Promise<ExecutionOutcome>;

export class DynamicSkillExecutor implements IModExecutor {
  readonly slug: CustomModSlug;
  /** The approved, active version this executor runs. */
  readonly version: SkillVersionRecord;
  readonly #actions: readonly ModAction[];
  readonly #run: RunSkillCall;

  /** `actions` is what this version's getActions() answered in the sandbox. */
  constructor(version: SkillVersionRecord, actions: readonly ModAction[], run: RunSkillCall) {
    this.slug = version.manifest.slug;
    this.version = version;
    this.#actions = actions;
    this.#run = run;
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

  /** Throws ActionParamsError (nothing runs) for params the action's schema refuses. */
  async executeAction(tenantId: string, action: string, params: Record<string, unknown>): Promise<ModActionResult> {
    assertActionParams(this.#actions, action, params);
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
