import type { Localized } from '../../shared/i18n-types.ts';
import type { ModAction } from '../../shared/skills/mod-types.ts';
import { checkActionParams } from '../skills/sandbox/action-params.ts';

/** Params an action's own schema refuses (or an action that does not exist): nothing ran. */
export class ActionParamsError extends Error {
  readonly problems: string[];
  readonly userMessage: Localized;

  constructor(action: string, problems: string[]) {
    const list = problems.join('; ');
    super(`Parameters of ${action} refused: ${list}`);
    this.name = 'ActionParamsError';
    this.problems = problems;
    this.userMessage = {
      en: `The parameters for “${action}” were refused, so nothing ran: ${list}`,
      pl: `Parametry akcji „${action}” zostały odrzucone, więc nic nie zostało uruchomione: ${list}`,
    };
  }
}

/** Every executor, built-in or generated, runs an action only with params its schema accepts. */
export function assertActionParams(actions: readonly ModAction[], action: string, params: Record<string, unknown>): void {
  const check = checkActionParams(actions, action, params);
  if (!check.ok) throw new ActionParamsError(action, check.problems);
}
