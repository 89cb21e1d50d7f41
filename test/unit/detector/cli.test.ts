import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../main/cli/command.ts';
import { needCommand } from '../../../main/cli/commands/need.ts';
import { suggestCommand } from '../../../main/cli/commands/suggest.ts';
import { COMMANDS } from '../../../main/cli/commands/index.ts';
import { openFoundryStore, DATABASE_FILE } from '../../../main/store/index.ts';
import { createSkillsConfig } from '../../../main/skills/config/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { EN_HISTORY, PL_HISTORY } from './fixtures.ts';

const tempDir = useTempDir();

async function run(command: Command, args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await command.run(args, { out: (t) => out.push(t), err: (t) => err.push(t), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('foundry need', () => {
  it('is a foundry subcommand', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(expect.arrayContaining(['need', 'suggest']));
  });

  it('prints the parsed need', async () => {
    const result = await run(needCommand, ['Przypominaj mi o lekach codziennie o 8']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/kind\s+reminder/);
    expect(result.out).toMatch(/subject\s+leki \(key: medication\)/);
    expect(result.out).toContain('codziennie o 08:00 / every day at 08:00');
  });

  it('joins unquoted words into one sentence and prints JSON with --json', async () => {
    const result = await run(needCommand, ['Chcę', 'śledzić', 'ile', 'piję', 'wody', '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({
      isRequest: true,
      need: { kind: 'tracker', subject: 'woda', subjectKey: 'water', unit: 'ml', cadence: { type: 'none' }, language: 'pl', source: 'request', text: 'Chcę śledzić ile piję wody' },
    });
  });

  it('says why something is not a skill request, in both languages, with exit 1', async () => {
    const result = await run(needCommand, ['send an email to Anna']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('not a skill request');
    expect(result.out).toMatch(/pl: To nie jest prośba/);
    expect(result.out).toMatch(/en: This is not a request/);
    const json = await run(needCommand, ['Jak się masz?', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ isRequest: false, reason: { en: expect.stringContaining('question') } });
  });

  it('shows the fields, period, limit and times a day a request asks for', async () => {
    const spending = await run(needCommand, ['Ostrzeż mnie, gdy wydam więcej niż 500 zł w tygodniu']);
    expect(spending.out).toContain('period    tydzień / week');
    expect(spending.out).toContain('limit     powyżej 500 zł / above 500 zł');
    expect(spending.out).toContain('fields    amount* (zł), category');
    const pressure = await run(needCommand, ['Log my blood pressure twice a day']);
    expect(pressure.out).toContain('per day   2 razy dziennie / 2 times a day');
  });

  it('shows a question back as a question, with exit 1', async () => {
    const result = await run(needCommand, ['Count', 'my', 'reading']);
    expect(result.code).toBe(1);
    expect(result.out).toContain('one question first / najpierw pytanie');
    expect(result.out).toContain('en: Do you mean the number of books or of pages?');
  });

  it('exits 2 without a sentence', async () => {
    const result = await run(needCommand, []);
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage: foundry need');
  });
});

describe('foundry suggest', () => {
  it('prints pattern and gap suggestions with their evidence', async () => {
    const result = await run(suggestCommand, ['--history', PL_HISTORY]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Często wspominasz o kawie — liczyć?');
    expect(result.out).toContain('You often mention coffee — count it?');
    expect(result.out).toContain('10 messages on 9 days');
    expect(result.out).toContain('„Czwarta kawusia dzisiaj, serce mi wali.”');
    expect(result.out).toContain('Nigdy nie mówisz o nawodnieniu — śledzić?');
    expect(result.out).toContain('0 mentions in 46 messages over 21 days');
  });

  it('--json gives the suggestions as data; --min-mentions and --installed change them', async () => {
    const result = await run(suggestCommand, ['--history', EN_HISTORY, '--json', '--min-mentions', '4', '--installed', 'coffee']);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out);
    expect(data.patterns.map((s: { subjectKey: string }) => s.subjectKey)).toEqual(['cigarettes', 'walking', 'work']);
    expect(data.gaps.map((s: { evidence: { domain: string } }) => s.evidence.domain)).toEqual(['hydration', 'finance', 'learning']);
    expect(data.scanned).toEqual({ messages: 35, days: 20 });
    expect(data).not.toHaveProperty('stored');
  });

  it('reports a malformed history with the line, exit 2', async () => {
    const file = path.join(tempDir(), 'history.jsonl');
    fs.writeFileSync(file, '{"role":"user","text":"kawa","at":"2026-03-02T08:00:00Z"}\n{"role":"user","text":"kawa"}\n');
    const result = await run(suggestCommand, ['--history', file]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('line 2: the “at” field is missing.');
    expect(result.err).toContain('linia 2: brakuje pola „at”.');
  });

  it('exits 2 on missing or bad options without touching the store', async () => {
    const dataDir = tempDir();
    expect((await run(suggestCommand, [], { FOUNDRY_DATA_DIR: dataDir })).code).toBe(2);
    const bad = await run(suggestCommand, ['--history', PL_HISTORY, '--min-mentions', 'lots', '--store'], { FOUNDRY_DATA_DIR: dataDir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--min-mentions must be a whole number');
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE))).toBe(false);
  });

  it('--store keeps the suggestions in the store and does not repeat them on the next run', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const first = await run(suggestCommand, ['--history', PL_HISTORY, '--store', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).stored.map((s: { subjectKey: string }) => s.subjectKey)).toEqual(['coffee', 'water', 'meditation']);

    const second = await run(suggestCommand, ['--history', PL_HISTORY, '--store'], env);
    expect(second.code).toBe(0);
    expect(second.out).toContain('skipped pattern coffee: it is already waiting for a decision');

    const store = openFoundryStore(env.FOUNDRY_DATA_DIR);
    expect(store.db.prepare('SELECT count(*) AS n FROM skill_suggestions').get()).toEqual({ n: 3 });
    store.close();
  });

  it('--store respects the learning settings in config.yaml', async () => {
    const env = { FOUNDRY_DATA_DIR: tempDir() };
    const store = openFoundryStore(env.FOUNDRY_DATA_DIR);
    createSkillsConfig(store).set('skills.learning.mode', ['user_authored'], 'owner');
    store.close();
    const result = await run(suggestCommand, ['--history', PL_HISTORY, '--store', '--json'], env);
    expect(result.code).toBe(0);
    const data = JSON.parse(result.out);
    expect(data.stored).toEqual([]);
    expect(data.skipped.map((s: { reason: string }) => s.reason)).toEqual(['mode-off', 'mode-off', 'mode-off']);
  });
});
