import { beforeEach, describe, expect, it } from 'vitest';
import { createSkillService } from '../../../main/skills/service.ts';
import { createSkillSettings } from '../../../main/skills/settings/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { openFlow, rejection, thrown, type Flow } from '../registry/flow-fixtures.ts';
import { auditEvents, databaseBytes, newBox, newIntegrityKey, rawAuditText } from '../approval/security-fixtures.ts';
import { insertSkill, runVersion, SLUG, weatherManifest, WEATHER_SCHEMA } from './settings-fixtures.ts';

const tempDir = useTempDir();
const SECRET = 'sk-live-4f9a1c2e7b3d8e6f';

let flow: Flow;
let dir: string;
let skillId: string;
let service: ReturnType<typeof createSkillService>;
let settings: ReturnType<typeof createSkillSettings>;

beforeEach(async (context) => {
  dir = tempDir();
  const integrityKey = newIntegrityKey();
  flow = await openFlow(dir, integrityKey);
  context.onTestFinished(() => flow.close());
  const { store, skills } = flow.engine;
  settings = createSkillSettings({ store, box: newBox(), factors: flow.factors, integrityKey });
  service = createSkillService({ store, skills, factors: flow.factors, skillSettings: settings });
  skillId = insertSkill(store);
  runVersion(store, skillId, weatherManifest('1.0.0'));
});

const events = (prefix: string) => auditEvents(flow.engine.store).filter((e) => e.event.startsWith(prefix));

describe('the settings form', () => {
  it('is built from the running version’s schema: labels in both languages, defaults, choices; secrets are not plain fields', () => {
    const view = service.getSettings('owner', SLUG);
    expect(view.version).toBe('1.0.0');
    expect(view.fields.map((f) => [f.key, f.control])).toEqual([['city', 'text'], ['units', 'select'], ['warnBelow', 'integer'], ['notify', 'boolean']]);
    expect(view.fields[0]).toMatchObject({ label: { en: 'City', pl: 'Miasto' }, help: { en: 'Where to check the weather', pl: 'Gdzie sprawdzać pogodę' }, required: true });
    expect(view.fields[1]).toMatchObject({ label: { en: 'Units', pl: 'Units' }, options: ['metric', 'imperial'], defaultValue: 'metric' });
    expect(view.fields[2]).toMatchObject({ label: { en: 'warnBelow', pl: 'warnBelow' }, minimum: -50, maximum: 50 });
    expect(view.secrets).toEqual([
      { name: 'OPENWEATHER_KEY', label: { en: 'OpenWeather API key', pl: 'OpenWeather API key' }, help: null, hosts: ['api.openweathermap.org'], set: false, updatedAt: null },
      { name: 'WEBHOOK_TOKEN', label: { en: 'Webhook token', pl: 'Token webhooka' }, help: null, hosts: ['hooks.example.com'], set: false, updatedAt: null },
    ]);
    expect(view.effective).toEqual({ units: 'metric', warnBelow: 0, notify: true });
    expect(view.problems).toEqual([expect.objectContaining({ kind: 'missing', key: 'city' })]);
  });

  it('saves a partial change, hands the skill the values with defaults applied, and audits which keys changed', () => {
    service.setSettings('owner', SLUG, { values: { city: 'Kraków', warnBelow: -5 } });
    const view = service.setSettings('owner', SLUG, { values: { units: 'imperial' } });
    expect(view.values).toEqual({ city: 'Kraków', warnBelow: -5, units: 'imperial' });
    expect(view.problems).toEqual([]);
    const run = settings.forRun(SLUG, weatherManifest('1.0.0'));
    expect(run.config).toEqual({ city: 'Kraków', units: 'imperial', warnBelow: -5, notify: true });
    expect(Object.isFrozen(run.config)).toBe(true);
    expect(events('skill.settings')).toEqual([
      expect.objectContaining({ actor: 'owner', skillSlug: SLUG, data: { version: '1.0.0', set: { city: '"Kraków"', warnBelow: '-5' }, unset: [] } }),
      expect.objectContaining({ data: { version: '1.0.0', set: { units: '"imperial"' }, unset: [] } }),
    ]);
    service.setSettings('owner', SLUG, { unset: ['units'] });
    expect(settings.forRun(SLUG, weatherManifest('1.0.0')).config.units).toBe('metric');
  });

  it('refuses a value the schema refuses, naming the field in both languages, and changes nothing', () => {
    service.setSettings('owner', SLUG, { values: { city: 'Kraków' } });
    const error = thrown(() => service.setSettings('owner', SLUG, { values: { city: 'Gdańsk', warnBelow: 99, units: 'kelvin' } }));
    expect(error).toMatchObject({ code: 'bad-request', reason: 'invalid-settings' });
    expect(Object.keys(error.fields!)).toEqual(['warnBelow', 'units']);
    expect(error.fields!.warnBelow!.en).toContain('must be <= 50');
    expect(error.fields!.warnBelow!.pl).toContain('50');
    expect(error.fields!.warnBelow!.pl).not.toEqual(error.fields!.warnBelow!.en);
    expect(service.getSettings('owner', SLUG).values).toEqual({ city: 'Kraków' });
    expect(thrown(() => service.setSettings('owner', SLUG, { values: { colour: 'red' } }))).toMatchObject({ reason: 'unknown-key', userMessage: { en: expect.stringContaining('“city”') } });
    expect(thrown(() => service.setSettings('owner', SLUG, { values: { WEBHOOK_TOKEN: 'abc' } }))).toMatchObject({ reason: 'secret-as-value' });
    expect(thrown(() => service.setSettings('owner', SLUG, {}))).toMatchObject({ reason: 'nothing-to-change' });
    expect(events('skill.settings')).toHaveLength(1);
  });

  it('keeps values across a new version; one the new schema refuses is reported and not handed to the skill', () => {
    service.setSettings('owner', SLUG, { values: { city: 'Kraków', warnBelow: -20 } });
    const narrower = { ...WEATHER_SCHEMA, properties: { ...(WEATHER_SCHEMA.properties as object), warnBelow: { type: 'integer', minimum: -10, maximum: 10, default: 2 } } };
    const v2 = weatherManifest('2.0.0', narrower);
    runVersion(flow.engine.store, skillId, v2);
    const view = service.getSettings('owner', SLUG);
    expect(view.version).toBe('2.0.0');
    expect(view.values).toEqual({ city: 'Kraków', warnBelow: -20 });
    expect(view.problems).toEqual([expect.objectContaining({ kind: 'refused', key: 'warnBelow', message: { en: expect.stringContaining('does not fit the running version'), pl: expect.stringContaining('nie pasuje') } })]);
    expect(settings.forRun(SLUG, v2).config).toMatchObject({ city: 'Kraków', warnBelow: 2 });
  });
});

