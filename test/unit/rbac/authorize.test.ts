import { describe, expect, it } from 'vitest';
import { createAuthorizer, type AccessDecision } from '../../../main/skills/rbac/authorize.ts';
import { PERMISSIONS, type Permission } from '../../../main/skills/rbac/permissions.ts';
import { BUILT_IN_RBAC, loadRbacPolicy, type PrincipalKind, type RbacPolicy } from '../../../main/skills/rbac/roles.ts';
import type { NewAuditEntry } from '../../../main/store/repositories/audit-log.ts';

function setup(policy: RbacPolicy = loadRbacPolicy()) {
  const audited: NewAuditEntry[] = [];
  const { authorize } = createAuthorizer(policy, { append: (entry: NewAuditEntry) => audited.push(entry) });
  return { authorize, audited };
}

function expectDenied(decision: AccessDecision, code: string) {
  expect(decision.allowed).toBe(false);
  if (decision.allowed) return;
  expect(decision.code).toBe(code);
  expect(decision.reason.en.length).toBeGreaterThan(10);
  expect(decision.reason.pl.length).toBeGreaterThan(10);
  expect(decision.reason.pl).not.toBe(decision.reason.en);
}

describe('built-in roles', () => {
  it('lets the owner do everything, unconditionally', () => {
    const { authorize, audited } = setup();
    for (const permission of PERMISSIONS) expect(authorize('owner', permission).allowed).toBe(true);
    expect(authorize('owner', 'skills:approve')).toMatchObject({ allowed: true, grantedBy: 'role_skill_operator' });
    expect(audited).toEqual([]);
  });

  it('lets the assistant create, browse the marketplace and request installs, and run approved skills, but never approve', () => {
    const { authorize } = setup();
    expect(authorize('assistant', 'skills:create')).toMatchObject({ allowed: true, grantedBy: 'role_skill_developer' });
    expect(authorize('assistant', 'skills:execute', { approved: true })).toMatchObject({ allowed: true, grantedBy: 'role_skill_runner' });
    expectDenied(authorize('assistant', 'skills:execute'), 'condition-not-met');
    expectDenied(authorize('assistant', 'skills:approve'), 'approval-reserved-for-owner');
    expectDenied(authorize('assistant', 'skills:approve', { approved: true }), 'approval-reserved-for-owner');
    expect(authorize('assistant', 'skills:marketplace')).toMatchObject({ allowed: true, grantedBy: 'role_skill_developer' });
  });

  it('lets the scheduler only run approved skills', () => {
    const { authorize } = setup();
    expect(authorize('scheduler', 'skills:execute', { approved: true }).allowed).toBe(true);
    expectDenied(authorize('scheduler', 'skills:execute', { approved: false }), 'condition-not-met');
    expectDenied(authorize('scheduler', 'skills:create'), 'not-granted');
    expectDenied(authorize('scheduler', 'skills:approve'), 'approval-reserved-for-owner');
    expectDenied(authorize('scheduler', 'skills:marketplace'), 'not-granted');
  });
});

describe('denials', () => {
  it('audits every denial with who, what and why, and labels it with the skill', () => {
    const { authorize, audited } = setup();
    const decision = authorize('assistant', 'skills:execute', { skillSlug: 'custom-water-tracker', approved: false });
    expectDenied(decision, 'condition-not-met');
    expect(decision).toMatchObject({ unmetConditions: [{ field: 'approved', operator: 'eq', value: true }] });
    expect(decision.allowed || decision.reason).toEqual({
      en: "This skill is waiting for its owner's approval; ask them to review it in Skill Foundry.",
      pl: 'Ten skill czeka na zatwierdzenie przez właściciela; poproś go, żeby go przejrzał w Skill Foundry.',
    });
    authorize('assistant', 'skills:approve');
    expect(audited).toEqual([
      {
        actor: 'assistant',
        event: 'access.denied',
        skillSlug: 'custom-water-tracker',
        data: { principal: 'assistant', permission: 'skills:execute', code: 'condition-not-met', unmetConditions: ['approved'] },
      },
      {
        actor: 'assistant',
        event: 'access.denied',
        skillSlug: null,
        data: { principal: 'assistant', permission: 'skills:approve', code: 'approval-reserved-for-owner', unmetConditions: [] },
      },
    ]);
  });

  it('refuses unknown principals and permissions coming from untyped callers', () => {
    const { authorize, audited } = setup();
    expectDenied(authorize('root' as PrincipalKind, 'skills:create'), 'unknown-principal');
    expectDenied(authorize('owner', 'skills:delete' as Permission), 'unknown-permission');
    expectDenied(authorize('owner', 'x'.repeat(10_000) as Permission), 'unknown-permission');
    expect(audited.map((e) => e.actor)).toEqual(['system', 'owner', 'owner']);
    expect(JSON.stringify(audited).length).toBeLessThan(1000);
  });
});

