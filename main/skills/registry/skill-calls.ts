// Skills calling skills (seed 004): foundry.skills.call from code and `function` actions alike come
// here. The callee runs through the registry as an execution of its own — its own approved
// capabilities, data, settings and secrets; the caller lends it nothing and gains nothing from it
// but the callee's answer. A call happens only when:
// - the caller's approved manifest names the target in `dependencies` (what the owner saw);
// - the target resolves to something that may run now (a capability name to its one provider);
// - the chain stays at most MAX_CALL_DEPTH calls deep (each call is a whole execution: a deeper
//   chain multiplies the work one request starts) and never returns to a skill already in it (a
//   cycle would wait on itself: each version runs one execution at a time);
// - time is left: the whole chain shares the first caller's deadline, so a callee's time limit is
//   the smaller of its own and what is left.
// Every refusal says why, in both languages; the callee's execution is recorded with
// `triggeredBy: custom-caller@v1.2.0`.
import { CodedError } from '../../../shared/coded-error.ts';
import type { IModExecutor } from '../../../shared/skills/mod-types.ts';
import type { CallSkill, SkillCallContext } from '../actions/index.ts';
import type { FoundryStore } from '../../store/index.ts';
import { ActionParamsError } from '../../mods/checked-params.ts';
import type { SkillCallAnswerer } from '../sandbox/index.ts';
import { SHORTEST_TIMEOUT_MS } from '../sandbox/limits.ts';
import type { JsonValue } from '../sandbox/json-guards.ts';
import { LOCAL_TENANT, type ExecutionContext } from './execution-context.ts';
import { SkillExecutionError } from './skill-execution-error.ts';
import { dependenciesOf, describeDependencyProblem, MAX_CALL_DEPTH, targetOf, type DependencyCatalog, type DependencyProblem } from './skill-dependencies.ts';

export type SkillCallRefusalCode = 'undeclared' | 'unavailable' | 'too-deep' | 'cycle' | 'out-of-time' | 'params-refused' | 'callee-failed';

/** A call that did not happen (or whose callee failed); `userMessage` says why. */
export class SkillCallError extends CodedError<SkillCallRefusalCode> {
  override name = 'SkillCallError';
}

export interface SkillCallDeps {
  store: Pick<FoundryStore, 'versions'>;
  catalog: DependencyCatalog;
  /** Whether `slug` may run now, its own dependencies included; a problem otherwise. */
  runProblem(slug: string): DependencyProblem | null;
  /** The registry's executor for `slug` under `context` (its execution's own rights). */
  executor(slug: string, context: ExecutionContext): Promise<IModExecutor | null>;
}

export function createSkillCalls(deps: SkillCallDeps) {
  const { catalog } = deps;

  const callSkill: CallSkill = async (context, target, action, params) => {
    const { caller } = context;
    const who = caller?.slug ?? 'this skill';
    if (caller) {
      const approved = deps.store.versions.get(caller.versionId);
      const declared = approved ? dependenciesOf(approved.manifest) : [];
      if (!declared.includes(target)) {
        throw new SkillCallError('undeclared', {
          en: `${who} may call only the skills its approved manifest lists in dependencies, and ${target} is not one of them.`,
          pl: `${who} może wywoływać tylko skille wymienione w zależnościach (dependencies) zatwierdzonego manifestu, a ${target} do nich nie należy.`,
        });
      }
    }
    const resolved = targetOf(catalog, target);
    if (!resolved.ok) throw unavailable(who, resolved.problem);
    const { slug } = resolved;
    if (context.depth + 1 > MAX_CALL_DEPTH) {
      throw new SkillCallError('too-deep', {
        en: `${who} cannot call ${slug}: a chain of skill calls may be at most ${MAX_CALL_DEPTH} calls deep (${context.chain.join(' → ')}).`,
        pl: `${who} nie może wywołać ${slug}: łańcuch wywołań skilli może mieć najwyżej ${MAX_CALL_DEPTH} poziomy (${context.chain.join(' → ')}).`,
      });
    }
    if (context.chain.includes(slug)) {
      const loop = [...context.chain, slug].join(' → ');
      throw new SkillCallError('cycle', { en: `${who} cannot call ${slug}: the calls would go round in a circle (${loop}).`, pl: `${who} nie może wywołać ${slug}: wywołania zatoczyłyby koło (${loop}).` });
    }
    if (context.deadline - Date.now() < SHORTEST_TIMEOUT_MS) {
      throw new SkillCallError('out-of-time', { en: `${who} cannot call ${slug}: the time for this run is up.`, pl: `${who} nie może wywołać ${slug}: czas tego uruchomienia minął.` });
    }
    const problem = deps.runProblem(slug);
    if (problem) throw unavailable(who, problem);
    const executor = await deps.executor(slug, {
      actor: context.actor,
      trigger: context.trigger,
      call: {
        depth: context.depth + 1,
        chain: [...context.chain, slug],
        deadline: context.deadline,
        triggeredBy: caller ? `${caller.slug}@v${caller.version}` : null,
      },
    });
    if (!executor) throw unavailable(who, { kind: 'unavailable', name: slug, reason: 'not-deployed' });
    try {
      return await executor.executeAction(LOCAL_TENANT, action, params);
    } catch (error) {
      if (error instanceof ActionParamsError) throw new SkillCallError('params-refused', error.userMessage);
      if (error instanceof SkillExecutionError) {
        throw new SkillCallError('callee-failed', {
          en: `${slug} failed (execution #${error.execution.id}): ${error.userMessage.en}`,
          pl: `${slug} nie powiódł się (wykonanie #${error.execution.id}): ${error.userMessage.pl}`,
        });
      }
      throw error;
    }
  };

  /** foundry.skills.call for one execution of `caller`: the answer, or why there is none, in English (the skill reads it). */
  function answererFor(caller: NonNullable<SkillCallContext['caller']>, context: ExecutionContext): SkillCallAnswerer {
    return async (request, deadline) => {
      const chainContext = callContextFor(caller, context, deadline);
      try {
        const result = await callSkill(chainContext, request.skill, request.action, request.params);
        return { ok: true, result: result as unknown as JsonValue };
      } catch (error) {
        if (error instanceof SkillCallError) return { ok: false, message: `foundry.skills.call: ${error.userMessage.en}` };
        throw error;
      }
    };
  }

  return { callSkill, answererFor };
}

/**
 * A call made by an execution of `caller`: one more step of its chain when it is itself a callee
 * (its depth, its skills, its never later deadline), else the first step, ending by `deadline`.
 */
export function callContextFor(caller: NonNullable<SkillCallContext['caller']>, context: ExecutionContext, deadline: number): SkillCallContext {
  return {
    caller,
    depth: context.call?.depth ?? 0,
    chain: [...(context.call?.chain ?? [caller.slug])],
    deadline: Math.min(deadline, context.call?.deadline ?? deadline),
    actor: context.actor,
    trigger: context.trigger,
  };
}

function unavailable(who: string, problem: DependencyProblem): SkillCallError {
  const why = describeDependencyProblem(problem);
  return new SkillCallError('unavailable', { en: `${who} cannot make this call: it ${why.en}.`, pl: `${who} nie może wykonać tego wywołania: ${why.pl}.` });
}
