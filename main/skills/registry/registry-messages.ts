import type { Localized } from '../../../shared/i18n-types.ts';

/** What the owner is told about rollbacks, archiving and restoring. */
export const REGISTRY_MESSAGES = {
  archived: {
    en: 'This skill is archived. Restore it first.',
    pl: 'Ten skill jest zarchiwizowany. Najpierw go przywróć.',
  },
  notApproved: (version: string): Localized => ({
    en: `Version ${version} was never approved, so it cannot be rolled back to.`,
    pl: `Wersja ${version} nigdy nie została zatwierdzona, więc nie można do niej wrócić.`,
  }),
  alreadyActive: (version: string): Localized => ({
    en: `Version ${version} is already the one running.`,
    pl: `Wersja ${version} jest już tą, która działa.`,
  }),
  changedSinceApproval: (version: string): Localized => ({
    en: `The stored content of version ${version} no longer matches what was approved. It cannot run again; generate a new version instead.`,
    pl: `Zapisana treść wersji ${version} nie zgadza się już z tym, co zostało zatwierdzone. Nie może znów działać; wygeneruj zamiast niej nową wersję.`,
  }),
  rollbackPrompt: (name: string, tag: string): Localized => ({
    en: `Roll the skill “${name}” back to ${tag}`,
    pl: `Przywróć skill „${name}” do wersji ${tag}`,
  }),
  versionNotFound: (version: string): Localized => ({
    en: `This skill has no version ${version}.`,
    pl: `Ten skill nie ma wersji ${version}.`,
  }),
} as const;
