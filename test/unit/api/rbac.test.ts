import { describe, expect, it } from 'vitest';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { BUILT_IN_RBAC, loadRbacPolicy, type RbacConfig } from '../../../main/skills/rbac/roles.ts';
import type { NewAuditEntry } from '../../../main/store/repositories/audit-log.ts';
import { auditEvents } from '../approval/security-fixtures.ts';
import { errorOf, useApi } from './harness.ts';

const start = useApi();

/** The built-in roles, but the assistant may only create: no running skills. */
const CREATE_ONLY: RbacConfig = {
  roles: [...BUILT_IN_RBAC.roles, { id: 'role_author_only', name: 'Author only', permissions: [{ resource: 'skills', actions: ['create'] }] }],
  assignments: { ...BUILT_IN_RBAC.assignments, assistant: ['role_author_only'] },
};

describe('the local API: RBAC for the assistant', () => {
  it('turns a denial into 403 with the authorizer’s reason, audits it, and never calls the backend', async () => {
    const audited: NewAuditEntry[] = [];
    const authorizer = createAuthorizer(loadRbacPolicy(CREATE_ONLY), { append: (entry) => audited.push(entry) });
    const api = await start({ authorize: authorizer.authorize });
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-water-tracker', action: 'log_water' } });
    expect(reply.status).toBe(403);
    expect(errorOf(reply)).toEqual({
      code: 'forbidden',
      message: { en: 'The assistant may not run skills.', pl: 'Asystent nie może uruchamiać skilli.' },
      details: ['skills:execute: not-granted'],
    });
    expect(api.fake.calls.map((c) => c.method)).toEqual(['isApproved']);
    expect(audited).toEqual([expect.objectContaining({ actor: 'assistant', event: 'access.denied', skillSlug: 'custom-water-tracker' })]);

    expect((await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'Keep a journal of my mood' } })).status).toBe(201);
  });

  it('with the built-in roles runs approved skills only: a pending one is refused before it reaches the sandbox', async () => {
    const api = await start();
    const reply = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-sleep-journal', action: 'add_entry' } });
    expect(reply.status).toBe(403);
    expect(errorOf(reply).details).toEqual(['skills:execute: condition-not-met']);
    expect(errorOf(reply).message.en).toBe("This skill is waiting for its owner's approval; ask them to review it in Skill Foundry.");
    expect(api.fake.calls.map((c) => c.method)).toEqual(['isApproved']);
    const denial = auditEvents(api.store).find((e) => e.event === 'access.denied');
    expect(denial).toMatchObject({ actor: 'assistant', skillSlug: 'custom-sleep-journal', data: { permission: 'skills:execute', code: 'condition-not-met' } });
  });

  it('asks the authorizer for the route’s permission, as the assistant, once per request', async () => {
    const asked: [string, string, unknown][] = [];
    const api = await start({
      authorize: (principal, permission, context = {}) => {
        asked.push([principal, permission, context]);
        return { allowed: true, principal, permission, grantedBy: 'test' };
      },
    });
    await api.call({ method: 'POST', path: '/api/skills/generate', body: { text: 'Keep a journal of my mood' } });
    await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-water-tracker', action: 'log_water' } });
    await api.call({ path: '/api/skills/custom-water-tracker' });
    await api.call({ method: 'PATCH', path: '/api/skills/custom-water-tracker', body: { description: 'x' } });
    await api.call({ method: 'POST', path: '/api/skills/custom-sleep-journal/approve' });
    await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback', body: { version: '1.0.0' } });
    await api.call({ method: 'DELETE', path: '/api/skills/custom-water-tracker' });
    expect(asked).toEqual([
      ['assistant', 'skills:create', {}],
      ['assistant', 'skills:execute', { skillSlug: 'custom-water-tracker', approved: true }],
      ['assistant', 'skills:create', {}],
      ['assistant', 'skills:create', {}],
      ['assistant', 'skills:create', {}],
      ['assistant', 'skills:create', {}],
    ]);
  });
});
