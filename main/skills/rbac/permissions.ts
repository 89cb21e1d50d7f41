import type { Localized } from '../../../shared/i18n-types.ts';

export const PERMISSIONS = ['skills:create', 'skills:execute', 'skills:approve', 'skills:marketplace'] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const isPermission = (value: unknown): value is Permission => (PERMISSIONS as readonly unknown[]).includes(value);

/** What a permission lets a principal do, completing "… may not …". */
export const PERMISSION_TEXT: Readonly<Record<Permission, Localized>> = Object.freeze({
  'skills:create': { en: 'create skills', pl: 'tworzyć skilli' },
  'skills:execute': { en: 'run skills', pl: 'uruchamiać skilli' },
  'skills:approve': { en: 'approve skills', pl: 'zatwierdzać skilli' },
  'skills:marketplace': { en: 'install skills from the marketplace', pl: 'instalować skilli z marketplace' },
});
