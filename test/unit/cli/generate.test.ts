import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { foundry } from '../../helpers/run-foundry.ts';
import { openFoundryStore, DATABASE_FILE } from '../../../main/store/index.ts';
import { createGeneratorConfig } from '../../../main/skills/generator/index.ts';
import { createPassphraseSecretBox } from '../../../main/skills/approval/secret-box.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';

const tempDir = useTempDir();


describe('foundry generate', () => {
  it('runs the pipeline to a pending, disclosed version', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const result = await foundry(['generate', 'Chcę śledzić ile piję wody', '--json'], env);
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(body).toMatchObject({ outcome: 'pending', version: { tag: 'custom-water-tracker@v1.0.0', status: 'pending' } });
    expect(body.disclosure.text.pl).toContain('Odczytywać Twoje wpisy o wypitej wodzie');
    expect(body.steps.map((s: { step: string }) => s.step)).toEqual(['generate', 'audit', 'dry-run', 'disclose', 'submit']);
    const status = JSON.parse((await foundry(['status', '--json'], env)).out);
    expect(status.counts.pendingReviews).toBe(1);
  });

  it('prints the steps and the disclosure in the request’s language', async () => {
    const result = await foundry(['generate', 'I want to track my sleep'], { FOUNDRY_DATA_DIR: tempDir() });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/✓ audit/);
    expect(result.out).toContain("New skill '");
  });

  it('refuses bad options without touching the store', async () => {
    const dataDir = tempDir();
    expect((await foundry(['generate', 'log my coffee', '--max-attempts', 'lots'], { FOUNDRY_DATA_DIR: dataDir })).code).toBe(2);
    expect((await foundry(['generate'], { FOUNDRY_DATA_DIR: dataDir })).code).toBe(2);
    const badGenerator = await foundry(['generate', 'log my coffee', '--generator', 'gpt'], { FOUNDRY_DATA_DIR: dataDir });
    expect(badGenerator.code).toBe(2);
    expect(badGenerator.err).toContain('--generator is one of offline, claude, openai');
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('refuses what the built-in generator cannot read as a skill request, and stores no skill', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const notRequest = await foundry(['generate', 'Jaka jest dziś pogoda?'], env);
    expect(notRequest.code).toBe(1);
    expect(notRequest.err).toContain('not a skill request');
    expect(JSON.parse((await foundry(['status', '--json'], env)).out).counts.skills).toBe(0);
  });

  it('says in both languages that a chosen model is not set up, instead of using another generator', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    expect((await foundry(['generator', 'use', 'openai'], env)).code).toBe(0);
    const result = await foundry(['generate', 'Chcę śledzić ile piję wody'], env);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Your own model is chosen, but its base URL or model is not set');
    expect(result.err).toContain('pl: Wybrano własny model');
    expect(JSON.parse((await foundry(['status', '--json'], env)).out).counts.skills).toBe(0);
  });

  it('asks back what is ambiguous, in both languages, instead of guessing, and touches nothing', async () => {
    const dataDir = tempDir();
    const asked = await foundry(['generate', 'Chcę liczyć czytanie'], { FOUNDRY_DATA_DIR: dataDir });
    expect(asked.code).toBe(1);
    expect(asked.err).toContain('one question first');
    expect(asked.err).toContain('pl: Czy chodzi o liczbę książek, czy stron?');
    expect(asked.err).toContain('en: Do you mean the number of books or of pages?');
    const json = await foundry(['generate', 'Count my reading', '--json'], { FOUNDRY_DATA_DIR: dataDir });
    expect(JSON.parse(json.out)).toMatchObject({ outcome: 'needs-clarification', reason: { en: 'Do you mean the number of books or of pages?' } });
    expect(JSON.parse((await foundry(['status', '--json'], { FOUNDRY_DATA_DIR: dataDir })).out).counts.skills).toBe(0);
  });
});

