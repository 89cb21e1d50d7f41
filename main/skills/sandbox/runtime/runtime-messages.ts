import type { Localized } from '../../../../shared/i18n-types.ts';

/** A runtime that cannot run skills; `userMessage` is what the owner reads (window, CLI). */
export class RuntimeProblem extends Error {
  readonly userMessage: Localized;
  constructor(userMessage: Localized) {
    super(userMessage.en);
    this.userMessage = userMessage;
    this.name = 'RuntimeProblem';
  }
}

const HOW_TO_FIX = {
  en: 'Install Node.js 24 (nodejs.org) or set FOUNDRY_NODE to the path of a Node 24 binary, then restart Skill Foundry.',
  pl: 'Zainstaluj Node.js 24 (nodejs.org) albo ustaw FOUNDRY_NODE na ścieżkę programu Node 24, a potem uruchom Skill Foundry ponownie.',
};

const ONLY_RUNNING = {
  en: 'Reviews and approvals still work; only running skills is refused.',
  pl: 'Przeglądy i zatwierdzanie działają dalej; wstrzymane jest tylko uruchamianie skilli.',
};

const sentence = (en: string, pl: string): Localized => ({
  en: `${en} ${HOW_TO_FIX.en} ${ONLY_RUNNING.en}`,
  pl: `${pl} ${HOW_TO_FIX.pl} ${ONLY_RUNNING.pl}`,
});

export const runtimeMessages = {
  notFound: () =>
    sentence(
      'Skills run in a separate Node.js 24 process, and none was found: FOUNDRY_NODE is not set and there is no `node` on PATH.',
      'Skille działają w osobnym procesie Node.js 24, a żadnego nie znaleziono: FOUNDRY_NODE nie jest ustawione i w PATH nie ma programu `node`.',
    ),
  notRunnable: (path: string, detail: string) =>
    sentence(`The Node.js runtime at ${path} could not be started (${detail}).`, `Nie udało się uruchomić Node.js z ${path} (${detail}).`),
  notNode: (path: string, answer: string) =>
    sentence(
      `The program at ${path} did not answer like Node.js (it said ${JSON.stringify(answer.slice(0, 40))}).`,
      `Program ${path} nie odpowiedział jak Node.js (odpowiedź: ${JSON.stringify(answer.slice(0, 40))}).`,
    ),
  tooOld: (path: string, version: string) =>
    sentence(
      `Skills need Node.js 24 or newer, and the runtime at ${path} is ${version}.`,
      `Skille wymagają Node.js 24 lub nowszego, a ${path} to wersja ${version}.`,
    ),
  selfCheckFailed: (path: string, reason: string) =>
    sentence(
      `The sandbox did not pass its start-up check under ${path}: ${reason}.`,
      `Piaskownica nie przeszła kontroli startowej pod ${path}: ${reason}.`,
    ),
};
