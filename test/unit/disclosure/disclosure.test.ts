import { describe, expect, it } from 'vitest';
import type { AuditFinding, AuditReport } from '../../../shared/skills/audit.ts';
import type { SkillCapabilities, SkillManifest, SkillSecret } from '../../../shared/skills/manifest.ts';
import { buildDisclosure } from '../../../main/skills/approval/disclosure.ts';
import { versionContentHash } from '../../../main/skills/registry/content-hash.ts';

function capabilities(overrides: Partial<SkillCapabilities> = {}): SkillCapabilities {
  return { reads: [], writes: [], http: [], notifications: false, skills: [], ...overrides };
}

function manifest(caps: SkillCapabilities, version = '1.0.0'): SkillManifest {
  return { slug: 'custom-water-tracker', name: 'Water Tracker', description: 'Śledzi wodę', version, capabilities: caps, config_schema: {} };
}

/** `updates`: the tables the code calls update() on (none: it only adds entries); null for a report made before that was recorded. */
function report(caps: SkillCapabilities, findings: AuditFinding[] = [], blockedCalls: string[] = [], updates: string[] | null = []): AuditReport {
  const verdict = findings.some((f) => f.severity === 'block') || blockedCalls.length ? 'block' : findings.length ? 'warn' : 'pass';
  return { sourceSha256: 'a'.repeat(64), verdict, findings, capabilities: { ...caps, blockedCalls, ...(updates ? { updates } : {}) } };
}

const WATER_CAPS = capabilities({ reads: ['exo_water_entries'], writes: ['exo_water_entries'] });
const water = buildDisclosure({ manifest: manifest(WATER_CAPS), report: report(WATER_CAPS) });

const warning: AuditFinding = {
  rule: 'dos/dynamic-regex',
  severity: 'warn',
  message: { en: 'A regular expression is built from data at run time.', pl: 'Wyrażenie regularne jest budowane z danych w czasie działania.' },
  line: 12,
  column: 5,
  excerpt: 'new RegExp(pattern)',
};