describe('generator settings', () => {
  const KEY = 'sk-ant-api03-THIS-IS-A-TEST-KEY-0123456789abcdef';

  it('is offline until a key is set; a stored key is sealed, never in the file, and can be cleared', async () => {
    const dataDir = tempDir();
    const store = openFoundryStore(dataDir);
    const config = createGeneratorConfig({ store, box: createPassphraseSecretBox('correct horse battery'), env: {} });
    expect(config.status()).toEqual({ mode: 'offline', choice: null, keySource: null, model: 'claude-opus-4-5', openai: { baseURL: null, model: null, keySource: null } });
    expect((await config.generator()).id).toBe('offline');

    await config.setApiKey(`  ${KEY}\n`);
    await config.setModel('claude-sonnet-4-5');
    expect(config.status()).toMatchObject({ mode: 'claude', keySource: 'stored', model: 'claude-sonnet-4-5' });
    expect((await config.generator()).id).toBe('claude:claude-sonnet-4-5');
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).includes(KEY)).toBe(false);
    expect(JSON.stringify(store.auditLog.page({ offset: 0, limit: 10 }))).not.toContain(KEY);

    expect(config.clearApiKey()).toBe(true);
    expect(config.status().mode).toBe('offline');
    store.close();
  });

  it('refuses a key it cannot protect, a key of the wrong shape and a bad model name', async () => {
    const store = openFoundryStore(tempDir());
    const unprotected = createGeneratorConfig({ store, box: null, env: {} });
    await expect(unprotected.setApiKey(KEY)).rejects.toMatchObject({ code: 'generator/invalid-settings' });
    const config = createGeneratorConfig({ store, box: createPassphraseSecretBox('correct horse battery'), env: {} });
    await expect(config.setApiKey('short')).rejects.toMatchObject({ code: 'generator/invalid-settings' });
    await expect(config.setModel('../../etc')).rejects.toThrow(/model/);
    expect(() => config.setOpenAI({ baseURL: 'http://user:secret@127.0.0.1:11434/v1' })).toThrow(/is not a base URL/);
    expect(() => config.setOpenAI({ model: 'rm -rf /' })).toThrow(/is not a model name/);
    expect(() => config.use('gpt')).toThrow(/is not a generator: choose offline, claude or openai/);
    expect(config.status()).toMatchObject({ choice: null, openai: { baseURL: null, model: null } });
    expect(config.status().mode).toBe('offline');
    store.close();
  });

  it('uses ANTHROPIC_API_KEY from the environment for headless use', async () => {
    const store = openFoundryStore(tempDir());
    const config = createGeneratorConfig({ store, box: null, env: { ANTHROPIC_API_KEY: KEY } });
    expect(config.status()).toMatchObject({ mode: 'claude', keySource: 'environment' });
    store.close();
  });

  it('foundry generator status reports the mode without the key', async () => {
    const result = await foundry(['generator', 'status', '--json'], { FOUNDRY_DATA_DIR: tempDir(), ANTHROPIC_API_KEY: KEY });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ mode: 'claude', keySource: 'environment' });
    expect(result.out).not.toContain(KEY);
    expect((await foundry(['generator', 'frobnicate'], { FOUNDRY_DATA_DIR: tempDir() })).code).toBe(2);
  });

  it('foundry generator chooses your own model and sets its endpoint, refusing a bad one in both languages', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const set = await foundry(['generator', 'set-openai', '--base-url', 'http://127.0.0.1:11434/v1/', '--model', 'qwen2.5-coder:7b', '--json'], env);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ mode: 'offline', openai: { baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5-coder:7b', keySource: null } });
    const chosen = await foundry(['generator', 'use', 'openai'], env);
    expect(chosen.out).toContain('generator in use: your own model: qwen2.5-coder:7b at http://127.0.0.1:11434/v1, no key');
    const bad = await foundry(['generator', 'set-openai', '--base-url', 'localhost:11434', '--json'], env);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out)).toMatchObject({ ok: false, error: { code: 'generator/invalid-settings', message: { pl: expect.stringContaining('to nie jest adres bazowy') } } });
    expect((await foundry(['generator', 'use'], env)).code).toBe(2);
    expect(JSON.parse((await foundry(['generator', 'status', '--json'], env)).out)).toMatchObject({ mode: 'openai', openai: { baseURL: 'http://127.0.0.1:11434/v1' } });
  });
});