describe('secrets', () => {
  it('are sealed at rest: the value is not in the database file or the audit log; the skill’s run unseals it only on request', async () => {
    const view = await service.setSecret('owner', SLUG, 'OPENWEATHER_KEY', SECRET);
    expect(view.secrets[0]).toEqual(expect.objectContaining({ name: 'OPENWEATHER_KEY', set: true, updatedAt: expect.any(String) }));
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(JSON.stringify(service.getSettings('assistant', SLUG))).not.toContain(SECRET);
    expect(rawAuditText(flow.engine.store)).not.toContain(SECRET);
    expect(events('skill.secret')).toEqual([expect.objectContaining({ actor: 'owner', data: { name: 'OPENWEATHER_KEY', replaced: false } })]);

    const run = settings.forRun(SLUG, weatherManifest('1.0.0'));
    expect(JSON.stringify(run)).not.toContain(SECRET);
    expect(await run.secretValue('OPENWEATHER_KEY')).toBe(SECRET);
    expect(await run.secretValue('WEBHOOK_TOKEN')).toBeNull();
    // A version that no longer declares the secret does not get it.
    expect(await settings.forRun(SLUG, weatherManifest('1.1.0', WEATHER_SCHEMA, [])).secretValue('OPENWEATHER_KEY')).toBeNull();

    // A sealed blob copied to another name (whose hosts differ) in the database opens to nothing.
    flow.engine.store.db.prepare("INSERT INTO skill_secrets SELECT skill_id, 'WEBHOOK_TOKEN', box_kind, sealed, updated_at FROM skill_secrets WHERE name = 'OPENWEATHER_KEY'").run();
    expect(await run.secretValue('WEBHOOK_TOKEN')).toBeNull();
    flow.engine.store.db.prepare("DELETE FROM skill_secrets WHERE name = 'WEBHOOK_TOKEN'").run();

    service.clearSecret('owner', SLUG, 'OPENWEATHER_KEY');
    expect(await run.secretValue('OPENWEATHER_KEY')).toBeNull();
    expect(events('skill.secret').at(-1)).toMatchObject({ event: 'skill.secret.cleared', data: { name: 'OPENWEATHER_KEY' } });
    await service.setSecret('owner', SLUG, 'WEBHOOK_TOKEN', SECRET);
    await flow.close();
    expect(databaseBytes(dir).includes(Buffer.from(SECRET))).toBe(false);
  });

  it('refuses undeclared names, line breaks, and saving without protected storage, storing nothing', async () => {
    expect(await rejection(service.setSecret('owner', SLUG, 'AWS_KEY', SECRET))).toMatchObject({ reason: 'unknown-secret', userMessage: { pl: expect.stringContaining('OPENWEATHER_KEY') } });
    expect(await rejection(service.setSecret('owner', SLUG, 'OPENWEATHER_KEY', `${SECRET}\r\nX-Evil: 1`))).toMatchObject({ code: 'bad-request', reason: 'bad-secret' });
    const { store, skills } = flow.engine;
    const boxless = createSkillService({ store, skills });
    expect(await rejection(boxless.setSecret('owner', SLUG, 'OPENWEATHER_KEY', SECRET))).toMatchObject({ code: 'unavailable', reason: 'no-secret-storage' });
    expect(thrown(() => service.clearSecret('owner', SLUG, 'OPENWEATHER_KEY'))).toMatchObject({ code: 'not-found' });
    expect(service.getSettings('owner', SLUG).secrets.every((s) => !s.set)).toBe(true);
    expect(events('skill.secret')).toEqual([]);
  });
});

