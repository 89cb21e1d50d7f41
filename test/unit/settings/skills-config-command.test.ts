import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runFoundry } from '../../../main/cli/foundry.ts';
import { openFoundryStore } from '../../../main/store/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { databaseBytes } from '../approval/security-fixtures.ts';
import { insertSkill, runVersion, SLUG, weatherManifest } from './settings-fixtures.ts';

const tempDir = useTempDir();
const SECRET = 'owm-secret-from-stdin-42';

async function foundry(args: string[], env: NodeJS.ProcessEnv, stdin?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFoundry(args, { out: (t) => out.push(t), err: (t) => err.push(t), env, ...(stdin === undefined ? {} : { stdin: Readable.from([stdin]) }) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function weatherStore() {
  const env = { FOUNDRY_DATA_DIR: tempDir(), FOUNDRY_PASSPHRASE: 'correct horse battery staple' };
  const store = openFoundryStore(env.FOUNDRY_DATA_DIR);
  runVersion(store, insertSkill(store), weatherManifest('1.0.0'));
  store.close();
  return env;
}

describe('foundry skills config', () => {
  it('shows the fields, sets values (JSON when it parses, else text) and reads them back, as text or JSON', async () => {
    const env = weatherStore();
    const shown = await foundry(['skills', 'config', SLUG], env);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/city += —   # City \/ Miasto, required/);
    expect(shown.out).toMatch(/units += "metric" \(default\)/);
    expect(shown.out).toContain('OPENWEATHER_KEY   not set   sent only to api.openweathermap.org');

    expect((await foundry(['skills', 'config', SLUG, '--set', 'city=Kraków', '--set', 'warnBelow=-3', '--set', 'notify=false'], env)).code).toBe(0);
    const json = JSON.parse((await foundry(['skills', 'config', SLUG, '--json'], env)).out);
    expect(json).toMatchObject({ values: { city: 'Kraków', warnBelow: -3, notify: false }, effective: { units: 'metric' }, problems: [] });
  });

  it('takes a secret only from standard input, shows only that it is set, and clears it', async () => {
    const env = weatherStore();
    const set = await foundry(['skills', 'config', SLUG, '--secret', 'OPENWEATHER_KEY'], env, `${SECRET}\n`);
    expect(set.code).toBe(0);
    expect(set.out).toMatch(/OPENWEATHER_KEY\s+set 20/);
    expect(set.out + set.err).not.toContain(SECRET);
    expect(databaseBytes(env.FOUNDRY_DATA_DIR).includes(Buffer.from(SECRET))).toBe(false);
    // A value on the command line is not a secret option: --secret takes the name only.
    expect((await foundry(['skills', 'config', SLUG, '--secret', 'OPENWEATHER_KEY', SECRET], env, '')).code).toBe(2);
    const cleared = await foundry(['skills', 'config', SLUG, '--clear-secret', 'OPENWEATHER_KEY', '--json'], env);
    expect(JSON.parse(cleared.out).secrets[0]).toMatchObject({ name: 'OPENWEATHER_KEY', set: false });
  });

  it('bad input exits 2 with the field named in both languages and changes nothing', async () => {
    const env = weatherStore();
    const refused = await foundry(['skills', 'config', SLUG, '--set', 'city=Kraków', '--set', 'warnBelow=999'], env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('warnBelow: must be <= 50');
    expect(refused.err).toContain('pl:');
    const asJson = JSON.parse((await foundry(['skills', 'config', SLUG, '--set', 'units=kelvin', '--json'], env)).out);
    expect(asJson).toMatchObject({ ok: false, error: { code: 'bad-request', fields: { units: { en: expect.any(String), pl: expect.any(String) } } } });
    expect((await foundry(['skills', 'config', SLUG, '--set', 'city'], env)).code).toBe(2);
    expect((await foundry(['skills', 'config', SLUG, '--set', 'WEBHOOK_TOKEN=abc'], env)).err).toContain('is a secret');
    expect((await foundry(['skills', 'config', SLUG, '--revoke-address', '192.168.1.20'], env)).code).toBe(2);
    expect((await foundry(['skills', 'config', SLUG, '--revoke-address', '192.168.1.20:8123'], env)).code).toBe(1);
    expect((await foundry(['skills', 'config', SLUG, '--set', 'city=Kraków', '--clear-secret', 'OPENWEATHER_KEY'], env)).code).toBe(2);
    expect(JSON.parse((await foundry(['skills', 'config', SLUG, '--json'], env)).out).values).toEqual({});
  });

  it('explains in its help why a secret is read from standard input', async () => {
    const help = await foundry(['skills', '--help'], {});
    expect(help.out).toContain('never from the command line: any process on this computer can read another’s arguments');
  });
});
