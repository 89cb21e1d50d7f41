import type { Localized } from '../../../../shared/i18n-types.ts';
import type { ExecutableProblem } from './executable.ts';

const EXECUTABLE_PROBLEMS: Record<ExecutableProblem, Localized> = {
  'not-found': { en: 'is not installed (looked up in /usr/local/bin, /usr/bin, /bin)', pl: 'nie jest zainstalowany (szukano w /usr/local/bin, /usr/bin, /bin)' },
  'not-a-file': { en: 'is not a file', pl: 'nie jest plikiem' },
  'not-executable': { en: 'is not executable', pl: 'nie jest plikiem wykonywalnym' },
  relative: { en: 'must be a bare program name or an absolute path', pl: 'musi być samą nazwą programu albo ścieżką bezwzględną' },
};

/** Why a shell action did not run or could not be set up, in both languages; each says what changed (nothing). */
export const SHELL_MESSAGES = {
  switchedOff: (action: string): Localized => ({
    en: `The action “${action}” runs a command on this computer, and shell actions are off (skills.execution.shell in config.yaml); nothing ran.`,
    pl: `Akcja „${action}” uruchamia polecenie na tym komputerze, a akcje powłoki są wyłączone (skills.execution.shell w config.yaml); nic nie zostało uruchomione.`,
  }),
  unconfirmed: (action: string): Localized => ({
    en: `The action “${action}” runs a command on this computer. config.yaml turns shell actions on, but you have not confirmed that in the Skill Foundry window (the Settings tab of a skill with shell actions, with both factors); nothing ran.`,
    pl: `Akcja „${action}” uruchamia polecenie na tym komputerze. config.yaml włącza akcje powłoki, ale nie potwierdzono tego w oknie Skill Foundry (karta Ustawienia skilla z akcjami powłoki, dwoma składnikami); nic nie zostało uruchomione.`,
  }),
  pinUnproven: (action: string): Localized => ({
    en: `No valid record says which program the action “${action}” was approved to run (its pin is missing or its seal does not match); nothing ran. Approve a new version to pin it again.`,
    pl: `Brak ważnego zapisu, jaki program akcja „${action}” może uruchamiać (brak przypięcia albo nie zgadza się jego pieczęć); nic nie zostało uruchomione. Zatwierdź nową wersję, aby przypiąć go ponownie.`,
  }),
  executableChanged: (action: string, executable: string): Localized => ({
    en: `The program ${executable} has changed since you approved the action “${action}” (its SHA-256 differs); nothing ran. If the change is an update you trust, approve a new version of the skill to pin the new file.`,
    pl: `Program ${executable} zmienił się od zatwierdzenia akcji „${action}” (inny SHA-256); nic nie zostało uruchomione. Jeśli to zaufana aktualizacja, zatwierdź nową wersję skilla, aby przypiąć nowy plik.`,
  }),
  executableMissing: (action: string, executable: string): Localized => ({
    en: `The program ${executable}, which you approved for the action “${action}”, is no longer there; nothing ran.`,
    pl: `Programu ${executable}, zatwierdzonego dla akcji „${action}”, już nie ma; nic nie zostało uruchomione.`,
  }),
  noFolder: (action: string): Localized => ({
    en: `The action “${action}” runs in a folder you choose for this skill, and none is chosen (or its record's seal does not match); nothing ran. Choose it in the skill's Settings in the Skill Foundry window.`,
    pl: `Akcja „${action}” działa w folderze wybranym przez Ciebie dla tego skilla, a żaden nie jest wybrany (albo nie zgadza się pieczęć jego zapisu); nic nie zostało uruchomione. Wybierz go w Ustawieniach skilla w oknie Skill Foundry.`,
  }),
  cwdOutside: (action: string, cwd: string): Localized => ({
    en: `The action “${action}” asks to work in ${cwd}, which is not an existing folder inside the folder you chose for this skill (a link or “..” leading out counts as outside); nothing ran.`,
    pl: `Akcja „${action}” chce działać w ${cwd}, a to nie jest istniejący folder wewnątrz folderu wybranego dla tego skilla (dowiązanie albo „..” prowadzące na zewnątrz liczy się jako poza nim); nic nie zostało uruchomione.`,
  }),
  argvRefused: (action: string, reason: string): Localized => ({
    en: `The command of the action “${action}” was not run: ${reason}.`,
    pl: `Polecenie akcji „${action}” nie zostało uruchomione: ${reason}.`,
  }),
  tooLongToShow: (action: string): Localized => ({
    en: `The command of the action “${action}” is too long to be shown to you in full in the consent prompt; nothing ran.`,
    pl: `Polecenie akcji „${action}” jest zbyt długie, by pokazać je w całości w prośbie o zgodę; nic nie zostało uruchomione.`,
  }),
  executableProblem: (action: string, command: string, problem: ExecutableProblem): Localized => ({
    en: `The program “${command}” of the shell action “${action}” ${EXECUTABLE_PROBLEMS[problem].en}, so it cannot be pinned; nothing was approved.`,
    pl: `Program „${command}” akcji powłoki „${action}” ${EXECUTABLE_PROBLEMS[problem].pl}, więc nie da się go przypiąć; nic nie zostało zatwierdzone.`,
  }),
  changedSinceReview: (action: string, command: string): Localized => ({
    en: `The program “${command}” of the shell action “${action}” (or the isolation it runs in) changed after the version was reviewed, so what you saw is not what would be pinned; nothing was approved. Review the version again (generate or import it anew) and approve what it shows now.`,
    pl: `Program „${command}” akcji powłoki „${action}” (albo izolacja, w której działa) zmienił się po przejrzeniu tej wersji, więc to, co widzisz, nie jest tym, co zostałoby przypięte; nic nie zostało zatwierdzone. Przejrzyj wersję ponownie (wygeneruj lub zaimportuj ją od nowa) i zatwierdź to, co pokazuje teraz.`,
  }),
  folderInvalid: (reason: Localized): Localized => ({
    en: `This folder cannot be used for the skill's commands: ${reason.en}. Nothing was changed.`,
    pl: `Tego folderu nie można użyć dla poleceń skilla: ${reason.pl}. Nic nie zmieniono.`,
  }),
  folderNotAbsolute: { en: 'give an absolute path to an existing folder', pl: 'podaj ścieżkę bezwzględną istniejącego folderu' },
  folderNotDirectory: { en: 'it does not exist or is not a folder', pl: 'nie istnieje albo nie jest folderem' },
  folderTooWide: { en: 'the whole file system is too wide; choose a folder of its own', pl: 'cały system plików to za dużo; wybierz osobny folder' },
  folderHoldsData: {
    en: 'it contains (or lies inside) the Skill Foundry data folder, whose database and config.yaml a command must never write',
    pl: 'zawiera folder danych Skill Foundry (albo leży w nim), a jego bazy danych ani config.yaml żadne polecenie nie może zapisywać',
  },
  noFolderToClear: { en: 'No folder is chosen for this skill.', pl: 'Dla tego skilla nie wybrano folderu.' },
  switchOffInFile: {
    en: 'Shell actions are off in config.yaml (skills.execution.shell: false): turn them on there yourself first, then confirm here. Nothing was changed.',
    pl: 'Akcje powłoki są wyłączone w config.yaml (skills.execution.shell: false): najpierw włącz je tam samodzielnie, potem potwierdź tutaj. Nic nie zmieniono.',
  },
  switchNotConfirmed: { en: 'Shell actions are not confirmed, so there is nothing to revoke.', pl: 'Akcje powłoki nie są potwierdzone, więc nie ma czego cofać.' },
  switchPrompt: {
    en: 'Allow skills’ shell actions to run commands on this computer (each run still asks you)',
    pl: 'Zezwól akcjom powłoki skilli na uruchamianie poleceń na tym komputerze (każde uruchomienie nadal pyta Cię o zgodę)',
  },
  folderPrompt: (skill: string, folder: string): Localized => ({
    en: `Let the commands of “${skill}” work in ${folder}`,
    pl: `Pozwól poleceniom skilla „${skill}” działać w ${folder}`,
  }),
  ownersOnly: {
    en: 'Only the owner turns shell actions on and chooses their folders, in the Skill Foundry window with both factors.',
    pl: 'Tylko właściciel włącza akcje powłoki i wybiera ich foldery, w oknie Skill Foundry, dwoma składnikami.',
  },
} as const;
