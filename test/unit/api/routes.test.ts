import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../../main/api/routes.ts';
import {
  ERROR_SCHEMA,
  EXECUTION_SCHEMA,
  GENERATED_SCHEMA,
  HEALTH_SCHEMA,
  OPENAPI_SCHEMA,
  REVIEW_REQUESTED_SCHEMA,
  ROLLBACK_REQUESTED_SCHEMA,
  SKILL_SCHEMA,
} from '../../../main/api/schemas.ts';
import { errorOf, expectSchema, useApi } from './harness.ts';

const start = useApi();

describe('the local API routes (happy paths)', () => {
  it('answers health without a token and with nothing but “ok”', async () => {
    const api = await start();
    const reply = await api.call({ path: '/api/health', token: null });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ok' });
    expectSchema(HEALTH_SCHEMA, reply.json);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('generates a skill from a request in English or Polish: 201, Location, a pending version, called as the assistant', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'Keep a journal of my mood' } });
    expect(reply.status).toBe(201);
    expectSchema(GENERATED_SCHEMA, reply.json);
    const generated = reply.json as { skill: { id: string; slug: string; status: string }; version: string };
    expect(generated.skill).toMatchObject({ slug: 'custom-mood-journal', status: 'pending' });
    expect(reply.headers.location).toBe(`/api/skills/${generated.skill.id}`);
    expect(api.fake.calls).toEqual([{ method: 'generate', principal: 'assistant', args: [{ text: 'Keep a journal of my mood' }] }]);

    const polish = await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'Chcę śledzić ile piję wody' } });
    expect(polish.status).toBe(201);
    expect(polish.json).toMatchObject({ skill: { slug: 'custom-water-tracker', status: 'active' }, version: '1.2.0' });
  });

  it('generates from a need the assistant worked out', async () => {
    const api = await start();
    const need = { kind: 'counter', subject: 'kawa', subjectKey: 'coffee', unit: 'cups', cadence: { type: 'none' }, language: 'pl', source: 'pattern', text: 'Często wspominasz o kawie' };
    const reply = await api.call({ method: 'POST', path: '/api/skills/generate', body: { need } });
    expect(reply.status).toBe(201);
    expect(reply.json).toMatchObject({ skill: { slug: 'custom-coffee-counter' }, version: '1.0.0' });
  });

  it('passes the backend’s refusal through: not a skill request is 400 with its reason in both languages', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'Jaka jest pogoda?' } });
    expect(reply.status).toBe(400);
    expectSchema(ERROR_SCHEMA, reply.json);
    expect(errorOf(reply)).toMatchObject({ code: 'not-a-request', message: { pl: expect.stringContaining('pytanie'), en: expect.stringContaining('question') } });
  });

  it('reads a skill by slug or id; an unknown one is 404', async () => {
    const api = await start();
    const bySlug = await api.call({ path: '/api/skills/custom-water-tracker' });
    expect(bySlug.status).toBe(200);
    expectSchema(SKILL_SCHEMA, bySlug.json);
    const { id } = bySlug.json as { id: string };
    const byId = await api.call({ path: `/api/skills/${id}?fields=ignored` });
    expect(byId.json).toEqual(bySlug.json);

    const unknown = await api.call({ path: '/api/skills/custom-nothing' });
    expect(unknown.status).toBe(404);
    expect(errorOf(unknown).code).toBe('skill-not-found');
  });

  it('PATCH changes the description and archives (restoring is the owner’s); DELETE archives and never deletes', async () => {
    const api = await start();
    const path = '/api/skills/custom-water-tracker';
    const described = await api.call({ method: 'PATCH', path, body: { description: 'Ile wody dziennie.' } });
    expect(described.status).toBe(200);
    expectSchema(SKILL_SCHEMA, described.json);
    expect(described.json).toMatchObject({ description: 'Ile wody dziennie.', status: 'active' });

    expect((await api.call({ method: 'PATCH', path, body: { archived: true } })).json).toMatchObject({ status: 'archived' });
    const restore = await api.call({ method: 'PATCH', path, body: { archived: false } });
    expect(restore.status).toBe(403);
    expect(api.fake.skill('custom-water-tracker').status).toBe('archived');

    const deleted = await api.call({ method: 'DELETE', path: '/api/skills/custom-sleep-journal' });
    expect(deleted.status).toBe(200);
    expectSchema(SKILL_SCHEMA, deleted.json);
    expect(deleted.json).toMatchObject({ status: 'archived', versions: [{ version: '1.0.0' }] });
    expect((await api.call({ path: '/api/skills/custom-sleep-journal' })).status).toBe(200);

    const again = await api.call({ method: 'DELETE', path });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe('already-archived');
  });

  it('approve only files a review request for the owner: 202, and the skill stays pending', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/custom-sleep-journal/approve' });
    expect(reply.status).toBe(202);
    expectSchema(REVIEW_REQUESTED_SCHEMA, reply.json);
    expect(reply.json).toMatchObject({ status: 'review-requested', version: '1.0.0' });
    expect(api.fake.reviewRequests).toHaveLength(1);
    expect(api.fake.ownerNotifications).toEqual(['review custom-sleep-journal@1.0.0']);
    expect(api.fake.skill('custom-sleep-journal')).toMatchObject({ status: 'pending', activeVersion: null });

    const withNote = await api.call({ method: 'POST', path: '/api/skills/custom-sleep-journal/approve', body: { note: 'Użytkownik prosił o to wczoraj.' } });
    expect(withNote.status).toBe(202);
    expect(api.fake.ownerNotifications[1]).toBe('review custom-sleep-journal@1.0.0: Użytkownik prosił o to wczoraj.');

    const nothingPending = await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/approve' });
    expect(nothingPending.status).toBe(409);
    expect(errorOf(nothingPending).code).toBe('nothing-to-review');
  });

  it('rollback only files a request: 202, and the active version does not change', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback', body: { version: '1.0.0' } });
    expect(reply.status).toBe(202);
    expectSchema(ROLLBACK_REQUESTED_SCHEMA, reply.json);
    expect(reply.json).toMatchObject({ status: 'rollback-requested', version: '1.0.0' });
    expect(api.fake.rollbackRequests).toHaveLength(1);
    expect(api.fake.skill('custom-water-tracker').activeVersion).toBe('1.1.0');

    const unknown = await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback', body: { version: '9.0.0' } });
    expect(unknown.status).toBe(404);
    const current = await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback', body: { version: '1.1.0' } });
    expect(current.status).toBe(409);
  });

  it('executes an action of an approved skill or a built-in mod', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-water-tracker', action: 'log_water', params: { amount_ml: 250 } } });
    expect(reply.status).toBe(200);
    expectSchema(EXECUTION_SCHEMA, reply.json);
    expect(reply.json).toEqual({ slug: 'custom-water-tracker', action: 'log_water', result: { success: true, data: { amount_ml: 250 } } });
    expect(api.fake.calls).toEqual([
      { method: 'isApproved', principal: 'assistant', args: ['custom-water-tracker'] },
      { method: 'execute', principal: 'assistant', args: ['custom-water-tracker', 'log_water', { amount_ml: 250 }] },
    ]);

    const noParams = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-water-tracker', action: 'log_water' } });
    expect(noParams.json).toMatchObject({ result: { data: {} } });

    const builtIn = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'sleep-tracker', action: 'getData' } });
    expect(builtIn.status).toBe(200);
    expectSchema(EXECUTION_SCHEMA, builtIn.json);
  });

  it('passes execution refusals through: unknown skill 404, refused params 400, a failed run 502', async () => {
    const api = await start();
    const execute = (body: object) => api.call({ method: 'POST', path: '/api/skills/execute', body });
    const unknown = await execute({ slug: 'custom-nothing', action: 'log_water' });
    expect([unknown.status, errorOf(unknown).code]).toEqual([404, 'skill-not-found']);
    const params = await execute({ slug: 'custom-water-tracker', action: 'drink_coffee' });
    expect([params.status, errorOf(params).code]).toEqual([400, 'params-refused']);
    const failed = await execute({ slug: 'custom-water-tracker', action: 'log_water', params: { amount_ml: 0 } });
    expect([failed.status, errorOf(failed).code]).toEqual([502, 'execution-failed']);
    expect(errorOf(failed).message.pl).toContain('nie zostało zapisane');
  });

  it('serves the OpenAPI document it was built from, with the token', async () => {
    const api = await start();
    const reply = await api.call({ path: '/api/openapi.json' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual(openApiDocument());
    expectSchema(OPENAPI_SCHEMA, reply.json);
    expect((await api.call({ path: '/api/openapi.json', token: null })).status).toBe(401);
  });
});