describe('who may change settings', () => {
  it('the assistant may read them but not change values, secrets or allowances; each attempt is audited', async () => {
    expect(service.getSettings('assistant', SLUG).fields).toHaveLength(4);
    expect(thrown(() => service.setSettings('assistant', SLUG, { values: { city: 'Kraków' } }))).toMatchObject({ code: 'forbidden', reason: 'owner-only' });
    expect(await rejection(service.setSecret('assistant', SLUG, 'OPENWEATHER_KEY', SECRET))).toMatchObject({ code: 'forbidden' });
    expect(thrown(() => service.clearSecret('scheduler', SLUG, 'OPENWEATHER_KEY'))).toMatchObject({ code: 'forbidden' });
    expect(await rejection(service.addAllowance('assistant', SLUG, { address: '192.168.1.20', port: 8123, totpCode: await flow.nextCode() }))).toMatchObject({ code: 'forbidden' });
    expect(service.getSettings('owner', SLUG)).toMatchObject({ values: {}, allowances: [] });
    expect(events('access.denied')).toHaveLength(4);
    expect(flow.prompts).toEqual([]);
  });
});

describe('local-address allowances', () => {
  it('need both factors; then the skill may reach exactly that address and port, disclosed and audited', async () => {
    const wrong = await rejection(service.addAllowance('owner', SLUG, { address: '192.168.1.20', port: 8123, totpCode: '000000' }));
    expect(wrong).toMatchObject({ code: 'refused', reason: 'totp-invalid' });
    flow.biometric.setting = 'deny';
    expect(await rejection(service.addAllowance('owner', SLUG, { address: '192.168.1.20', port: 8123, totpCode: await flow.nextCode() }))).toMatchObject({ code: 'refused', reason: 'biometric-failed' });
    expect(settings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([]);
    expect(events('allowance.refused')).toHaveLength(2);

    flow.biometric.setting = 'approve';
    const view = await service.addAllowance('owner', SLUG, { address: '::ffff:192.168.1.20', port: 8123, totpCode: await flow.nextCode() });
    expect(view.allowances).toEqual([{ address: '192.168.1.20', port: 8123, addedAt: expect.any(String), inEffect: true }]);
    expect(flow.prompts.at(-1)).toEqual({ en: 'Let the skill “Weather check” reach 192.168.1.20:8123 on your local network', pl: 'Pozwól skillowi „Weather check” łączyć się z 192.168.1.20:8123 w sieci lokalnej' });
    expect(settings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([{ address: '192.168.1.20', port: 8123 }]);
    expect(events('skill.allowance')).toEqual([expect.objectContaining({ actor: 'owner', data: { address: '192.168.1.20:8123', factors: [expect.objectContaining({ factor: 'totp', ok: true }), expect.objectContaining({ factor: 'biometric', ok: true })] } })]);

    expect(service.revokeAllowance('assistant', SLUG, '192.168.1.20', 8123).allowances).toEqual([]);
    expect(settings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([]);
    expect(events('skill.allowance').at(-1)).toMatchObject({ event: 'skill.allowance.revoked', actor: 'assistant' });
    expect(thrown(() => service.revokeAllowance('owner', SLUG, '192.168.1.20', 8123))).toMatchObject({ code: 'not-found' });
  });

  it('refuses public, metadata and malformed addresses before asking any factor', async () => {
    for (const [address, reason] of [['8.8.8.8', 'public-address'], ['169.254.169.254', 'cloud-metadata'], ['0x7f.1', 'bad-address']] as const) {
      expect(await rejection(service.addAllowance('owner', SLUG, { address, port: 80, totpCode: '123456' }))).toMatchObject({ code: 'bad-request', reason });
    }
    expect(flow.prompts).toEqual([]);
  });

  it('one written into the database around the app does not take effect', () => {
    flow.engine.store.db.prepare('INSERT INTO skill_local_allowances (skill_id, address, port, added_at, mac) VALUES (?, ?, ?, ?, ?)')
      .run(skillId, '10.0.0.1', 22, new Date().toISOString(), 'a'.repeat(64));
    expect(service.getSettings('owner', SLUG).allowances).toEqual([expect.objectContaining({ address: '10.0.0.1', inEffect: false })]);
    expect(settings.forRun(SLUG, weatherManifest('1.0.0')).localAllowances).toEqual([]);
  });
});
