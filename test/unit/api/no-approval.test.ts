// No route or payload of the API can approve a skill: the backend interface has no such method,
// the approve route only files a review request, and approval-like fields are refused unread.
import { describe, expect, it } from 'vitest';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';
import { API_ROUTES } from '../../../main/api/routes.ts';
import { errorOf, useApi } from './harness.ts';
import { FACTOR_LIKE } from '../../fixtures/approval-like.ts';

const start = useApi();


const fill = (path: string) => path.replace('{id}', path.startsWith('/api/market/') ? 'custom-tea-log' : 'custom-sleep-journal');

describe('the local API can never approve', () => {
  it('has no backend method that approves or answers a consent request, and no route that needs skills:approve', async () => {
    const api = await start();
    expect(Object.keys(api.fake.backend).sort()).toEqual(['archive', 'execute', 'generate', 'getDependencies', 'getSettings', 'getSkill', 'isApproved', 'listConsents', 'listNotifications', 'listSchedules', 'listSkills', 'proposeSchedule', 'reportEvent', 'requestMarketInstall', 'requestReview', 'requestRollback', 'revokeAllowance', 'searchMarket', 'showMarketListing', 'today', 'updateSkill']);
    expect(API_ROUTES.map((r) => r.permission)).not.toContain('skills:approve');
  });

  it('refuses factor-like and approval-like payloads on every route, unread by the backend', async () => {
    const asked: string[] = [];
    const authorizer = createAuthorizer(loadRbacPolicy(), { append: () => {} });
    const api = await start({
      limits: { burst: 1000 },
      authorize: (principal, permission, context) => {
        asked.push(permission);
        return authorizer.authorize(principal, permission, context);
      },
    });
    const before = api.fake.skill('custom-sleep-journal');

    for (const route of API_ROUTES) {
      for (const payload of FACTOR_LIKE) {
        const body = route.path === '/api/skills/{id}/rollback' ? { version: '1.0.0', ...payload } : route.path === '/api/skills/generate' ? { text: 'Keep a journal of my mood', ...payload } : payload;
        const reply = await api.call({ method: route.method, path: fill(route.path), body });
        expect(reply.status, `${route.method} ${route.path} ${JSON.stringify(body)}`).toBe(400);
        expect(['invalid-request', 'body-not-allowed']).toContain(errorOf(reply).code);
      }
    }
    expect(api.fake.calls).toEqual([]);
    expect(asked).toEqual([]);
    expect(api.fake.skill('custom-sleep-journal')).toEqual(before);
  });

  it('answers approve with a review request, whatever headers come with it; the skill stays pending and cannot run', async () => {
    const api = await start();
    const reply = await api.call({
      method: 'POST',
      path: '/api/skills/custom-sleep-journal/approve',
      headers: { 'X-Totp': '123456', 'X-Approved': 'true', 'X-Principal': 'owner' },
    });
    expect(reply.status).toBe(202);
    expect(reply.json).toMatchObject({ status: 'review-requested' });
    expect(api.fake.calls.map((c) => [c.method, c.principal])).toEqual([['requestReview', 'assistant']]);
    expect(api.fake.skill('custom-sleep-journal')).toMatchObject({ status: 'pending', activeVersion: null, versions: [{ status: 'pending' }] });

    const run = await api.call({ method: 'POST', path: '/api/skills/execute', body: { slug: 'custom-sleep-journal', action: 'add_entry', params: { approved: true } } });
    expect(run.status).toBe(403);
    expect(api.fake.calls.map((c) => c.method)).not.toContain('execute');
  });

  it('lets no backend call through any route change a version’s status, whatever the assistant sends', async () => {
    const api = await start();
    const versions = () => ['custom-water-tracker', 'custom-sleep-journal'].map((slug) => api.fake.skill(slug).versions.map((v) => `${v.version}:${v.status}`));
    const before = versions();
    await api.call({ method: 'POST', path: '/api/skills/custom-sleep-journal/approve' });
    await api.call({ method: 'POST', path: '/api/skills/custom-water-tracker/rollback', body: { version: '1.0.0' } });
    await api.call({ method: 'PATCH', path: '/api/skills/custom-sleep-journal', body: { archived: true } });
    expect((await api.call({ method: 'PATCH', path: '/api/skills/custom-sleep-journal', body: { archived: false } })).status).toBe(403);
    expect(versions()).toEqual(before);
    expect(api.fake.skill('custom-sleep-journal').status).toBe('archived');
    expect(api.fake.skill('custom-water-tracker').activeVersion).toBe('1.1.0');
  });
});
