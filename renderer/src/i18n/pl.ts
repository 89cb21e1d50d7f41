import type { Catalogue } from './en.ts';
import { reviewPl } from './review.ts';
import { workbenchPl } from './workbench.ts';
import { configPl } from './config.ts';
import { notificationsPl } from './notifications.ts';
import { schedulesPl } from './schedules.ts';
import { todayPl } from './today.ts';
import { consentsPl } from './consents.ts';
import { skillSettingsPl } from './skill-settings.ts';
import { shellPl } from './shell.ts';
import { dependenciesPl } from './dependencies.ts';
import { marketplacePl } from './marketplace.ts';

// The Polish catalogue: typed as Catalogue, so a missing or unknown key fails the type check.
export const pl: Catalogue = {
  'app.name': 'Skill Foundry',
  'app.version': 'Wersja {version}',
  'app.loadingInfo': 'Łączenie z silnikiem…',

  'counts.label': 'Podsumowanie',
  'counts.skills': 'Umiejętności',
  'counts.pendingReviews': 'Do przejrzenia',
  'counts.executions': 'Uruchomienia',
  'counts.auditEntries': 'Wpisy audytu',

  'nav.label': 'Sekcje',
  'nav.reviews': 'Kolejka przeglądu',
  'nav.skills': 'Umiejętności',
  'nav.activity': 'Aktywność',
  'nav.settings': 'Ustawienia',
  'nav.pending': '(do przejrzenia: {count})',

  'action.refresh': 'Odśwież',
  'action.retry': 'Spróbuj ponownie',
  'state.loading': 'Wczytywanie…',
  'error.title': 'Nie udało się tego wczytać',
  'error.unreachable': 'Silnik aplikacji nie odpowiedział. Uruchom Skill Foundry ponownie; jeśli to się powtarza, sprawdź dziennik aplikacji.',

  'reviews.title': 'Kolejka przeglądu',
  'reviews.intro': 'Nowe wersje umiejętności zaproponowane przez asystenta. Każda czeka 24 godziny na Twoją decyzję, a potem zostaje automatycznie odrzucona.',
  'reviews.col.skill': 'Umiejętność',
  'reviews.col.version': 'Wersja',
  'reviews.col.hash': 'Skrót treści',
  'reviews.col.created': 'Zaproponowano',
  'reviews.col.expires': 'Wygasa',
  'reviews.col.audit': 'Audyt',
  'reviews.expired': 'wygasła',
  'reviews.noExpiry': 'bez terminu',
  'reviews.hashTitle': 'SHA-256 dokładnie tego kodu, który zatwierdzasz: {hash}',
  'reviews.findings': 'Uwagi: {count}',
  'reviews.empty.title': 'Żadna umiejętność nie czeka na przegląd',
  'reviews.empty.body': 'Gdy asystent zaproponuje nową umiejętność, pojawi się tutaj: możesz ją wtedy sprawdzić i zatwierdzić.',

  'verdict.pass': 'Zaliczony',
  'verdict.warn': 'Zaliczony z ostrzeżeniami',
  'verdict.block': 'Zablokowany',
  'verdict.none': 'Jeszcze bez audytu',

  'skills.title': 'Umiejętności',
  'skills.intro': 'Umiejętności, z których może korzystać asystent, z używaną wersją i liczbą uruchomień.',
  'skills.col.name': 'Nazwa',
  'skills.col.slug': 'Identyfikator',
  'skills.col.status': 'Stan',
  'skills.col.activeVersion': 'Aktywna wersja',
  'skills.col.usage': 'Uruchomienia',
  'skills.col.lastRun': 'Ostatnie uruchomienie',
  'skills.noActiveVersion': 'brak',
  'skills.neverRun': 'nigdy',
  'skills.empty.title': 'Nie ma jeszcze umiejętności',
  'skills.empty.body': 'Umiejętność pojawi się tutaj, gdy asystent ją zaproponuje. Poproś o coś nowego, na przykład „Chcę śledzić, ile piję wody”, a potem przejrzyj ją w kolejce przeglądu.',

  'skillStatus.pending': 'Czeka na zatwierdzenie',
  'skillStatus.active': 'Aktywna',
  'skillStatus.archived': 'W archiwum',
  'skillStatus.rejected': 'Odrzucona',

  'activity.title': 'Aktywność',
  'activity.intro': 'Każde uruchomienie umiejętności i każdy wpis dziennika audytu odpornego na manipulacje, od najnowszych.',
  'activity.show': 'Pokaż',
  'activity.executions': 'Uruchomienia',
  'activity.audit': 'Dziennik audytu',
  'activity.total': 'Razem: {count}',

  'executions.col.started': 'Początek',
  'executions.col.skill': 'Umiejętność',
  'executions.col.version': 'Wersja',
  'executions.col.action': 'Akcja',
  'executions.col.trigger': 'Wyzwalacz',
  'executions.col.status': 'Wynik',
  'executions.col.duration': 'Czas trwania',
  'executions.duration': '{ms} ms',
  'executions.empty.title': 'Nie było jeszcze uruchomień',
  'executions.empty.body': 'Każde uruchomienie umiejętności, na żądanie, według harmonogramu albo po wyzwalaczu, zapisuje się tutaj z wynikiem oraz odciskami danych wejściowych i wyjściowych.',

  'executionStatus.succeeded': 'Udane',
  'executionStatus.failed': 'Nieudane',

  'audit.col.seq': 'Nr',
  'audit.col.at': 'Czas',
  'audit.col.event': 'Zdarzenie',
  'audit.col.actor': 'Kto',
  'audit.col.skill': 'Umiejętność',
  'audit.col.hash': 'Skrót wpisu',
  'audit.empty.title': 'Dziennik audytu jest pusty',
  'audit.empty.body': 'Każda zmiana, na przykład zaproponowana umiejętność, zatwierdzenie albo nowe ustawienie, zapisuje się tutaj w łańcuchu skrótów, więc nic nie da się zmienić niepostrzeżenie.',

  'actor.owner': 'Ty',
  'actor.assistant': 'Asystent',
  'actor.scheduler': 'Harmonogram',
  'actor.system': 'System',

  'settings.title': 'Ustawienia',
  'settings.language': 'Język',
  'settings.language.system': 'Taki jak w systemie ({language})',
  'settings.language.hint': 'Działa od razu i zostaje zapamiętany.',
  'settings.saving': 'Zapisywanie…',
  'settings.saved': 'Zapisano.',
  'settings.about': 'O tej instalacji',
  'settings.version': 'Wersja aplikacji',
  'settings.dataDir': 'Katalog danych',
  'settings.databaseFile': 'Plik bazy danych',
  'settings.schemaVersion': 'Wersja schematu bazy danych',

  'sandbox.title': 'Piaskownica',
  'sandbox.intro': 'Skille działają w izolatach w osobnym procesie Node.js 24, który nie dziedziczy niczego po aplikacji: ani zmiennych środowiska, ani plików, ani sekretów.',
  'sandbox.status': 'Stan',
  'sandbox.state.not-started': 'Jeszcze nie uruchomiona: wystartuje przy pierwszym uruchomieniu skilla.',
  'sandbox.state.starting': 'Uruchamianie…',
  'sandbox.state.ready': 'Gotowa: Node {version} przeszedł kontrolę startową.',
  'sandbox.state.failed': 'Skille nie mogą działać.',
  'sandbox.runtime': 'Środowisko Node',
  'sandbox.noRuntime': 'nie znaleziono',
  'sandbox.source.FOUNDRY_NODE': 'wskazane przez FOUNDRY_NODE',
  'sandbox.source.bundled': 'dołączone do aplikacji',
  'sandbox.source.npm': 'Node, który uruchamia npm',
  'sandbox.source.path': 'pierwszy node w PATH',
  'sandbox.source.current': 'ten proces',
  'sandbox.cannotRun': 'Skille nie mogą teraz działać',
  ...reviewPl,
  ...workbenchPl,
  ...configPl,
  ...notificationsPl,
  ...schedulesPl,
  ...todayPl,
  ...consentsPl,
  ...skillSettingsPl,
  ...shellPl,
  ...dependenciesPl,
  ...marketplacePl,
};
