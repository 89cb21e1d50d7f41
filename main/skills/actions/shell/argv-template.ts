// A shell action's argv from its template (issue 12 §4). The command never meets a shell: each
// element is one argument, and `{{params.x}}` may only be a whole element, never part of one and
// never the executable — so no value can add an argument, glue itself to a flag, or choose what
// runs. The params were already checked against the action's params_schema. A value that starts
// with `-` would be read as an option by most programs (`--output=/etc/passwd`, `--upload-pack=…`):
// it is refused unless the template put a literal `--` element before it, the usual "options end
// here" marker, which makes the program read it as an operand.
import { PARAM_PLACEHOLDER } from '../../../../shared/skills/actions.ts';
import { TemplateRefusal } from '../http-template.ts';

const WHOLE_PLACEHOLDER = new RegExp(`^${PARAM_PLACEHOLDER.source}$`);
/** The kernel refuses NUL inside an argument; Node would throw. Refused with a reason instead. */
const NUL = '\u0000';

/** The param a whole-element placeholder names, or null for a literal element. */
export function wholePlaceholder(element: string): string | null {
  return WHOLE_PLACEHOLDER.exec(element)?.[1] ?? null;
}

/** Why the template breaks the rules above (for the audit), or null. */
export function argvTemplateProblem(command: readonly string[]): { index: number; kind: 'in-executable' | 'inside-element' } | null {
  for (const [index, element] of command.entries()) {
    const hasPlaceholder = element.includes('{{');
    if (!hasPlaceholder) continue;
    if (index === 0) return { index, kind: 'in-executable' };
    if (wholePlaceholder(element) === null) return { index, kind: 'inside-element' };
  }
  return null;
}

/** Every param the template uses. */
export function argvParams(command: readonly string[]): string[] {
  return [...new Set(command.map(wholePlaceholder).filter((name): name is string => name !== null))];
}

/** The arguments after the executable, each placeholder replaced by its param's value. Throws TemplateRefusal. */
export function fillArgv(command: readonly string[], params: Record<string, unknown>): string[] {
  const args: string[] = [];
  let optionsEnded = false;
  for (const element of command.slice(1)) {
    const name = wholePlaceholder(element);
    if (name === null) {
      args.push(element);
      if (element === '--') optionsEnded = true;
      continue;
    }
    const value = params[name];
    if (value === undefined || value === null) throw new TemplateRefusal(`the command needs the param ${name}`);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new TemplateRefusal(`the param ${name} must be text, a number or true/false to be one argument`);
    }
    const text = String(value);
    if (text.includes(NUL)) throw new TemplateRefusal(`the param ${name} holds a NUL character`);
    if (text.startsWith('-') && !optionsEnded) {
      throw new TemplateRefusal(`the param ${name} starts with “-”, so the command would read it as an option; the action's command must put "--" before it to accept such values`);
    }
    args.push(text);
  }
  return args;
}
