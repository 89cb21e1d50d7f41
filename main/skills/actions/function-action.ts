// `function` actions (seed 004 §3): composition without code. The manifest names another skill's
// (or a built-in mod's) action and the params to send, where `{{params.x}}` stands for the value the
// action itself was given. Filling is structural: a string that is exactly one placeholder becomes
// the value with its own type (a number stays a number, a list a list), and a placeholder inside
// longer text becomes that value as text — only a text, number or boolean can be, so no object is
// ever flattened into a string by accident. Nothing is evaluated; the call then goes through the
// registry's skill calls (main/skills/registry/skill-calls.ts) like foundry.skills.call, with every
// check that applies there (declared dependency, depth, cycle, shared deadline, own rights).
import type { Localized } from '../../../shared/i18n-types.ts';
import type { FunctionActionSpec, ManifestAction } from '../../../shared/skills/actions.ts';
import { PARAM_PLACEHOLDER } from '../../../shared/skills/actions.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { ModActionResult } from '../../../shared/skills/mod-types.ts';
import type { CallSkill, SkillCallContext } from '../registry/skill-calls.ts';

export type FunctionAction = Extract<ManifestAction, { type: 'function' }>;

/** A template deeper than this is not a params object anyone writes by hand. */
const MAX_TEMPLATE_DEPTH = 16;

/** Params that cannot be filled in: the action is refused and nothing runs. */
export class FunctionParamsError extends Error {
  readonly problems: string[];
  readonly userMessage: Localized;

  constructor(problems: string[]) {
    const list = problems.join('; ');
    super(`The function action's params could not be filled in: ${list}`);
    this.name = 'FunctionParamsError';
    this.problems = problems;
    this.userMessage = {
      en: `The parameters for the other skill could not be filled in, so nothing ran: ${list}`,
      pl: `Nie udało się uzupełnić parametrów dla drugiego skilla, więc nic nie zostało uruchomione: ${list}`,
    };
  }
}

/** The manifest's `function` action named `action`, if there is one. */
export function functionActionOf(manifest: SkillManifest, action: string): FunctionAction | null {
  const found = (manifest.actions ?? []).find((a) => a.slug === action && a.type === 'function');
  return (found as FunctionAction | undefined) ?? null;
}

/** The callee's params: the spec's template with `{{params.x}}` filled from `params`. */
export function fillFunctionParams(spec: FunctionActionSpec, params: Record<string, unknown>): Record<string, unknown> {
  const problems: string[] = [];
  const fill = (template: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_TEMPLATE_DEPTH) {
      problems.push(`${path} is nested more than ${MAX_TEMPLATE_DEPTH} levels deep`);
      return null;
    }
    if (typeof template === 'string') return fillText(template, path);
    if (Array.isArray(template)) return template.map((item, i) => fill(item, `${path}[${i}]`, depth + 1)).filter((item) => item !== undefined);
    if (template !== null && typeof template === 'object') {
      const filled: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(template)) {
        const item = fill(value, `${path}.${key}`, depth + 1);
        if (item !== undefined) filled[key] = item;
      }
      return filled;
    }
    return template;
  };
  const fillText = (template: string, path: string): unknown => {
    const whole = new RegExp(`^${PARAM_PLACEHOLDER.source}$`).exec(template);
    // A whole-value placeholder for a param not given leaves the key out: optional params stay optional.
    if (whole) return Object.hasOwn(params, whole[1]!) ? params[whole[1]!] : undefined;
    return template.replace(new RegExp(PARAM_PLACEHOLDER.source, 'g'), (_match, name: string) => {
      const value = Object.hasOwn(params, name) ? params[name] : undefined;
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      problems.push(value === undefined ? `${path} needs the param ${name}, which was not given` : `${path} puts the param ${name} inside text, but it is not a text, number or true/false`);
      return '';
    });
  };
  const filled = fill(spec.params ?? {}, 'params', 0) as Record<string, unknown>;
  if (problems.length > 0) throw new FunctionParamsError(problems);
  return filled;
}

/** Runs a `function` action: fills its params and calls its skill's action for `context.caller`. */
export function runFunctionAction(action: FunctionAction, params: Record<string, unknown>, callSkill: CallSkill, context: SkillCallContext): Promise<ModActionResult> {
  const spec = action.function;
  return callSkill(context, spec.skill, spec.action, fillFunctionParams(spec, params));
}