describe('the disclosure', () => {
  it('tells the owner what the water tracker wants in plain words, with the table names in a details line', () => {
    expect(water.title).toEqual({ pl: "Nowy skill 'Water Tracker' chce:", en: "New skill 'Water Tracker' wants to:" });
    expect(water.items.map((item) => item.text)).toEqual([
      { pl: 'Odczytywać Twoje wpisy w skillu „Water Tracker”', en: 'read your entries in “Water Tracker”' },
      { pl: 'Dodawać nowe wpisy do skilla „Water Tracker”', en: 'add new entries to “Water Tracker”' },
    ]);
    expect(water.items.map((item) => item.details)).toEqual([
      { en: 'table exo_water_entries', pl: 'tabela exo_water_entries' },
      { en: 'table exo_water_entries', pl: 'tabela exo_water_entries' },
    ]);
    expect(water.text.pl).toBe(
      [
        "Nowy skill 'Water Tracker' chce:",
        '- Odczytywać Twoje wpisy w skillu „Water Tracker”',
        '- Dodawać nowe wpisy do skilla „Water Tracker”',
        '  (tabela: exo_water_entries)',
        'Ryzyko: niskie. Tylko odczytuje i dodaje własne wpisy; nic, co już masz, się nie zmienia.',
      ].join('\n'),
    );
    expect(water.text.en).toBe(
      [
        "New skill 'Water Tracker' wants to:",
        '- read your entries in “Water Tracker”',
        '- add new entries to “Water Tracker”',
        '  (table: exo_water_entries)',
        'Risk: low. It only reads and adds entries of its own; nothing you already have changes.',
      ].join('\n'),
    );
    expect(water).toMatchObject({ slug: 'custom-water-tracker', name: 'Water Tracker', version: '1.0.0', warnings: [], changes: null });
  });

  it('is deterministic', () => {
    const again = buildDisclosure({ manifest: manifest(structuredClone(WATER_CAPS)), report: report(structuredClone(WATER_CAPS)) });
    expect(JSON.stringify(again)).toBe(JSON.stringify(water));
  });

  describe('risk', () => {
    const risk = (caps: SkillCapabilities, findings: AuditFinding[] = [], used = caps) => buildDisclosure({ manifest: manifest(caps), report: report(used, findings) }).risk;

    it('is low for a skill that only reads its own entries, or reads and adds new ones', () => {
      expect(risk(capabilities({ reads: ['exo_water_entries'] }))).toEqual({ level: 'low', reasons: [{ en: 'It only reads its own entries.', pl: 'Tylko odczytuje własne wpisy.' }] });
      expect(risk(WATER_CAPS)).toEqual({
        level: 'low',
        reasons: [{ en: 'It only reads and adds entries of its own; nothing you already have changes.', pl: 'Tylko odczytuje i dodaje własne wpisy; nic, co już masz, się nie zmienia.' }],
      });
      expect(risk(capabilities()).level).toBe('low');
    });

    it('is medium for a skill that changes entries already saved, and says so in the disclosure', () => {
      const changing = buildDisclosure({ manifest: manifest(WATER_CAPS), report: report(WATER_CAPS, [], [], ['exo_water_entries']) });
      expect(changing.risk).toEqual({
        level: 'medium',
        reasons: [{ en: 'It can change entries already saved (exo_water_entries).', pl: 'Może zmieniać już zapisane wpisy (exo_water_entries).' }],
      });
      expect(changing.items[1]?.text).toEqual({
        en: 'add entries to “Water Tracker” and change the ones already saved', pl: 'Dodawać wpisy do skilla „Water Tracker” i zmieniać już zapisane',
      });
      // A report made before updates were recorded cannot prove a skill only adds: it may change.
      expect(buildDisclosure({ manifest: manifest(WATER_CAPS), report: report(WATER_CAPS, [], [], null) }).risk.level).toBe('medium');
    });

    it('is high for notifications, whose text can carry your entries', () => {
      expect(risk(capabilities({ reads: ['exo_x_items'], notifications: true }))).toEqual({
        level: 'high',
        reasons: [{
          en: 'It can send you notifications, and what they say can come from your entries (they may show on the lock screen).',
          pl: 'Może wysyłać Ci powiadomienia, a ich treść może pochodzić z Twoich wpisów (mogą się pojawić na ekranie blokady).',
        }],
      });
    });

    it('is high for calling a skill that writes (or one it cannot resolve), medium for one that only reads', () => {
      const caps = capabilities({ skills: ['custom-sleep-tracker', 'custom-weather'] });
      const calls = (dependencyWrites: Record<string, boolean>) => buildDisclosure({ manifest: manifest(caps), report: report(caps), dependencyWrites }).risk;
      expect(calls({ 'custom-sleep-tracker': false, 'custom-weather': false })).toEqual({
        level: 'medium',
        reasons: [{ en: 'It can run other skills that only read their own entries (custom-sleep-tracker, custom-weather).', pl: 'Może uruchamiać inne skille, które tylko odczytują własne wpisy (custom-sleep-tracker, custom-weather).' }],
      });
      expect(calls({ 'custom-sleep-tracker': true, 'custom-weather': false }).reasons.map((r) => r.en)).toEqual([
        'It can run other skills that may change data, with their permissions (custom-sleep-tracker).',
        'It can run other skills that only read their own entries (custom-weather).',
      ]);
      expect(calls({ 'custom-weather': false })).toMatchObject({ level: 'high', reasons: [{ en: expect.stringContaining('(custom-sleep-tracker)') }, expect.anything()] });
    });

    it('is high for HTTP to outside hosts, most serious reason first', () => {
      const caps = capabilities({ reads: ['exo_x_items'], writes: ['exo_x_items'], http: ['api.example.com'], skills: ['custom-sleep-tracker'] });
      const { level, reasons } = buildDisclosure({ manifest: manifest(caps), report: report(caps, [], [], ['exo_x_items']) }).risk;
      expect(level).toBe('high');
      expect(reasons.map((r) => r.en)).toEqual([
        'It can send data outside this computer (api.example.com).',
        'It can run other skills that may change data, with their permissions (custom-sleep-tracker).',
        'It can change entries already saved (exo_x_items).',
      ]);
    });

    it('rises to at least medium with an audit warning', () => {
      const result = risk(capabilities({ reads: ['exo_water_entries'] }), [warning]);
      expect(result.level).toBe('medium');
      expect(result.reasons).toEqual([{ en: 'The audit raised 1 warning(s).', pl: 'Audyt zgłosił ostrzeżenia: 1.' }]);
    });

    it('is high when the code does more than the manifest declares, and the extra is disclosed too', () => {
      const declared = capabilities({ reads: ['exo_water_entries'] });
      const used = capabilities({ reads: ['exo_water_entries'], writes: ['exo_water_entries'] });
      const disclosure = buildDisclosure({ manifest: manifest(declared), report: report(used) });
      expect(disclosure.risk.level).toBe('high');
      expect(disclosure.risk.reasons[0]?.en).toBe('The code does more than its manifest declares (write exo_water_entries).');
      expect(disclosure.items.map((i) => i.kind)).toEqual(['read', 'write']);
    });

    it('is high for calls that are never allowed', () => {
      const disclosure = buildDisclosure({ manifest: manifest(WATER_CAPS), report: report(WATER_CAPS, [], ['eval']) });
      expect(disclosure.risk.reasons[0]).toEqual({
        en: 'The audit found code that is never allowed (eval).',
        pl: 'Audyt znalazł kod, który nigdy nie jest dozwolony (eval).',
      });
    });
  });

  it('lists every kind of capability in both languages', () => {
    const caps = capabilities({ reads: ['exo_b_items', 'exo_a_items'], writes: ['exo_a_items'], http: ['api.example.com'], notifications: true, skills: ['custom-sleep-tracker'] });
    const disclosure = buildDisclosure({ manifest: manifest(caps), report: report(caps) });
    // Two tables: each is told apart by its own words, its name still in the details.
    expect(disclosure.items).toEqual([
      { kind: 'read', target: 'exo_a_items', details: { en: 'table exo_a_items', pl: 'tabela exo_a_items' }, text: { en: 'read your entries in “Water Tracker” (a items)', pl: 'Odczytywać Twoje wpisy w skillu „Water Tracker” (a items)' } },
      { kind: 'read', target: 'exo_b_items', details: { en: 'table exo_b_items', pl: 'tabela exo_b_items' }, text: { en: 'read your entries in “Water Tracker” (b items)', pl: 'Odczytywać Twoje wpisy w skillu „Water Tracker” (b items)' } },
      { kind: 'write', target: 'exo_a_items', details: { en: 'table exo_a_items', pl: 'tabela exo_a_items' }, text: { en: 'add new entries to “Water Tracker” (a items)', pl: 'Dodawać nowe wpisy do skilla „Water Tracker” (a items)' } },
      { kind: 'http', target: 'api.example.com', text: { en: 'send data to api.example.com', pl: 'Wysyłać dane do api.example.com' } },
      { kind: 'notify', target: null, text: { en: 'send you notifications', pl: 'Wysyłać Ci powiadomienia' } },
      { kind: 'skill', target: 'custom-sleep-tracker', text: { en: 'call the skill custom-sleep-tracker', pl: 'Wywoływać skill custom-sleep-tracker' } },
    ]);
  });

  it('puts audit warnings in plain words with their line', () => {
    const disclosure = buildDisclosure({ manifest: manifest(WATER_CAPS), report: report(WATER_CAPS, [warning]) });
    expect(disclosure.warnings).toEqual([
      { en: 'Line 12: A regular expression is built from data at run time.', pl: 'Wiersz 12: Wyrażenie regularne jest budowane z danych w czasie działania.' },
    ]);
    expect(disclosure.text.pl).toContain('Ostrzeżenia:\n- Wiersz 12: Wyrażenie regularne jest budowane z danych w czasie działania.');
    expect(disclosure.text.en).toContain('Warnings:\n- Line 12: A regular expression is built from data at run time.');
  });

  it('shows what changed since the version running now', () => {
    const before = capabilities({ reads: ['exo_water_entries', 'exo_water_goals'], writes: ['exo_water_entries'] });
    const after = capabilities({ reads: ['exo_water_entries'], writes: ['exo_water_entries'], notifications: true });
    const disclosure = buildDisclosure({ manifest: manifest(after, '1.1.0'), report: report(after), previous: { version: '1.0.0', capabilities: before, updates: [] } });
    expect(disclosure.title).toEqual({ en: "Skill 'Water Tracker' (new version 1.1.0) wants to:", pl: "Skill 'Water Tracker' (nowa wersja 1.1.0) chce:" });
    expect(disclosure.changes).toEqual({
      previousVersion: '1.0.0',
      added: [{ kind: 'notify', target: null, text: { en: 'send you notifications', pl: 'Wysyłać Ci powiadomienia' } }],
      removed: [{
        kind: 'read', target: 'exo_water_goals', details: { en: 'table exo_water_goals', pl: 'tabela exo_water_goals' },
        text: { en: 'read your entries in “Water Tracker” (water goals)', pl: 'Odczytywać Twoje wpisy w skillu „Water Tracker” (water goals)' },
      }],
    });
    expect(disclosure.text.en).toContain('Changes since version 1.0.0:\n  + send you notifications\n  − read your entries in “Water Tracker” (water goals)');
    expect(disclosure.text.pl).toContain('Zmiany od wersji 1.0.0:\n  + Wysyłać Ci powiadomienia\n  − Odczytywać Twoje wpisy w skillu „Water Tracker” (water goals)');

    const same = buildDisclosure({ manifest: manifest(after, '1.0.1'), report: report(after), previous: { version: '1.1.0', capabilities: after, updates: [] } });
    expect(same.changes).toEqual({ previousVersion: '1.1.0', added: [], removed: [] });
    expect(same.text.en).toContain('Changes since version 1.1.0:\n  no change in what it may do');
  });
});