describe('the assistant never approves, whatever the configuration says', () => {
  it('refuses a configuration that assigns the assistant a role with approve', () => {
    const tampered = { ...BUILT_IN_RBAC, assignments: { ...BUILT_IN_RBAC.assignments, assistant: ['role_skill_operator'] } };
    expect(() => loadRbacPolicy(tampered)).toThrow(expect.objectContaining({ code: 'approval-reserved-for-owner' }));
  });

  it('refuses approve reaching the assistant or the scheduler through inheritance', () => {
    const tampered = {
      roles: [
        ...BUILT_IN_RBAC.roles.filter((r) => r.id !== 'role_skill_runner'),
        { id: 'role_skill_runner', name: 'Runner', permissions: [{ resource: 'skills', actions: ['execute'] }], inheritFrom: ['role_sneaky'] },
        { id: 'role_sneaky', name: 'Sneaky', permissions: [{ resource: 'skills', actions: ['approve'] }] },
      ],
      assignments: BUILT_IN_RBAC.assignments,
    };
    expect(() => loadRbacPolicy(tampered)).toThrow(expect.objectContaining({ code: 'approval-reserved-for-owner' }));
  });

  it('denies it even with a policy object built or edited behind the loader', () => {
    const forged: RbacPolicy = {
      grants: {
        owner: [],
        assistant: [{ permission: 'skills:approve', conditions: [], role: 'forged' }],
        scheduler: [{ permission: 'skills:approve', conditions: [], role: 'forged' }],
      },
    };
    const { authorize } = setup(forged);
    expectDenied(authorize('assistant', 'skills:approve'), 'approval-reserved-for-owner');
    expectDenied(authorize('scheduler', 'skills:approve'), 'approval-reserved-for-owner');
  });

  it('hands out a frozen policy that cannot be edited after loading', () => {
    const policy = loadRbacPolicy();
    expect(() => (policy.grants.assistant as unknown[]).push({ permission: 'skills:approve', conditions: [], role: 'x' })).toThrow(TypeError);
    expect(() => {
      (policy.grants as Record<string, unknown>).assistant = [];
    }).toThrow(TypeError);
  });
});

describe('conditions', () => {
  const policyWith = (conditions: unknown[]) =>
    loadRbacPolicy({
      roles: [
        { id: 'role_owner', name: 'Owner', permissions: [{ resource: 'skills', actions: ['create', 'execute', 'approve', 'marketplace'] }] },
        { id: 'role_limited', name: 'Limited', permissions: [{ resource: 'skills', actions: ['execute'], conditions }] },
      ],
      assignments: { owner: ['role_owner'], assistant: ['role_limited'], scheduler: [] },
    });

  it('needs every condition met, compared strictly', () => {
    const { authorize } = setup(
      policyWith([
        { field: 'approved', operator: 'eq', value: true },
        { field: 'trigger', operator: 'eq', value: 'manual' },
      ]),
    );
    expect(authorize('assistant', 'skills:execute', { approved: true, trigger: 'manual' }).allowed).toBe(true);
    const partly = authorize('assistant', 'skills:execute', { approved: true, trigger: 'schedule' });
    expectDenied(partly, 'condition-not-met');
    expect(partly).toMatchObject({ unmetConditions: [{ field: 'trigger' }] });
    expectDenied(authorize('assistant', 'skills:execute', { approved: 'true', trigger: 'manual' }), 'condition-not-met');
    expectDenied(authorize('assistant', 'skills:execute', { trigger: 'manual' }), 'condition-not-met');
  });

  it('does not mistake inherited object properties for context fields', () => {
    const { authorize } = setup(policyWith([{ field: 'constructor', operator: 'eq', value: null }]));
    expectDenied(authorize('assistant', 'skills:execute', {}), 'condition-not-met');
    expect(authorize('assistant', 'skills:execute', { constructor: null }).allowed).toBe(true);
  });
});
