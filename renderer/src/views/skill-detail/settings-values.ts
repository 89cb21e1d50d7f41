// Between a skill's settings as main sends them and the form's inputs: each field's draft is text
// (an option's index for a choice, 'true'/'false' for a switch), and saving sends only what changed.
// Main checks every value against the skill's schema; the form only turns text into JSON.
import type { JsonValue, SettingsField } from '../../../../shared/contract/skill-settings-records.ts';

export type Drafts = Record<string, string>;

/** The input's text for a stored value; '' where nothing is stored (the default shows as a placeholder). */
export function draftOf(field: SettingsField, stored: JsonValue | undefined): string {
  if (stored === undefined) return '';
  switch (field.control) {
    case 'text': return typeof stored === 'string' ? stored : JSON.stringify(stored);
    case 'select': {
      const index = (field.options ?? []).findIndex((option) => JSON.stringify(option) === JSON.stringify(stored));
      return index < 0 ? '' : String(index);
    }
    case 'boolean': return stored === true ? 'true' : 'false';
    case 'json': return JSON.stringify(stored, null, 2);
    default: return String(stored);
  }
}

export function initialDrafts(fields: readonly SettingsField[], values: Readonly<Record<string, JsonValue>>): Drafts {
  return Object.fromEntries(fields.map((field) => [field.key, draftOf(field, values[field.key])]));
}

/** A value written for people: the default in a placeholder, a choice in a list. */
export const shownValue = (value: JsonValue | null): string => (typeof value === 'string' ? value : JSON.stringify(value));

type Parsed = { ok: true; value: JsonValue } | { ok: false; reason: string };

function parse(field: SettingsField, draft: string): Parsed {
  switch (field.control) {
    case 'text': return { ok: true, value: draft };
    case 'select': return { ok: true, value: (field.options ?? [])[Number(draft)] ?? null };
    case 'boolean': return { ok: true, value: draft === 'true' };
    case 'number':
    case 'integer': {
      const number = Number(draft.trim());
      // Text that is no number goes to main as it is: the schema's refusal names the field.
      return { ok: true, value: draft.trim() !== '' && Number.isFinite(number) ? number : draft };
    }
    case 'json':
      try {
        return { ok: true, value: JSON.parse(draft) as JsonValue };
      } catch (error) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
  }
}

export interface SettingsEdit {
  values: Record<string, JsonValue>;
  unset: string[];
  /** Drafts that are not JSON (for `json` fields): nothing is sent while there are any. */
  unreadable: Record<string, string>;
}

/** What saving the drafts changes: new or different values, emptied fields back to their default. */
export function editOf(fields: readonly SettingsField[], stored: Readonly<Record<string, JsonValue>>, drafts: Drafts): SettingsEdit {
  const edit: SettingsEdit = { values: {}, unset: [], unreadable: {} };
  for (const field of fields) {
    const draft = drafts[field.key] ?? '';
    const had = Object.hasOwn(stored, field.key);
    // An emptied field goes back to the schema's default.
    if (draft === '') {
      if (had) edit.unset.push(field.key);
      continue;
    }
    const parsed = parse(field, draft);
    if (!parsed.ok) edit.unreadable[field.key] = parsed.reason;
    else if (!had || JSON.stringify(stored[field.key]) !== JSON.stringify(parsed.value)) edit.values[field.key] = parsed.value;
  }
  return edit;
}