describe('HTTP and secrets in the disclosure', () => {
  const KEY: SkillSecret = { name: 'OPENWEATHER_KEY', hosts: ['api.openweathermap.org'], title: 'OpenWeather API key' };
  const withSecrets = (caps: SkillCapabilities, secrets: SkillSecret[], version = '1.0.0'): SkillManifest => ({ ...manifest(caps, version), secrets });
  const weather = capabilities({ http: ['api.openweathermap.org'] });

  it('names an HTTPS host plainly and each secret with the only hosts it may go to', () => {
    const disclosure = buildDisclosure({ manifest: withSecrets(weather, [KEY]), report: report(weather) });
    expect(disclosure.items).toEqual([
      { kind: 'http', target: 'api.openweathermap.org', text: { en: 'send data to api.openweathermap.org', pl: 'Wysyłać dane do api.openweathermap.org' } },
      {
        kind: 'secret',
        target: 'OPENWEATHER_KEY',
        text: {
          en: 'use your OpenWeather API key, only with api.openweathermap.org',
          pl: 'Używać Twojego sekretu „OpenWeather API key”, tylko w połączeniach z api.openweathermap.org',
        },
      },
    ]);
    expect(disclosure.text.en).toContain('- send data to api.openweathermap.org\n- use your OpenWeather API key, only with api.openweathermap.org\n');
  });

  it('calls a secret without a title by its name, one item per secret in name order', () => {
    const caps = capabilities({ http: ['api.a.example', 'api.b.example'] });
    const secrets = [{ name: 'B_TOKEN', hosts: ['api.b.example', 'api.a.example'] }, { name: 'A_KEY', hosts: ['api.a.example'] }];
    const items = buildDisclosure({ manifest: withSecrets(caps, secrets), report: report(caps) }).items.filter((item) => item.kind === 'secret');
    expect(items.map((item) => item.text.en)).toEqual(['use your A_KEY, only with api.a.example', 'use your B_TOKEN, only with api.a.example, api.b.example']);
  });

  it('says plain HTTP is unencrypted and rates it high, with the reason', () => {
    const caps = capabilities({ http: ['http://192.168.1.20:8123'] });
    const disclosure = buildDisclosure({ manifest: manifest(caps), report: report(caps) });
    expect(disclosure.items[0]?.text).toEqual({
      en: 'send data unencrypted to http://192.168.1.20:8123 — anyone on the network path can read or change it',
      pl: 'Wysyłać dane bez szyfrowania do http://192.168.1.20:8123 — każdy na trasie połączenia może je odczytać lub zmienić',
    });
    expect(disclosure.risk.level).toBe('high');
    expect(disclosure.risk.reasons[0]).toEqual({
      en: 'It sends data unencrypted over plain HTTP (http://192.168.1.20:8123); anyone on the network path can read or change it.',
      pl: 'Wysyła dane bez szyfrowania, zwykłym HTTP (http://192.168.1.20:8123); każdy na trasie połączenia może je odczytać lub zmienić.',
    });
  });

  it('warns that a secret bound to a plain-HTTP host would travel unencrypted', () => {
    const caps = capabilities({ http: ['http://192.168.1.20:8123'] });
    const token = { name: 'HA_TOKEN', hosts: ['http://192.168.1.20:8123'], title: 'Home Assistant token' };
    const { risk } = buildDisclosure({ manifest: withSecrets(caps, [token]), report: report(caps) });
    expect(risk.reasons.map((reason) => reason.en)).toContain(
      'Your Home Assistant token would travel unencrypted to http://192.168.1.20:8123; anyone on the network path could copy it.',
    );
  });

  it('keeps an HTTPS-only skill free of the unencrypted warning', () => {
    const { risk } = buildDisclosure({ manifest: withSecrets(weather, [KEY]), report: report(weather) });
    expect(risk.reasons.map((reason) => reason.en)).toEqual(['It can send data outside this computer (api.openweathermap.org).']);
  });

  it('shows a secret gained, and a secret whose hosts changed, among the changes since the running version', () => {
    const caps = capabilities({ http: ['api.openweathermap.org', 'pro.openweathermap.org'] });
    const moved = { ...KEY, hosts: ['pro.openweathermap.org'] };
    const extra = { name: 'ALERTS_KEY', hosts: ['pro.openweathermap.org'] };
    const disclosure = buildDisclosure({
      manifest: withSecrets(caps, [moved, extra], '1.1.0'),
      report: report(caps),
      previous: { version: '1.0.0', capabilities: caps, secrets: [KEY] },
    });
    expect(disclosure.changes?.added.map((item) => item.text.en)).toEqual([
      'use your ALERTS_KEY, only with pro.openweathermap.org',
      'use your OpenWeather API key, only with pro.openweathermap.org',
    ]);
    expect(disclosure.changes?.removed.map((item) => item.text.en)).toEqual(['use your OpenWeather API key, only with api.openweathermap.org']);
    const unchanged = buildDisclosure({ manifest: withSecrets(weather, [KEY], '1.0.1'), report: report(weather), previous: { version: '1.0.0', capabilities: weather, secrets: [KEY] } });
    expect(unchanged.changes).toMatchObject({ added: [], removed: [] });
  });

  it('binds the approval to the secrets as shown: other hosts or another title give another version hash', () => {
    const content = (secrets: SkillSecret[]) => versionContentHash({ code: 'x', manifest: withSecrets(weather, secrets), configSchema: {}, skillMd: '' });
    expect(content([{ ...KEY, hosts: ['api.other.example'] }])).not.toBe(content([KEY]));
    expect(content([{ ...KEY, title: 'Your bank password' }])).not.toBe(content([KEY]));
    expect(content([structuredClone(KEY)])).toBe(content([KEY]));
  });
});
