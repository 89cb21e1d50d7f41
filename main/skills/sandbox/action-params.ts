// An action's params are checked in main against the `params_schema` the skill declares, before
// the sandbox is asked to run it: a skill never sees params its own schema refuses.
import type { ModAction } from '../../../shared/skills/mod-types.ts';
import { compileUntrustedSchema, describeSchemaErrors } from '../../json-schema.ts';

export type ParamsCheck = { ok: true } | { ok: false; problems: string[] };

/** `actions` is what the skill's getActions() returned: untrusted data, checked here too. */
export function checkActionParams(actions: unknown, action: string, params: Record<string, unknown>): ParamsCheck {
  if (!Array.isArray(actions)) return { ok: false, problems: ['the skill did not list its actions'] };
  const definition = (actions as Partial<ModAction>[]).find((a) => a && typeof a === 'object' && a.slug === action);
  if (!definition) return { ok: false, problems: [`the skill has no action “${action}”`] };
  const compiled = compileUntrustedSchema(definition.params_schema);
  if (!compiled.ok) return { ok: false, problems: [`the action's params_schema does not compile: ${compiled.error.en}`] };
  return compiled.validate(params) ? { ok: true } : { ok: false, problems: describeSchemaErrors(compiled.validate.errors, '(params)') };
}
