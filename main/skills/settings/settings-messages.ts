import type { Localized } from '../../../shared/i18n-types.ts';

const list = (items: readonly string[]) => items.map((item) => `“${item}”`).join(', ');
const listPl = (items: readonly string[]) => items.map((item) => `„${item}”`).join(', ');

export const SETTINGS_MESSAGES = {
  ownersOnly: {
    en: 'Only the owner may change a skill’s settings, secrets and allowances; the assistant may read the settings (never a secret).',
    pl: 'Tylko właściciel może zmieniać ustawienia, sekrety i zezwolenia skilla; asystent może odczytać ustawienia (nigdy sekrety).',
  },
  noVersion: {
    en: 'This skill has no version yet, so it has no settings.',
    pl: 'Ten skill nie ma jeszcze żadnej wersji, więc nie ma ustawień.',
  },
  schemaBroken: (reason: Localized): Localized => ({
    en: `The skill’s settings schema cannot be used (${reason.en}); the skill gets no settings.`,
    pl: `Nie da się użyć schematu ustawień skilla (${reason.pl}); skill nie dostaje żadnych ustawień.`,
  }),
  nothingToChange: {
    en: 'The change names no setting: give at least one value to set or one key to reset.',
    pl: 'Zmiana nie wskazuje żadnego ustawienia: podaj co najmniej jedną wartość do ustawienia albo klucz do przywrócenia.',
  },
  unknownKey: (key: string, known: readonly string[]): Localized => ({
    en: `This skill has no setting “${key}”. ${known.length ? `Its settings are: ${list(known)}.` : 'It has no settings.'}`,
    pl: `Ten skill nie ma ustawienia „${key}”. ${known.length ? `Jego ustawienia to: ${listPl(known)}.` : 'Nie ma żadnych ustawień.'}`,
  }),
  isSecret: (key: string): Localized => ({
    en: `“${key}” is a secret: enter it as a secret (in the window, or with --secret ${key} on the command line), never as a plain value.`,
    pl: `„${key}” to sekret: wpisz go jako sekret (w oknie albo przez --secret ${key} w wierszu poleceń), nigdy jako zwykłą wartość.`,
  }),
  tooLarge: (key: string, max: number): Localized => ({
    en: `The value of “${key}” is too large: at most ${max} characters of JSON.`,
    pl: `Wartość „${key}” jest za duża: najwyżej ${max} znaków JSON.`,
  }),
  refusedValues: (keys: readonly string[]): Localized => ({
    en: `Nothing was saved: the skill’s schema refuses ${list(keys)}.`,
    pl: `Nic nie zapisano: schemat skilla nie przyjmuje ${listPl(keys)}.`,
  }),
  missing: (key: string): Localized => ({
    en: `“${key}” is required and has no value yet; the skill runs without it until it is set.`,
    pl: `„${key}” jest wymagane i nie ma jeszcze wartości; skill działa bez niego, dopóki nie zostanie ustawione.`,
  }),
  refusedStored: (key: string, reason: Localized): Localized => ({
    en: `The saved value of “${key}” does not fit the running version (${reason.en}); the skill does not get it.`,
    pl: `Zapisana wartość „${key}” nie pasuje do działającej wersji (${reason.pl}); skill jej nie dostaje.`,
  }),
  notInSchema: (key: string): Localized => ({
    en: `“${key}” is saved but the running version has no such setting; it is kept, unused.`,
    pl: `„${key}” jest zapisane, ale działająca wersja nie ma takiego ustawienia; zostaje zachowane, nieużywane.`,
  }),
  unknownSecret: (name: string, known: readonly string[]): Localized => ({
    en: `This skill declares no secret “${name}”. ${known.length ? `Its secrets are: ${list(known)}.` : 'It declares no secrets.'}`,
    pl: `Ten skill nie deklaruje sekretu „${name}”. ${known.length ? `Jego sekrety to: ${listPl(known)}.` : 'Nie deklaruje żadnych sekretów.'}`,
  }),
  badSecretValue: (max: number): Localized => ({
    en: `A secret must be 1 to ${max} characters on one line, without control characters (it is sent in HTTP headers, where a line break would add a header of its own).`,
    pl: `Sekret musi mieć od 1 do ${max} znaków w jednym wierszu, bez znaków sterujących (trafia do nagłówków HTTP, gdzie złamanie wiersza dodałoby własny nagłówek).`,
  }),
  noSecretStorage: {
    en: 'There is no protected storage for secrets here (the OS keychain in the app, FOUNDRY_PASSPHRASE on the command line), so a secret cannot be saved.',
    pl: 'Nie ma tu chronionego miejsca na sekrety (pęk kluczy systemu w aplikacji, FOUNDRY_PASSPHRASE w wierszu poleceń), więc nie da się zapisać sekretu.',
  },
  secretNotSet: (name: string): Localized => ({
    en: `The secret “${name}” is not set; there is nothing to clear.`,
    pl: `Sekret „${name}” nie jest ustawiony; nie ma czego usuwać.`,
  }),
  allowanceNotFound: (where: string): Localized => ({
    en: `This skill has no allowance for ${where}; there is nothing to revoke.`,
    pl: `Ten skill nie ma zezwolenia na ${where}; nie ma czego cofać.`,
  }),
  allowanceExists: (where: string): Localized => ({
    en: `This skill may already reach ${where}.`,
    pl: `Ten skill już może łączyć się z ${where}.`,
  }),
  allowancePrompt: (name: string, where: string): Localized => ({
    en: `Let the skill “${name}” reach ${where} on your local network`,
    pl: `Pozwól skillowi „${name}” łączyć się z ${where} w sieci lokalnej`,
  }),
} as const;
