// The window's methods through the same dispatcher IPC and the test bridge use: starting the
// pipeline and following its steps, suggestions, versions, chain verification, generator settings.
import { beforeEach, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../main/engine.ts';
import { createSuggestionService } from '../../main/skills/detector/suggestions.ts';
import { findPatterns, parseHistory } from '../../main/skills/detector/index.ts';
import { createPassphraseSecretBox } from '../../main/skills/approval/secret-box.ts';
import type { ApiResult, GenerationJob } from '../../shared/contract/records.ts';
import fs from 'node:fs';
import path from 'node:path';
import { useTempDir } from '../helpers/temp-dir.ts';

const tempDir = useTempDir();
const quiet = { rejected() {}, failed() {} };
let engine: Engine;

beforeEach((context) => {
  engine = openEngine({ dataDir: tempDir(), log: quiet, env: {}, secretBox: createPassphraseSecretBox('correct horse battery') });
  context.onTestFinished(() => engine.close());
});

function value<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message.en}`);
  return result.value;
}

async function finished(jobId: string): Promise<GenerationJob> {
  // Up to a minute: the pipeline audits and dry-runs in other threads and processes, slow on a busy machine.
  for (let i = 0; i < 2_400; i++) {
    const job = value(await engine.dispatch('jobs.get', { jobId })) as GenerationJob;
    if (job.status !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the job did not finish');
}

describe('control methods', () => {
  it('skills.generate starts the pipeline; jobs.get follows its steps to a pending version the window can open', async () => {
    const started = value(await engine.dispatch('skills.generate', { text: 'remind me to stretch every hour' })) as { accepted: true; jobId: string };
    expect(started.accepted).toBe(true);
    const job = await finished(started.jobId);
    expect(job.status).toBe('pending');
    expect(job.steps.map((s) => s.step)).toEqual(['generate', 'audit', 'dry-run', 'disclose', 'submit']);

    const version = value(await engine.dispatch('versions.get', { versionId: job.versionId! })) as { slug: string; code: string; disclosure: unknown };
    expect(version.code).toContain('implements IModExecutor');
    expect(version.disclosure).toMatchObject({ risk: { level: expect.any(String) } });
    const versions = value(await engine.dispatch('versions.list', { slug: version.slug })) as unknown[];
    expect(versions).toHaveLength(1);
    expect(value(await engine.dispatch('reviews.list', {}))).toHaveLength(1);
  }, 90_000);

  it('says why a sentence is not a skill request, and starts nothing', async () => {
    const answer = value(await engine.dispatch('skills.generate', { text: 'Jak się masz?' })) as { accepted: false; reason: { pl: string; en: string } };
    expect(answer.accepted).toBe(false);
    expect(answer.reason.pl.length).toBeGreaterThan(5);
    expect(engine.store.skills.counts().skills).toBe(0);
  });

  it('asks back what is ambiguous as a question the window shows, and starts nothing', async () => {
    const answer = value(await engine.dispatch('skills.generate', { text: 'Chcę liczyć czytanie' }));
    expect(answer).toEqual({ accepted: false, clarify: true, reason: { pl: 'Czy chodzi o liczbę książek, czy stron?', en: 'Do you mean the number of books or of pages?' } });
    expect(engine.store.skills.counts().skills).toBe(0);
  });

  it('answers not-found for an unknown job or version', async () => {
    expect(await engine.dispatch('jobs.get', { jobId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await engine.dispatch('versions.get', { versionId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('lists suggestions; dismissing is remembered, accepting a dismissed one is a conflict', async () => {
    const history = parseHistory(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'history-en.json'), 'utf8'));
    const found = findPatterns(history, { now: new Date(history.at(-1)!.at) });
    createSuggestionService(engine.store).proposeSuggestions(found);
    const listed = value(await engine.dispatch('suggestions.list', { status: 'proposed' })) as { id: string; subjectKey: string }[];
    expect(listed.map((s) => s.subjectKey)).toContain('coffee');

    const coffee = listed.find((s) => s.subjectKey === 'coffee')!;
    expect(value(await engine.dispatch('suggestions.dismiss', { id: coffee.id }))).toMatchObject({ status: 'dismissed' });
    const again = await engine.dispatch('suggestions.accept', { id: coffee.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await engine.dispatch('suggestions.accept', { id: 'missing' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('accepting a suggestion starts generation for its need', async () => {
    const history = parseHistory(fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'history-en.json'), 'utf8'));
    createSuggestionService(engine.store).proposeSuggestions(findPatterns(history, { now: new Date(history.at(-1)!.at) }));
    const [first] = value(await engine.dispatch('suggestions.list', {})) as { id: string }[];
    const { jobId } = value(await engine.dispatch('suggestions.accept', { id: first!.id })) as { jobId: string };
    expect((await finished(jobId)).status).toBe('pending');
  });

  it('verifies the audit chain', async () => {
    await engine.dispatch('settings.update', { language: 'pl' });
    expect(value(await engine.dispatch('activity.verifyChain', {}))).toMatchObject({ ok: true, checked: 1, problems: [] });
  });

  it('keeps the API key in main: the window can set and clear it, and only ever sees the status', async () => {
    const key = 'sk-ant-api03-WINDOW-TEST-KEY-0123456789abcdef';
    const set = await engine.dispatch('generator.setApiKey', { apiKey: key });
    expect(set).toEqual({
      ok: true,
      value: { mode: 'claude', choice: null, keySource: 'stored', model: 'claude-opus-4-5', openai: { baseURL: null, model: null, keySource: null } },
    });
    expect(JSON.stringify(set)).not.toContain(key);
    expect(value(await engine.dispatch('generator.setModel', { model: 'claude-sonnet-4-5' }))).toMatchObject({ model: 'claude-sonnet-4-5' });
    expect(await engine.dispatch('generator.setModel', { model: '../../x' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(value(await engine.dispatch('generator.clearApiKey', {}))).toMatchObject({ mode: 'offline' });
  });

  it('refuses to store a key where no protected storage exists', async () => {
    const bare = openEngine({ dataDir: tempDir(), log: quiet, env: {}, secretBox: null });
    const refused = await bare.dispatch('generator.setApiKey', { apiKey: 'sk-ant-api03-ANOTHER-TEST-KEY-0123456789' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!refused.ok) expect(refused.error.message.pl).toMatch(/chronionego/);
    expect(value(await bare.dispatch('generator.status', {}))).toMatchObject({ mode: 'offline' });
    await bare.close();
  });
});
