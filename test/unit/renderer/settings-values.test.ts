import { describe, expect, it } from 'vitest';
import type { SettingsField } from '../../../shared/contract/skill-settings-records.ts';
import { editOf, initialDrafts } from '../../../renderer/src/views/skill-detail/settings-values.ts';

const field = (key: string, control: SettingsField['control'], extra: Partial<SettingsField> = {}): SettingsField => ({
  key, control, label: { en: key, pl: key }, help: null, required: false, defaultValue: null, hasDefault: false, options: null, minimum: null, maximum: null, ...extra,
});

const FIELDS = [
  field('city', 'text'),
  field('limit', 'integer'),
  field('units', 'select', { options: ['metric', 'imperial'], defaultValue: 'metric', hasDefault: true }),
  field('notify', 'boolean'),
  field('rooms', 'json'),
];

describe('the settings form sends only what the owner changed', () => {
  it('shows stored values in their inputs and sends nothing when nothing was edited', () => {
    const stored = { city: 'Kraków', limit: 3, units: 'imperial', notify: false, rooms: ['kitchen'] };
    const drafts = initialDrafts(FIELDS, stored);
    expect(drafts).toEqual({ city: 'Kraków', limit: '3', units: '1', notify: 'false', rooms: '[\n  "kitchen"\n]' });
    expect(editOf(FIELDS, stored, drafts)).toEqual({ values: {}, unset: [], unreadable: {} });
  });

  it('turns text into the field’s JSON type, sends an emptied field back to its default, and keeps unparseable numbers for main to refuse', () => {
    const stored = { city: 'Kraków', units: 'imperial' };
    const edit = editOf(FIELDS, stored, { city: 'Gdańsk', limit: 'ten', units: '', notify: 'true', rooms: '{"a": 1}' });
    expect(edit).toEqual({ values: { city: 'Gdańsk', limit: 'ten', notify: true, rooms: { a: 1 } }, unset: ['units'], unreadable: {} });
    expect(editOf(FIELDS, {}, { limit: ' 42 ' }).values).toEqual({ limit: 42 });
  });

  it('holds back a JSON field that does not parse', () => {
    expect(editOf(FIELDS, {}, { rooms: '[kitchen' }).unreadable).toEqual({ rooms: expect.any(String) });
  });
});
