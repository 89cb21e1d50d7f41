import type { Localized } from '../../../shared/i18n-types.ts';
import type { HostFailureCode } from './protocol.ts';

/** Why an execution failed: what the host reports, plus what only main can see. */
export type SandboxFailureCode = HostFailureCode | 'crashed' | 'host-unavailable' | 'commit-failed' | 'closed';

export interface SandboxFailure {
  code: SandboxFailureCode;
  /** Technical detail in English (also stored in the execution record). */
  detail: string;
  message: Localized;
}

const MESSAGES: { [C in SandboxFailureCode]: (detail: string) => Localized } = {
  timeout: (d) => ({ pl: `Skill działał zbyt długo i został zatrzymany (${d}).`, en: `The skill ran too long and was stopped (${d}).` }),
  memory: (d) => ({ pl: `Skill zużył zbyt dużo pamięci i został zatrzymany (${d}).`, en: `The skill used too much memory and was stopped (${d}).` }),
  'skill-error': (d) => ({ pl: `Skill zgłosił błąd: ${d}`, en: `The skill threw an error: ${d}` }),
  'bad-skill': (d) => ({ pl: `Kodu skilla nie da się uruchomić: ${d}`, en: `The skill's code cannot be run: ${d}` }),
  'output-too-large': (d) => ({ pl: `Wynik skilla jest za duży (${d}).`, en: `The skill's result is too large (${d}).` }),
  'invalid-output': (d) => ({ pl: `Skill zwrócił wynik, który nie jest danymi JSON (${d}).`, en: `The skill returned a result that is not JSON data (${d}).` }),
  internal: (d) => ({ pl: `Wewnętrzny błąd piaskownicy (${d}).`, en: `Internal sandbox error (${d}).` }),
  crashed: (d) => ({
    pl: `Proces piaskownicy przestał działać (${d}); zostanie uruchomiony ponownie przy następnym wywołaniu.`,
    en: `The sandbox process stopped (${d}); it starts again with the next execution.`,
  }),
  'host-unavailable': (d) => ({
    pl: `Nie udało się uruchomić piaskownicy (${d}). Skille nigdy nie są uruchamiane poza nią.`,
    en: `The sandbox could not be started (${d}). Skills are never run outside it.`,
  }),
  'commit-failed': (d) => ({
    pl: `Nie udało się zapisać danych skilla (${d}); nic nie zostało zmienione.`,
    en: `The skill's data could not be saved (${d}); nothing was changed.`,
  }),
  closed: (d) => ({ pl: `Piaskownica jest zamknięta (${d}).`, en: `The sandbox is closed (${d}).` }),
};

export function sandboxFailure(code: SandboxFailureCode, detail: string): SandboxFailure {
  return { code, detail, message: MESSAGES[code](detail) };
}

/** A request the sandbox refuses before running anything; nothing is recorded or changed. */
export class SandboxInputError extends Error {
  readonly details: string[];
  readonly userMessage: Localized;

  constructor(details: string[]) {
    const list = details.join('; ');
    super(`Invalid sandbox execution request: ${list}`);
    this.name = 'SandboxInputError';
    this.details = details;
    this.userMessage = { pl: `Nieprawidłowe żądanie uruchomienia skilla: ${list}`, en: `Invalid request to run a skill: ${list}` };
  }
}
