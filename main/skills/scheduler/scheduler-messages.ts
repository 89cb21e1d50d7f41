// What the scheduler tells the owner and refuses with, in both languages.
import type { Localized } from '../../../shared/i18n-types.ts';

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';

export const SCHEDULER_MESSAGES = {
  ranLate: (dueAt: string): Localized => ({
    en: `Ran late: it was due at ${when(dueAt)}, while nothing was running (the computer was asleep or the app closed).`,
    pl: `Uruchomiono z opóźnieniem: termin minął ${when(dueAt)}, gdy nic nie działało (komputer spał albo aplikacja była zamknięta).`,
  }),
  missedSkipped: (dueAt: string): Localized => ({
    en: `Skipped: it was due at ${when(dueAt)}, while nothing was running; this schedule skips missed runs.`,
    pl: `Pominięto: termin minął ${when(dueAt)}, gdy nic nie działało; ten harmonogram pomija zaległe uruchomienia.`,
  }),
  stillRunning: { en: 'Skipped: the previous run had not ended yet.', pl: 'Pominięto: poprzednie uruchomienie jeszcze trwało.' },
  succeeded: (skill: string, action: string): { title: Localized; body: Localized } => ({
    title: { en: `${skill}: scheduled run done`, pl: `${skill}: zaplanowane uruchomienie zakończone` },
    body: { en: `“${action}” ran on schedule and succeeded.`, pl: `„${action}” uruchomiono zgodnie z harmonogramem i zakończyło się powodzeniem.` },
  }),
  failed: (skill: string, action: string, why: Localized): { title: Localized; body: Localized } => ({
    title: { en: `${skill}: scheduled run failed`, pl: `${skill}: zaplanowane uruchomienie nie powiodło się` },
    body: { en: `“${action}” failed: ${why.en}`, pl: `„${action}” nie powiodło się: ${why.pl}` },
  }),
  pausedAfterFailures: (skill: string, action: string, failures: number): { title: Localized; body: Localized } => ({
    title: { en: `${skill}: schedule paused`, pl: `${skill}: harmonogram wstrzymany` },
    body: {
      en: `“${action}” failed ${failures} times in a row, so its schedule paused itself. Resume it in Schedules (or with “foundry schedules resume”) once the cause is fixed.`,
      pl: `„${action}” nie powiodło się ${failures} razy z rzędu, więc harmonogram sam się wstrzymał. Wznów go w widoku Harmonogramy (albo „foundry schedules resume”), gdy przyczyna zostanie usunięta.`,
    },
  }),
  proposed: (skill: string, description: Localized): { title: Localized; body: Localized } => ({
    title: { en: `The assistant proposes a schedule for ${skill}`, pl: `Asystent proponuje harmonogram dla ${skill}` },
    body: { en: `It ${description.en}. Confirm or decline it in Schedules.`, pl: `${description.pl[0]!.toUpperCase()}${description.pl.slice(1)}. Potwierdź albo odrzuć w widoku Harmonogramy.` },
  }),
  notFound: { en: 'There is no such schedule.', pl: 'Nie ma takiego harmonogramu.' },
  invalid: (problems: readonly Localized[]): Localized => ({
    en: `The schedule was refused: ${problems.map((p) => p.en).join(' ')}`,
    pl: `Harmonogram odrzucono: ${problems.map((p) => p.pl).join(' ')}`,
  }),
  limitReached: (max: number): Localized => ({
    en: `At most ${max} schedules may be active (skills.scheduled.maxScheduled in config.yaml), and ${max} already are. Pause or remove one first.`,
    pl: `Aktywnych może być najwyżej ${max} harmonogramów (skills.scheduled.maxScheduled w config.yaml), a tyle już jest. Najpierw wstrzymaj albo usuń któryś.`,
  }),
  notRunnable: {
    en: 'The skill has no approved version that may run now (approve it in the Skill Foundry window first), so it cannot have a schedule.',
    pl: 'Skill nie ma zatwierdzonej wersji, która może teraz działać (najpierw zatwierdź ją w oknie Skill Foundry), więc nie może mieć harmonogramu.',
  },
  skillUnavailable: {
    en: 'Its skill cannot run now (archived or not deployed); it resumes when the skill is back.',
    pl: 'Jego skill nie może teraz działać (zarchiwizowany albo niewdrożony); wznowi się, gdy skill wróci.',
  },
  manifestNotRemovable: {
    en: 'This schedule is part of the approved skill version: pause it instead (or approve a version without it).',
    pl: 'Ten harmonogram jest częścią zatwierdzonej wersji skilla: wstrzymaj go zamiast usuwać (albo zatwierdź wersję bez niego).',
  },
  notPaused: { en: 'This schedule is not paused.', pl: 'Ten harmonogram nie jest wstrzymany.' },
  notActive: { en: 'This schedule is not active.', pl: 'Ten harmonogram nie jest aktywny.' },
  notProposed: { en: 'This schedule is not a proposal waiting for you.', pl: 'Ten harmonogram nie jest propozycją czekającą na Ciebie.' },
  ownerOnly: {
    en: 'Only the owner may add, change, pause, resume, confirm, run or remove schedules; the assistant may list them and propose one.',
    pl: 'Tylko właściciel może dodawać, zmieniać, wstrzymywać, wznawiać, potwierdzać, uruchamiać i usuwać harmonogramy; asystent może je przeglądać i proponować.',
  },
  disabled: {
    en: 'Schedules are off (skills.scheduled.enabled: false in config.yaml): nothing runs by itself.',
    pl: 'Harmonogramy są wyłączone (skills.scheduled.enabled: false w config.yaml): nic nie uruchamia się samo.',
  },
};
