import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditFinding, FindingSeverity } from '../../../shared/skills/audit.ts';
import type { SourceText } from './source-text.ts';

interface RuleSpec<P extends unknown[]> {
  severity: FindingSeverity;
  message: (...params: P) => Localized;
}

function rule<P extends unknown[]>(severity: FindingSeverity, message: (...params: P) => Localized): RuleSpec<P> {
  return { severity, message };
}

const block = 'block';
const warn = 'warn';

/** Every rule the validator can report, with its severity and its message in both languages. */
export const RULES = {
  // Input that cannot be audited at all.
  'input/empty': rule(block, () => ({
    en: 'The skill file is empty; there is no code to audit.',
    pl: 'Plik skilla jest pusty; nie ma kodu do sprawdzenia.',
  })),
  'input/too-large': rule(block, (bytes: number, limit: number) => ({
    en: `The skill file has ${bytes} bytes; the limit is ${limit}. It was not parsed.`,
    pl: `Plik skilla ma ${bytes} bajtów, a limit to ${limit}. Nie został przetworzony.`,
  })),
  'input/binary': rule(block, () => ({
    en: 'The file contains binary data or invalid text (NUL bytes, control or broken characters); a skill must be plain TypeScript text.',
    pl: 'Plik zawiera dane binarne lub niepoprawny tekst (bajty NUL, znaki sterujące lub uszkodzone); skill musi być zwykłym tekstem TypeScript.',
  })),
  'input/syntax-error': rule(block, (detail: string) => ({
    en: `The code does not parse: ${detail}`,
    pl: `Kodu nie da się sparsować: ${detail}`,
  })),
  'input/too-deep': rule(block, () => ({
    en: 'The code is nested too deeply to audit safely; flatten the expressions or blocks.',
    pl: 'Kod jest zagnieżdżony zbyt głęboko, by bezpiecznie go sprawdzić; spłaszcz wyrażenia lub bloki.',
  })),
  'input/over-budget': rule(block, (budget: Localized) => ({
    en: `The audit did not finish within its budget (${budget.en}); the code is too large or too deeply nested to check safely. Simplify it.`,
    pl: `Audyt nie zmieścił się w swoim budżecie (${budget.pl}); kod jest zbyt duży lub zbyt głęboko zagnieżdżony, by go bezpiecznie sprawdzić. Uprość go.`,
  })),
  'internal/audit-failed': rule(block, (detail: string) => ({
    en: `The audit could not finish (${detail}); the skill cannot be approved until it does.`,
    pl: `Audyt nie mógł się zakończyć (${detail}); skilla nie można zatwierdzić, dopóki się nie powiedzie.`,
  })),
  'manifest/invalid': rule(block, (detail: Localized) => ({
    en: `The manifest is malformed: ${detail.en}`,
    pl: `Manifest jest niepoprawny: ${detail.pl}`,
  })),
  'manifest/bad-http-capability': rule(block, (entry: string) => ({
    en: `capabilities.http lists “${entry}”, which is not written as a host the app can check. Write api.example.com (HTTPS), api.example.com:8443 (HTTPS on another port) or http://192.168.1.20:8123 (plain HTTP, unencrypted): lower case, no path, no default port.`,
    pl: `capabilities.http zawiera „${entry}”, co nie jest zapisem hosta, który aplikacja umie sprawdzić. Zapisz api.example.com (HTTPS), api.example.com:8443 (HTTPS na innym porcie) albo http://192.168.1.20:8123 (zwykły HTTP, bez szyfrowania): małymi literami, bez ścieżki i bez domyślnego portu.`,
  })),
  'manifest/bad-schedule': rule(block, (index: number, problem: Localized) => ({
    en: `schedules[${index}] cannot run as written: ${problem.en}`,
    pl: `schedules[${index}] nie może działać w tej postaci: ${problem.pl}`,
  })),
  'manifest/too-many-schedules': rule(block, (count: number, limit: number) => ({
    en: `The manifest declares ${count} schedules; at most ${limit} are allowed.`,
    pl: `Liczba harmonogramów w manifeście: ${count}; dozwolonych jest najwyżej ${limit}.`,
  })),
  'manifest/bad-presentation': rule(block, (problem: Localized) => ({
    en: `The presentation hint (how the home view shows the skill) is malformed: ${problem.en}`,
    pl: `Wskazówka prezentacji (jak widok Dziś pokazuje skill) jest niepoprawna: ${problem.pl}`,
  })),
  'manifest/bad-table-labels': rule(block, (problem: Localized) => ({
    en: `The labels of the skill's tables (how the disclosure names its data) are malformed: ${problem.en}`,
    pl: `Etykiety tabel skilla (jak ujawnienie nazywa jego dane) są niepoprawne: ${problem.pl}`,
  })),
  'manifest/too-many-secrets': rule(block, (count: number, limit: number) => ({
    en: `The manifest declares ${count} secrets; at most ${limit} are allowed.`,
    pl: `Liczba sekretów w manifeście: ${count}; dozwolonych jest najwyżej ${limit}.`,
  })),
  'manifest/invalid-secret': rule(block, (position: number, detail: Localized) => ({
    en: `Secret ${position} in the manifest is malformed: ${detail.en}`,
    pl: `Sekret nr ${position} w manifeście jest niepoprawny: ${detail.pl}`,
  })),
  'manifest/duplicate-secret': rule(block, (name: string) => ({
    en: `The manifest declares the secret ${name} more than once.`,
    pl: `Manifest deklaruje sekret ${name} więcej niż raz.`,
  })),
  'manifest/secret-host-undeclared': rule(block, (name: string, host: string) => ({
    en: `The secret ${name} may be sent to ${host}, which is not among the skill’s HTTP capabilities (capabilities.http).`,
    pl: `Sekret ${name} może być wysyłany do ${host}, którego nie ma wśród hostów HTTP skilla (capabilities.http).`,
  })),

  // Manifest actions (issue 12): their policy, and the declarative ones' own fields.
  'action/too-many': rule(block, (count: number, limit: number) => ({
    en: `The manifest declares ${count} actions; at most ${limit} are allowed.`,
    pl: `Liczba akcji w manifeście: ${count}; dozwolonych jest najwyżej ${limit}.`,
  })),
  'action/invalid': rule(block, (position: number, detail: Localized) => ({
    en: `Action ${position} in the manifest is malformed: ${detail.en}`,
    pl: `Akcja nr ${position} w manifeście jest niepoprawna: ${detail.pl}`,
  })),
  'action/duplicate': rule(block, (slug: string) => ({
    en: `The manifest declares the action ${slug} more than once.`,
    pl: `Manifest deklaruje akcję ${slug} więcej niż raz.`,
  })),
  'action/unknown-permission': rule(block, (slug: string, permission: string, known: string) => ({
    en: `The action ${slug} asks its callers for the permission “${permission}”, which does not exist (known: ${known}).`,
    pl: `Akcja ${slug} wymaga od wywołujących uprawnienia „${permission}”, które nie istnieje (istniejące: ${known}).`,
  })),
  'action/bad-timeout': rule(block, (slug: string, min: number, max: number) => ({
    en: `The timeoutMs of the action ${slug} must be a whole number of milliseconds from ${min} to ${max}.`,
    pl: `timeoutMs akcji ${slug} musi być całkowitą liczbą milisekund od ${min} do ${max}.`,
  })),
  'action/code-missing': rule(block, (slug: string) => ({
    en: `The manifest sets rules for the code action ${slug}, but getActions() does not list it.`,
    pl: `Manifest ustala zasady dla akcji kodu ${slug}, ale getActions() jej nie zwraca.`,
  })),
  'action/code-unverified': rule(warn, (slug: string) => ({
    en: `The manifest sets rules for the code action ${slug}; getActions() could not be read, so whether the code offers it is checked only when it runs.`,
    pl: `Manifest ustala zasady dla akcji kodu ${slug}; nie udało się odczytać getActions(), więc to, czy kod ją udostępnia, zostanie sprawdzone dopiero przy uruchomieniu.`,
  })),
  'action/clashes-with-code': rule(block, (slug: string) => ({
    en: `The action ${slug} is declared in the manifest without code, but getActions() lists an action of the same name too.`,
    pl: `Akcja ${slug} jest zadeklarowana w manifeście jako akcja bez kodu, ale getActions() zwraca też akcję o tej nazwie.`,
  })),
  'action/http-method': rule(block, (slug: string, method: string, allowed: string) => ({
    en: `The action ${slug} sends “${method}”, which is not a method the app sends (use ${allowed}).`,
    pl: `Akcja ${slug} wysyła „${method}”, a tej metody aplikacja nie wysyła (użyj ${allowed}).`,
  })),
  'action/http-url': rule(block, (slug: string) => ({
    en: `The URL of the action ${slug} must be an absolute http:// or https:// address whose host is written out (placeholders only in the path and the query).`,
    pl: `Adres URL akcji ${slug} musi być bezwzględnym adresem http:// lub https:// z wpisanym hostem (symbole zastępcze tylko w ścieżce i zapytaniu).`,
  })),
  'action/http-host-undeclared': rule(block, (slug: string, origin: string) => ({
    en: `The action ${slug} sends to ${origin}, which is not among the skill’s HTTP capabilities (capabilities.http).`,
    pl: `Akcja ${slug} wysyła do ${origin}, którego nie ma wśród hostów HTTP skilla (capabilities.http).`,
  })),
  'action/undeclared-param': rule(block, (slug: string, name: string) => ({
    en: `The action ${slug} uses {{params.${name}}}, but its params_schema does not declare the property ${name}.`,
    pl: `Akcja ${slug} używa {{params.${name}}}, ale jej params_schema nie deklaruje właściwości ${name}.`,
  })),
  'action/http-refused': rule(block, (slug: string, reason: string) => ({
    en: `The request of the action ${slug} would be refused by the HTTP guard: ${reason}.`,
    pl: `Żądanie akcji ${slug} zostałoby odrzucone przez strażnika HTTP: ${reason}.`,
  })),
  'action/shell-placeholder': rule(block, (slug: string, index: number) => ({
    en: `Element ${index} of the command of the action ${slug} holds a placeholder inside other text or is the program itself: {{params.x}} may only be a whole argument after the program.`,
    pl: `Element ${index} polecenia akcji ${slug} zawiera symbol zastępczy wewnątrz innego tekstu albo jest samym programem: {{params.x}} może być tylko całym argumentem po programie.`,
  })),
  'action/shell-program': rule(block, (slug: string, program: string) => ({
    en: `The program “${program}” of the action ${slug} must be a bare name (looked up in /usr/local/bin, /usr/bin, /bin) or an absolute path.`,
    pl: `Program „${program}” akcji ${slug} musi być samą nazwą (szukaną w /usr/local/bin, /usr/bin, /bin) albo ścieżką bezwzględną.`,
  })),
  'action/shell-cwd': rule(block, (slug: string, cwd: string) => ({
    en: `The cwd “${cwd}” of the action ${slug} must be a relative path inside the folder the owner chooses, without “..”.`,
    pl: `Katalog roboczy „${cwd}” akcji ${slug} musi być ścieżką względną wewnątrz folderu wybranego przez właściciela, bez „..”.`,
  })),
  'action/shell-env': rule(block, (slug: string, name: string) => ({
    en: `The action ${slug} asks for the environment variable ${name}, which is not a setting or secret of the skill, or is one the system's loader reads (LD_…, DYLD_…) and so could change which code runs.`,
    pl: `Akcja ${slug} chce zmiennej środowiskowej ${name}, która nie jest ustawieniem ani sekretem skilla albo jest czytana przez systemowy loader (LD_…, DYLD_…) i mogłaby zmienić uruchamiany kod.`,
  })),
  'manifest/bad-dependency': rule(block, (name: string) => ({
    en: `The dependency “${name}” is neither a skill slug (custom-water-tracker, sleep-tracker) nor a capability name (water.log).`,
    pl: `Zależność „${name}” nie jest ani slugiem skilla (custom-water-tracker, sleep-tracker), ani nazwą możliwości (water.log).`,
  })),
  'manifest/bad-provides': rule(block, (name: string) => ({
    en: `“${name}” in provides is not a capability name: lowercase words joined by dots, such as water.log.`,
    pl: `„${name}” w provides nie jest nazwą możliwości: to słowa małymi literami połączone kropkami, np. water.log.`,
  })),
  'manifest/self-dependency': rule(block, (name: string) => ({
    en: `The skill lists ${name}, which is itself (or what it provides), among its dependencies; a skill never calls itself.`,
    pl: `Skill wymienia wśród zależności ${name}, czyli samego siebie (lub to, co sam zapewnia); skill nigdy nie wywołuje samego siebie.`,
  })),
  'dependency/undeclared-call': rule(block, (name: string) => ({
    en: `Calls ${name}, which the manifest does not list in dependencies; a skill may call only what it declares there.`,
    pl: `Wywołuje ${name}, czego manifest nie wymienia w zależnościach (dependencies); skill może wywoływać tylko to, co tam zadeklarował.`,
  })),

  // Triggers (issue 13 §2): what starts the skill by itself.
  'trigger/invalid': rule(block, (where: string, detail: Localized) => ({
    en: `The trigger ${where} is malformed: ${detail.en}`,
    pl: `Wyzwalacz ${where} jest niepoprawny: ${detail.pl}`,
  })),
  'trigger/too-many': rule(block, (where: string, count: number, limit: number) => ({
    en: `The trigger ${where} has ${count} entries; at most ${limit} are allowed.`,
    pl: `Wyzwalacz ${where} ma ${count} pozycji; dozwolonych jest najwyżej ${limit}.`,
  })),
  'trigger/unknown-action': rule(block, (where: string, action: string) => ({
    en: `The trigger ${where} runs the action ${action}, which the skill does not have.`,
    pl: `Wyzwalacz ${where} uruchamia akcję ${action}, której skill nie ma.`,
  })),
  'trigger/action-unverified': rule(warn, (where: string, action: string) => ({
    en: `The trigger ${where} runs the action ${action}; getActions() could not be read, so whether the code offers it is checked only when it fires.`,
    pl: `Wyzwalacz ${where} uruchamia akcję ${action}; nie dało się odczytać getActions(), więc to, czy kod ją ma, sprawdzi się dopiero przy uruchomieniu.`,
  })),
  'trigger/bad-phrase': rule(block, (where: string, detail: Localized, phrase: string) => ({
    en: `The phrase “${phrase}” of the trigger ${where} cannot be matched: ${detail.en}.`,
    pl: `Fraza „${phrase}” wyzwalacza ${where} nie może być dopasowana: ${detail.pl}.`,
  })),
  'trigger/bad-pattern': rule(block, (where: string, detail: Localized, pattern: string) => ({
    en: `The pattern ${pattern} of the trigger ${where} is refused: ${detail.en}.`,
    pl: `Wzorzec ${pattern} wyzwalacza ${where} jest odrzucony: ${detail.pl}.`,
  })),

  // Blocked APIs.
  'blocked/eval': rule(block, () => ({
    en: 'Calls eval(), which runs text as code; skills may not do that.',
    pl: 'Wywołuje eval(), które uruchamia tekst jako kod; skille nie mogą tego robić.',
  })),
  'blocked/function-constructor': rule(block, (name: string) => ({
    en: `Uses ${name}, which builds a function from text; skills may not create code at run time.`,
    pl: `Używa ${name}, który tworzy funkcję z tekstu; skille nie mogą tworzyć kodu w trakcie działania.`,
  })),
  'blocked/require': rule(block, () => ({
    en: 'Loads a module with require(); a skill gets everything it may use from supabase and foundry.',
    pl: 'Wczytuje moduł przez require(); skill dostaje wszystko, czego może używać, od supabase i foundry.',
  })),
  'blocked/dynamic-import': rule(block, () => ({
    en: 'Loads code with import(); skills may not load modules.',
    pl: 'Wczytuje kod przez import(); skille nie mogą wczytywać modułów.',
  })),
  'blocked/import': rule(block, (source: string) => ({
    en: `Imports values from “${source}”; a skill may only import types (import type).`,
    pl: `Importuje wartości z „${source}”; skill może importować wyłącznie typy (import type).`,
  })),
  'blocked/fs': rule(block, () => ({
    en: 'Reaches for the file system (fs); skills may not read or write files.',
    pl: 'Sięga do systemu plików (fs); skille nie mogą czytać ani zapisywać plików.',
  })),
  'blocked/child-process': rule(block, () => ({
    en: 'Tries to start programs (child_process / exec); skills may not run other programs.',
    pl: 'Próbuje uruchamiać programy (child_process / exec); skille nie mogą uruchamiać innych programów.',
  })),
  'blocked/process': rule(block, () => ({
    en: 'Uses process, the host application’s process object; skills may not touch it.',
    pl: 'Używa process, obiektu procesu aplikacji; skille nie mogą go dotykać.',
  })),
  'blocked/env': rule(block, () => ({
    en: 'Reads environment variables (.env), which may hold secrets; skills may not see them.',
    pl: 'Odczytuje zmienne środowiskowe (.env), które mogą zawierać sekrety; skille nie mogą ich widzieć.',
  })),
  'blocked/node-path': rule(block, (name: string) => ({
    en: `Uses ${name}, a path on the host computer; skills have no file paths.`,
    pl: `Używa ${name}, czyli ścieżki na komputerze; skille nie mają ścieżek do plików.`,
  })),
  'blocked/with': rule(block, () => ({
    en: 'Uses a with statement, which hides what names refer to; skills may not use it.',
    pl: 'Używa instrukcji with, która ukrywa, do czego odnoszą się nazwy; skille nie mogą jej używać.',
  })),
  'blocked/import-meta': rule(block, () => ({
    en: 'Reads import.meta, which describes the host module; skills may not use it.',
    pl: 'Odczytuje import.meta, które opisuje moduł gospodarza; skille nie mogą go używać.',
  })),
  'blocked/proxy': rule(block, () => ({
    en: 'Creates a Proxy, whose traps can run hidden code on ordinary property access; skills may not use it.',
    pl: 'Tworzy Proxy, którego pułapki mogą uruchamiać ukryty kod przy zwykłym dostępie do pól; skille nie mogą go używać.',
  })),
  'blocked/webassembly': rule(block, () => ({
    en: 'Uses WebAssembly, which runs compiled code the audit cannot read; skills may not use it.',
    pl: 'Używa WebAssembly, które uruchamia skompilowany kod niemożliwy do sprawdzenia; skille nie mogą go używać.',
  })),
  'blocked/shared-memory': rule(block, (name: string) => ({
    en: `Uses ${name} (shared memory), which enables timing attacks and blocking waits; skills may not use it.`,
    pl: `Używa ${name} (pamięć współdzielona), co umożliwia ataki czasowe i blokujące oczekiwanie; skille nie mogą tego używać.`,
  })),
  'blocked/timer': rule(block, (name: string) => ({
    en: `Uses ${name}, which schedules code to run later; a skill must finish its work within the call.`,
    pl: `Używa ${name}, które planuje uruchomienie kodu później; skill musi skończyć pracę w ramach wywołania.`,
  })),
  'blocked/network': rule(block, (name: string) => ({
    en: `Uses ${name} for network access; use foundry.http.fetch / get / post with a declared host instead.`,
    pl: `Używa ${name} do połączeń sieciowych; zamiast tego użyj foundry.http.fetch / get / post z zadeklarowanym hostem.`,
  })),
  'blocked/console': rule(block, () => ({
    en: 'Uses console, which does not exist inside a skill; use foundry.log(...) instead.',
    pl: 'Używa console, które nie istnieje wewnątrz skilla; zamiast tego użyj foundry.log(...).',
  })),
  'blocked/unknown-global': rule(block, (name: string) => ({
    en: `Uses ${name}, which is not available to skills; only standard built-ins, supabase and foundry exist.`,
    pl: `Używa ${name}, które nie jest dostępne dla skilli; istnieją tylko standardowe wbudowane obiekty, supabase i foundry.`,
  })),
  'blocked/rpc': rule(block, () => ({
    en: 'Calls supabase.rpc(), which runs database functions; skills may not do that.',
    pl: 'Wywołuje supabase.rpc(), które uruchamia funkcje bazy danych; skille nie mogą tego robić.',
  })),
  'blocked/delete': rule(block, (table: string) => ({
    en: `Deletes rows from ${table}; skills may not delete data.`,
    pl: `Usuwa wiersze z ${table}; skille nie mogą usuwać danych.`,
  })),
  'blocked/jsx': rule(block, () => ({
    en: 'Contains JSX markup; a skill returns data, not UI, and has no JSX runtime.',
    pl: 'Zawiera znaczniki JSX; skill zwraca dane, a nie interfejs, i nie ma środowiska JSX.',
  })),

  // Ways around the blocked list.
  'evasion/computed-global': rule(block, (name: string) => ({
    en: `Looks up a property of ${name} by a computed key, which can reach any blocked API; use a plain dotted name.`,
    pl: `Sięga do pola ${name} przez wyliczany klucz, co pozwala dotrzeć do każdego zablokowanego API; użyj zwykłej nazwy po kropce.`,
  })),
  'evasion/computed-key': rule(block, () => ({
    en: 'Looks up a property of a function or built-in method by a computed key, which can reach the Function constructor.',
    pl: 'Sięga do pola funkcji lub wbudowanej metody przez wyliczany klucz, co pozwala dotrzeć do konstruktora Function.',
  })),
  'evasion/computed-call-chain': rule(block, () => ({
    en: 'Calls the result of two computed lookups in a row (like a[x][y](…)), the usual way to reach the Function constructor.',
    pl: 'Wywołuje wynik dwóch wyliczanych odwołań z rzędu (jak a[x][y](…)), typowy sposób dotarcia do konstruktora Function.',
  })),
  'evasion/built-key': rule(block, (how: string) => ({
    en: `Builds a property name with ${how}, which hides what is being accessed; use a plain name.`,
    pl: `Buduje nazwę pola przez ${how}, co ukrywa, do czego jest dostęp; użyj zwykłej nazwy.`,
  })),
  'evasion/global-object': rule(block, (name: string) => ({
    en: `Uses ${name}, the global object, through which every blocked API can be reached.`,
    pl: `Używa ${name}, czyli obiektu globalnego, przez który można dotrzeć do każdego zablokowanego API.`,
  })),
  'evasion/global-this': rule(block, () => ({
    en: 'Uses this outside a class method, where it can be the global object; use this only inside methods.',
    pl: 'Używa this poza metodą klasy, gdzie może ono oznaczać obiekt globalny; używaj this tylko w metodach.',
  })),
  'evasion/constructor': rule(block, () => ({
    en: 'Reads .constructor, the usual path to the Function constructor; skills may not access it.',
    pl: 'Odczytuje .constructor, typową drogę do konstruktora Function; skille nie mogą z niego korzystać.',
  })),
  'evasion/proto': rule(block, (name: string) => ({
    en: `Uses ${name}, which reads or rewrites object prototypes; skills may not do that.`,
    pl: `Używa ${name}, które odczytuje lub podmienia prototypy obiektów; skille nie mogą tego robić.`,
  })),
  'evasion/prototype-access': rule(block, (name: string) => ({
    en: `Calls ${name}, which exposes hidden constructors (like AsyncFunction); skills may not use it.`,
    pl: `Wywołuje ${name}, które odsłania ukryte konstruktory (jak AsyncFunction); skille nie mogą go używać.`,
  })),
  'evasion/prototype-mutation': rule(block, (name: string) => ({
    en: `Calls ${name}, which changes an object’s prototype; skills may not do that.`,
    pl: `Wywołuje ${name}, które zmienia prototyp obiektu; skille nie mogą tego robić.`,
  })),
  'evasion/builtin-prototype': rule(block, (name: string) => ({
    en: `Reaches into ${name}.prototype, the shared prototype of a built-in; skills may not touch built-in prototypes.`,
    pl: `Sięga do ${name}.prototype, wspólnego prototypu wbudowanego obiektu; skille nie mogą dotykać wbudowanych prototypów.`,
  })),
  'evasion/builtin-mutation': rule(block, (name: string) => ({
    en: `Changes the built-in ${name}, which would alter how other code behaves; skills may not modify built-ins.`,
    pl: `Zmienia wbudowany obiekt ${name}, co zmieniłoby działanie innego kodu; skille nie mogą modyfikować wbudowanych obiektów.`,
  })),
  'evasion/reflect': rule(block, () => ({
    en: 'Uses Reflect, which calls, constructs and reads properties indirectly; skills may not use it.',
    pl: 'Używa Reflect, który pośrednio wywołuje, konstruuje i odczytuje pola; skille nie mogą go używać.',
  })),
  'evasion/stack-trace': rule(block, (name: string) => ({
    en: `Uses ${name}, which hooks into stack traces and can leak host internals; skills may not use it.`,
    pl: `Używa ${name}, które podpina się pod ślady stosu i może ujawnić wnętrze aplikacji; skille nie mogą tego używać.`,
  })),
  'evasion/well-known-symbol': rule(block, (name: string) => ({
    en: `Uses Symbol.${name}, which changes how built-in operations treat objects; skills may not use it.`,
    pl: `Używa Symbol.${name}, który zmienia sposób, w jaki wbudowane operacje traktują obiekty; skille nie mogą go używać.`,
  })),
  'evasion/caller': rule(block, (name: string) => ({
    en: `Reads .${name}, which reaches the calling function; skills may not do that.`,
    pl: `Odczytuje .${name}, które sięga do funkcji wywołującej; skille nie mogą tego robić.`,
  })),
  'evasion/unicode-escape': rule(block, (name: string) => ({
    en: `Writes the name ${name} with unicode escapes, which hides what it refers to; write it plainly.`,
    pl: `Zapisuje nazwę ${name} za pomocą sekwencji unicode, co ukrywa, do czego się odnosi; zapisz ją zwyczajnie.`,
  })),
  'evasion/sensitive-string': rule(block, (value: string) => ({
    en: `Builds the string “${value}”, a name used to escape the sandbox; skills have no reason to spell it.`,
    pl: `Tworzy napis „${value}”, nazwę używaną do ucieczki z piaskownicy; skille nie mają powodu, by go zapisywać.`,
  })),
  'evasion/builtin-alias': rule(block, (name: string) => ({
    en: `Hands the built-in ${name} on as a value (in an array or object, as a call argument, a return value, an assignment or a pick like a || b), where the audit loses sight of what it is; use it directly by its name.`,
    pl: `Przekazuje dalej wbudowany obiekt ${name} jako wartość (w tablicy lub obiekcie, jako argument wywołania, zwracaną wartość, przypisanie lub wybór w rodzaju a || b), przez co audyt traci z oczu, czym on jest; używaj go bezpośrednio po nazwie.`,
  })),
  'evasion/opaque-key': rule(block, () => ({
    en: 'Spells a property name (or JSON text) out of constants in a way the audit cannot work out, so nobody can tell what it names; write it plainly.',
    pl: 'Składa nazwę pola (lub tekst JSON) ze stałych w sposób, którego audyt nie potrafi odtworzyć, więc nie wiadomo, co oznacza; zapisz ją wprost.',
  })),
  'evasion/coerced-text': rule(block, () => ({
    en: 'Turns a value that is not text ([], {}, true, undefined, a function, a regular expression) into text and picks characters out of it, a known way to spell hidden names.',
    pl: 'Zamienia wartość, która nie jest tekstem ([], {}, true, undefined, funkcję, wyrażenie regularne), na tekst i wybiera z niego znaki, co jest znanym sposobem ukrywania nazw.',
  })),
  'evasion/json-proto': rule(block, (key: string) => ({
    en: `Parses JSON text with a “${key}” key; copied into an object (Object.assign, a spread), it replaces that object’s prototype.`,
    pl: `Parsuje tekst JSON z kluczem „${key}”; skopiowany do obiektu (Object.assign, rozwinięcie) podmienia prototyp tego obiektu.`,
  })),
  'evasion/bidi-control': rule(block, () => ({
    en: 'Contains invisible bidirectional control characters, which make the code read differently from how it runs.',
    pl: 'Zawiera niewidoczne znaki sterujące kierunkiem tekstu, przez które kod wygląda inaczej, niż działa.',
  })),

  // Denial of service.
  'dos/infinite-loop': rule(block, () => ({
    en: 'Loops forever: the condition is always true and nothing inside leaves the loop.',
    pl: 'Pętla nigdy się nie kończy: warunek jest zawsze prawdziwy i nic w środku jej nie przerywa.',
  })),
  'dos/memory-bomb': rule(block, (size: number) => ({
    en: `Allocates ${size} elements or characters at once, far more than a skill may use.`,
    pl: `Przydziela naraz ${size} elementów lub znaków, znacznie więcej, niż skill może zużyć.`,
  })),
  'dos/redos': rule(block, (pattern: string) => ({
    en: `The regular expression /${pattern}/ nests repetitions (like (a+)+) and can take exponential time on some text.`,
    pl: `Wyrażenie regularne /${pattern}/ zagnieżdża powtórzenia (jak (a+)+) i dla niektórych tekstów może działać wykładniczo długo.`,
  })),
  'dos/dynamic-regex': rule(warn, () => ({
    en: 'Builds a regular expression from text known only at run time; it cannot be checked for catastrophic backtracking.',
    pl: 'Tworzy wyrażenie regularne z tekstu znanego dopiero w trakcie działania; nie da się sprawdzić, czy nie grozi katastrofalnym nawrotem.',
  })),

  // What the code touches.
  'capability/dynamic-table': rule(block, () => ({
    en: 'Names a table with a value computed at run time; the table must be a literal so it can be disclosed.',
    pl: 'Wskazuje tabelę wartością wyliczaną w trakcie działania; tabela musi być literałem, aby można ją było ujawnić.',
  })),
  'capability/bad-table-name': rule(block, (table: string) => ({
    en: `Uses the table “${table}”, which is not a skill table (names look like exo_water_entries).`,
    pl: `Używa tabeli „${table}”, która nie jest tabelą skilla (nazwy wyglądają jak exo_water_entries).`,
  })),
  'capability/dynamic-url': rule(block, () => ({
    en: 'Calls a URL whose host is only known at run time; the host must be written literally so it can be disclosed.',
    pl: 'Łączy się z adresem, którego host jest znany dopiero w trakcie działania; host musi być zapisany dosłownie, aby można go było ujawnić.',
  })),
  'capability/bad-url': rule(block, (url: string) => ({
    en: `“${url}” is not an http(s) address with a host (and without a user name or password in it).`,
    pl: `„${url}” nie jest adresem http(s) z hostem (bez nazwy użytkownika i hasła w adresie).`,
  })),
  'capability/dynamic-skill': rule(block, () => ({
    en: 'Calls another skill whose slug is only known at run time; the slug must be a literal so it can be disclosed.',
    pl: 'Wywołuje inny skill, którego slug jest znany dopiero w trakcie działania; slug musi być literałem, aby można go było ujawnić.',
  })),
  'capability/bad-skill-slug': rule(block, (slug: string) => ({
    en: `“${slug}” is neither a skill slug (custom-water-tracker, sleep-tracker) nor a capability name (water.log).`,
    pl: `„${slug}” nie jest ani slugiem skilla (custom-water-tracker, sleep-tracker), ani nazwą możliwości (water.log).`,
  })),
  'capability/unknown-query-method': rule(block, (name: string) => ({
    en: `Uses .${name} on a database query; only from, select, eq, single, limit, order, insert and update are available.`,
    pl: `Używa .${name} na zapytaniu do bazy; dostępne są tylko from, select, eq, single, limit, order, insert i update.`,
  })),
  'capability/unknown-sandbox-api': rule(block, (name: string) => ({
    en: `Uses ${name}, which the sandbox does not provide.`,
    pl: `Używa ${name}, którego piaskownica nie udostępnia.`,
  })),
  'capability/detached-query': rule(block, () => ({
    en: 'Keeps supabase.from(…) without a query method; write each query as one chain, e.g. supabase.from(…).select(…).',
    pl: 'Zachowuje supabase.from(…) bez metody zapytania; zapisz każde zapytanie jako jeden łańcuch, np. supabase.from(…).select(…).',
  })),
  'capability/sandbox-alias': rule(block, (name: string) => ({
    en: `Uses ${name} other than by calling one of its methods directly (stores, passes or aliases it), which would hide what the skill touches.`,
    pl: `Używa ${name} inaczej niż przez bezpośrednie wywołanie jego metody (zapisuje, przekazuje lub tworzy alias), co ukryłoby, czego dotyka skill.`,
  })),
  'capability/sandbox-shadow': rule(block, (name: string) => ({
    en: `Declares its own ${name}, which hides the sandbox’s ${name}; choose another name.`,
    pl: `Deklaruje własne ${name}, które przesłania ${name} piaskownicy; wybierz inną nazwę.`,
  })),
  'capability/undeclared-read': rule(block, (table: string) => ({
    en: `Reads the table ${table}, which the manifest does not declare.`,
    pl: `Odczytuje tabelę ${table}, której manifest nie deklaruje.`,
  })),
  'capability/undeclared-write': rule(block, (table: string) => ({
    en: `Writes to the table ${table}, which the manifest does not declare.`,
    pl: `Zapisuje do tabeli ${table}, której manifest nie deklaruje.`,
  })),
  'capability/undeclared-http': rule(block, (host: string) => ({
    en: `Connects to ${host}, which the manifest does not declare.`,
    pl: `Łączy się z ${host}, czego manifest nie deklaruje.`,
  })),
  'capability/undeclared-notification': rule(block, () => ({
    en: 'Sends notifications, which the manifest does not declare.',
    pl: 'Wysyła powiadomienia, czego manifest nie deklaruje.',
  })),
  'capability/undeclared-skill': rule(block, (slug: string) => ({
    en: `Calls the skill ${slug}, which the manifest does not declare.`,
    pl: `Wywołuje skill ${slug}, czego manifest nie deklaruje.`,
  })),
  'capability/unused-read': rule(warn, (table: string) => ({
    en: `The manifest declares reading ${table}, but the code never reads it.`,
    pl: `Manifest deklaruje odczyt tabeli ${table}, ale kod nigdy jej nie odczytuje.`,
  })),
  'capability/unused-write': rule(warn, (table: string) => ({
    en: `The manifest declares writing ${table}, but the code never writes it.`,
    pl: `Manifest deklaruje zapis do tabeli ${table}, ale kod nigdy do niej nie zapisuje.`,
  })),
  'capability/unused-http': rule(warn, (host: string) => ({
    en: `The manifest declares connecting to ${host}, but the code never does.`,
    pl: `Manifest deklaruje łączenie się z ${host}, ale kod nigdy tego nie robi.`,
  })),
  'capability/unused-notification': rule(warn, () => ({
    en: 'The manifest declares notifications, but the code never sends one.',
    pl: 'Manifest deklaruje powiadomienia, ale kod nigdy ich nie wysyła.',
  })),
  'capability/unused-skill': rule(warn, (slug: string) => ({
    en: `The manifest declares calling ${slug}, but the code never calls it.`,
    pl: `Manifest deklaruje wywoływanie ${slug}, ale kod nigdy go nie wywołuje.`,
  })),

  // Secrets the code names by placeholder ({{secret:NAME}}), which the engine fills in only for their hosts.
  'secret/undeclared': rule(block, (name: string) => ({
    en: `Uses the secret ${name} ({{secret:${name}}}), which the manifest does not declare.`,
    pl: `Używa sekretu ${name} ({{secret:${name}}}), którego manifest nie deklaruje.`,
  })),
  'secret/wrong-host': rule(block, (name: string, host: string, hosts: string) => ({
    en: `Would send ${name} to ${host}, which the secret is not bound to (it may go only to ${hosts}).`,
    pl: `Wysłałby ${name} do ${host}, z którym ten sekret nie jest powiązany (wolno go wysyłać tylko do ${hosts}).`,
  })),
  'secret/unused': rule(warn, (name: string) => ({
    en: `The manifest declares the secret ${name}, but the code never uses it ({{secret:${name}}}).`,
    pl: `Manifest deklaruje sekret ${name}, ale kod nigdy go nie używa ({{secret:${name}}}).`,
  })),

  // The executor contract.
  'conformance/no-executor-class': rule(block, () => ({
    en: 'No exported class implements IModExecutor; a skill must export exactly one.',
    pl: 'Żadna eksportowana klasa nie implementuje IModExecutor; skill musi eksportować dokładnie jedną.',
  })),
  'conformance/multiple-classes': rule(block, () => ({
    en: 'Exports more than one class; a skill must export exactly one executor class.',
    pl: 'Eksportuje więcej niż jedną klasę; skill musi eksportować dokładnie jedną klasę wykonawczą.',
  })),
  'conformance/extra-export': rule(block, () => ({
    en: 'Exports something besides the executor class; a skill may export only that class (and types).',
    pl: 'Eksportuje coś poza klasą wykonawczą; skill może eksportować tylko tę klasę (i typy).',
  })),
  'conformance/not-executor': rule(block, (name: string) => ({
    en: `The class ${name} does not declare “implements IModExecutor”.`,
    pl: `Klasa ${name} nie deklaruje „implements IModExecutor”.`,
  })),
  'conformance/missing-slug': rule(block, (name: string) => ({
    en: `The class ${name} has no slug property (e.g. readonly slug = 'custom-water-tracker').`,
    pl: `Klasa ${name} nie ma pola slug (np. readonly slug = 'custom-water-tracker').`,
  })),
  'conformance/slug-not-literal': rule(block, () => ({
    en: 'The slug must be a literal string such as \'custom-water-tracker\'.',
    pl: 'Slug musi być dosłownym napisem, np. \'custom-water-tracker\'.',
  })),
  'conformance/invalid-slug': rule(block, (slug: string) => ({
    en: `The slug “${slug}” is invalid; it must look like custom-water-tracker (lowercase, words joined by hyphens).`,
    pl: `Slug „${slug}” jest niepoprawny; musi wyglądać jak custom-water-tracker (małe litery, słowa łączone myślnikami).`,
  })),
  'conformance/slug-mismatch': rule(block, (code: string, manifest: string) => ({
    en: `The class slug “${code}” differs from the manifest slug “${manifest}”.`,
    pl: `Slug klasy „${code}” różni się od sluga w manifeście „${manifest}”.`,
  })),
  'conformance/missing-method': rule(block, (method: string) => ({
    en: `The executor class has no ${method}() method, which every skill must have.`,
    pl: `Klasa wykonawcza nie ma metody ${method}(), którą musi mieć każdy skill.`,
  })),
  'conformance/actions-not-literal': rule(block, () => ({
    en: 'getActions() must simply return a literal array of actions (plain objects, strings, numbers, booleans, null), so it can be checked.',
    pl: 'getActions() musi po prostu zwracać dosłowną tablicę akcji (zwykłe obiekty, napisy, liczby, wartości logiczne, null), aby dało się ją sprawdzić.',
  })),
  'conformance/invalid-action': rule(block, (position: number) => ({
    en: `Action ${position} must be an object with non-empty texts slug, name and description, and a params_schema.`,
    pl: `Akcja nr ${position} musi być obiektem z niepustymi tekstami slug, name i description oraz polem params_schema.`,
  })),
  'conformance/action-slug': rule(block, (slug: string) => ({
    en: `The action slug “${slug}” must be snake_case (e.g. log_water).`,
    pl: `Slug akcji „${slug}” musi być w formacie snake_case (np. log_water).`,
  })),
  'conformance/duplicate-action': rule(block, (slug: string) => ({
    en: `The action slug “${slug}” is used more than once.`,
    pl: `Slug akcji „${slug}” występuje więcej niż raz.`,
  })),

  // JSON Schemas.
  'schema/invalid-params-schema': rule(block, (action: string, detail: Localized) => ({
    en: `The params_schema of action “${action}” is not a valid JSON Schema: ${detail.en}`,
    pl: `params_schema akcji „${action}” nie jest poprawnym schematem JSON: ${detail.pl}`,
  })),
  'schema/invalid-config-schema': rule(block, (detail: Localized) => ({
    en: `The manifest’s config_schema is not a valid JSON Schema: ${detail.en}`,
    pl: `config_schema w manifeście nie jest poprawnym schematem JSON: ${detail.pl}`,
  })),
  'schema/secret-not-declared': rule(block, (property: string) => ({
    en: `config_schema marks “${property}” as a secret (writeOnly or format: "secret"), but manifest.secrets has no entry named ${property} saying which hosts it may be sent to.`,
    pl: `config_schema oznacza „${property}” jako sekret (writeOnly lub format: "secret"), ale manifest.secrets nie ma wpisu o nazwie ${property}, który mówi, do jakich hostów wolno go wysyłać.`,
  })),
  'schema/secret-default': rule(block, (property: string) => ({
    en: `config_schema gives the secret “${property}” a default value; a secret must be entered by the owner, never shipped with the skill.`,
    pl: `config_schema nadaje sekretowi „${property}” wartość domyślną; sekret musi wpisać właściciel, nie może być dostarczony ze skillem.`,
  })),
  'schema/nested-secret': rule(block, (path: string) => ({
    en: `config_schema marks ${path} as a secret, but only a top-level property can be one (only those are sealed and bound to hosts).`,
    pl: `config_schema oznacza ${path} jako sekret, ale sekretem może być tylko właściwość najwyższego poziomu (tylko takie są szyfrowane i powiązane z hostami).`,
  })),
  'schema/redos-pattern': rule(block, (pattern: string) => ({
    en: `The schema pattern “${pattern}” nests repetitions and can take exponential time to check.`,
    pl: `Wzorzec schematu „${pattern}” zagnieżdża powtórzenia i jego sprawdzenie może trwać wykładniczo długo.`,
  })),
} as const;

