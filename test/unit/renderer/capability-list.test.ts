// What the review and approval dialog show for a skill that reaches the network: the unencrypted
// mark beside plain HTTP, the secret items, in both languages. The items come from the engine's
// own disclosure, rendered to markup the way the window renders them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { SkillCapabilities, SkillManifest } from '../../../shared/skills/manifest.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';

// The window's store reads the location when it is created; the markup needs nothing else of it.
(globalThis as { window?: unknown }).window = { location: { hash: '' }, addEventListener: () => undefined };
const { CapabilityChanges, CapabilityList } = await import('../../../renderer/src/views/skill-detail/ReviewSummary.tsx');

const capabilities: SkillCapabilities = { reads: [], writes: [], http: ['api.openweathermap.org', 'http://192.168.1.20:8123'], notifications: false, skills: [] };
const manifest: SkillManifest = {
  slug: 'custom-weather-home', name: 'Weather at home', description: '', version: '1.0.0', capabilities, config_schema: {},
  secrets: [{ name: 'OPENWEATHER_KEY', hosts: ['api.openweathermap.org'], title: 'OpenWeather API key' }],
};
const { items } = buildDisclosure({ manifest, report: { sourceSha256: '', verdict: 'pass', findings: [], capabilities: { ...capabilities, blockedCalls: [] } } });

// Rendered outside a window, the language setting is 'system': the system's languages decide.
function inLanguage(language: 'en' | 'pl'): void {
  vi.stubGlobal('navigator', { languages: [language === 'pl' ? 'pl-PL' : 'en-GB'] });
}

/** Each list item as the text a screen reader reads. */
const rows = (markup: string): string[] => [...markup.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, ''));

afterEach(() => vi.unstubAllGlobals());

describe('capabilities in the review and approval dialog', () => {
  it('marks plain HTTP as unencrypted, and only plain HTTP, and lists each secret as its own kind', () => {
    inLanguage('en');
    expect(rows(renderToStaticMarkup(createElement(CapabilityList, { items })))).toEqual([
      'Network: send data to api.openweathermap.org',
      'Network: Unencrypted send data unencrypted to http://192.168.1.20:8123 — anyone on the network path can read or change it',
      'Secret: use your OpenWeather API key, only with api.openweathermap.org',
    ]);
  });

  it('says the same in Polish', () => {
    inLanguage('pl');
    expect(rows(renderToStaticMarkup(createElement(CapabilityList, { items })))).toEqual([
      'Sieć: Wysyłać dane do api.openweathermap.org',
      'Sieć: Bez szyfrowania Wysyłać dane bez szyfrowania do http://192.168.1.20:8123 — każdy na trasie połączenia może je odczytać lub zmienić',
      'Sekret: Używać Twojego sekretu „OpenWeather API key”, tylko w połączeniach z api.openweathermap.org',
    ]);
  });

  it('marks plain HTTP gained since the running version as unencrypted', () => {
    inLanguage('en');
    const markup = renderToStaticMarkup(createElement(CapabilityChanges, { added: items.filter((item) => item.kind === 'http'), removed: [] }));
    expect(rows(markup)).toEqual([
      'Added send data to api.openweathermap.org',
      'Added Unencrypted send data unencrypted to http://192.168.1.20:8123 — anyone on the network path can read or change it',
    ]);
  });
});
