// A skill's settings on the assistant's local API, over the real service: it reads them (never a
// secret's value) and may take an allowance back, but nothing on the API sets a value, a secret or
// an allowance.
import { describe, expect, it } from 'vitest';
import { createApiServer } from '../../../main/api/server.ts';
import { createServiceBackend } from '../../../main/api/service-backend.ts';
import { SKILL_SETTINGS_SCHEMA } from '../../../main/api/schemas.ts';
import { createApiTokenService } from '../../../main/skills/approval/api-token.ts';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy } from '../../../main/skills/rbac/roles.ts';
import { createSkillService } from '../../../main/skills/service.ts';
import { createSkillSettings } from '../../../main/skills/settings/index.ts';
import { useTempDir } from '../../helpers/temp-dir.ts';
import { expectSchema, request } from '../api/harness.ts';
import { openFlow } from '../registry/flow-fixtures.ts';
import { auditEvents, newBox, newIntegrityKey } from '../approval/security-fixtures.ts';
import { insertSkill, runVersion, SLUG, weatherManifest } from './settings-fixtures.ts';

const tempDir = useTempDir();
const SECRET = 'owm-0123456789abcdef';

describe('skill settings on the local API', () => {
  it('the assistant reads the settings without any secret value, may revoke an allowance, and cannot change anything else', async (context) => {
    const integrityKey = newIntegrityKey();
    const flow = await openFlow(tempDir(), integrityKey);
    const { store, skills } = flow.engine;
    const service = createSkillService({ store, skills, factors: flow.factors, skillSettings: createSkillSettings({ store, box: newBox(), factors: flow.factors, integrityKey }) });
    runVersion(store, insertSkill(store), weatherManifest('1.0.0'));
    service.setSettings('owner', SLUG, { values: { city: 'Kraków' } });
    await service.setSecret('owner', SLUG, 'OPENWEATHER_KEY', SECRET);
    await service.addAllowance('owner', SLUG, { address: 'fd00::20', port: 8123, totpCode: await flow.nextCode() });

    const tokens = createApiTokenService({ repo: store.approvalSecurity, box: newBox(), audit: store.auditLog });
    const token = await tokens.rotate('owner');
    const server = await createApiServer({ backend: createServiceBackend(service), tokens, authorize: createAuthorizer(loadRbacPolicy(), store.auditLog).authorize, port: 0 });
    context.onTestFinished(async () => {
      await server.close();
      await flow.close();
    });

    const read = await request(server.url, { path: `/api/skills/${SLUG}/settings` }, token);
    expect(read.status).toBe(200);
    expectSchema(SKILL_SETTINGS_SCHEMA, read.json);
    expect(read.json).toMatchObject({ values: { city: 'Kraków' }, secrets: [{ name: 'OPENWEATHER_KEY', set: true }, { name: 'WEBHOOK_TOKEN', set: false }], allowances: [{ address: 'fd00::20', port: 8123 }] });
    expect(read.text).not.toContain(SECRET);
    expect((await request(server.url, { path: '/api/skills/custom-nothing/settings' }, token)).status).toBe(404);
    expect((await request(server.url, { path: `/api/skills/${SLUG}/settings` }, null)).status).toBe(401);
    expect((await request(server.url, { method: 'PATCH', path: `/api/skills/${SLUG}/settings`, body: { values: { city: 'Gdańsk' } } }, token)).status).toBe(405);

    const revoked = await request(server.url, { method: 'DELETE', path: `/api/skills/${SLUG}/allowances/fd00::20/8123` }, token);
    expect(revoked).toMatchObject({ status: 200, json: { allowances: [] } });
    expect(auditEvents(store).at(-1)).toMatchObject({ event: 'skill.allowance.revoked', actor: 'assistant', data: { address: '[fd00::20]:8123' } });
    expect((await request(server.url, { method: 'DELETE', path: `/api/skills/${SLUG}/allowances/fd00::20/8123` }, token)).status).toBe(404);
    expect((await request(server.url, { method: 'DELETE', path: `/api/skills/${SLUG}/allowances/router.local/80` }, token)).status).toBe(400);
    expect(service.getSettings('owner', SLUG).values).toEqual({ city: 'Kraków' });
  });
});