export type RuleId = keyof typeof RULES;
export type RuleParams<R extends RuleId> = Parameters<(typeof RULES)[R]['message']>;
/** Rules whose message takes nothing or just the offending name, so they can be picked from a table. */
export type NameRuleId = { [R in RuleId]: RuleParams<R> extends [] | [string] ? R : never }[RuleId];

/** A finding's place: a node, or a 1-based line and column. */
export type Where = TSESTree.Node | { line: number; column: number };

function position(where: Where): { line: number; column: number } {
  return 'loc' in where ? { line: where.loc.start.line, column: where.loc.start.column + 1 } : where;
}

export const START_OF_FILE = { line: 1, column: 1 };

export class FindingSink {
  readonly #text: SourceText;
  readonly #findings: AuditFinding[] = [];
  readonly #reportedAt = new Set<string>();

  constructor(text: SourceText) {
    this.#text = text;
  }

  /**
   * One finding per source position: nested checks on the same expression (`process.env`, the
   * `globalThis` inside `globalThis[k]`) would otherwise repeat what the outer finding already says.
   */
  report<R extends RuleId>(ruleId: R, where: Where, ...params: RuleParams<R>): void {
    if (this.#claim(where)) this.#push(ruleId, where, params);
  }

  reportName(ruleId: NameRuleId, where: Where, name: string): void {
    if (this.#claim(where)) this.#push(ruleId, where, [name]);
  }

  /** Always records; for findings about the file as a whole or the manifest, which may share an anchor. */
  add<R extends RuleId>(ruleId: R, where: Where, ...params: RuleParams<R>): void {
    this.#push(ruleId, where, params);
  }

  addName(ruleId: NameRuleId, where: Where, name: string): void {
    this.#push(ruleId, where, [name]);
  }

  sorted(): AuditFinding[] {
    return [...this.#findings].sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
  }

  #claim(where: Where): boolean {
    const { line, column } = position(where);
    const key = `${line}:${column}`;
    if (this.#reportedAt.has(key)) return false;
    this.#reportedAt.add(key);
    return true;
  }

  #push(ruleId: RuleId, where: Where, params: readonly unknown[]): void {
    const { line, column } = position(where);
    const spec = RULES[ruleId] as RuleSpec<unknown[]>;
    this.#findings.push({
      rule: ruleId,
      severity: spec.severity,
      message: spec.message(...params),
      line,
      column,
      excerpt: this.#text.excerpt(line, column),
    });
  }
}
