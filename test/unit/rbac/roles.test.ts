import { describe, expect, it } from 'vitest';
import { createAuthorizer } from '../../../main/skills/rbac/authorize.ts';
import { loadRbacPolicy, RbacConfigError, type RbacConfig, type RoleDefinition } from '../../../main/skills/rbac/roles.ts';

const OWNER_ROLE: RoleDefinition = {
  id: 'role_owner',
  name: 'Owner',
  permissions: [{ resource: 'skills', actions: ['create', 'execute', 'approve', 'marketplace'] }],
};

const config = (roles: unknown[], assistant: string[] = [], scheduler: string[] = []) => ({
  roles: [OWNER_ROLE, ...roles],
  assignments: { owner: ['role_owner'], assistant, scheduler },
});

function loadError(input: unknown): RbacConfigError {
  try {
    loadRbacPolicy(input);
  } catch (error) {
    expect(error).toBeInstanceOf(RbacConfigError);
    const configError = error as RbacConfigError;
    expect(configError.userMessage.en.length).toBeGreaterThan(20);
    expect(configError.userMessage.pl.length).toBeGreaterThan(20);
    return configError;
  }
  throw new Error('the configuration was accepted');
}

describe('inheritance', () => {
  it('passes grants down a chain of roles, keeping their conditions and origin', () => {
    const policy = loadRbacPolicy(
      config(
        [
          { id: 'base', name: 'Base', permissions: [{ resource: 'skills', actions: ['execute'], conditions: [{ field: 'approved', operator: 'eq', value: true }] }] },
          { id: 'middle', name: 'Middle', permissions: [], inheritFrom: ['base'] },
          { id: 'top', name: 'Top', permissions: [{ resource: 'skills', actions: ['create'] }], inheritFrom: ['middle'] },
        ],
        ['top'],
      ),
    );
    const audit = { append: () => undefined };
    const { authorize } = createAuthorizer(policy, audit);
    expect(authorize('assistant', 'skills:create')).toMatchObject({ allowed: true, grantedBy: 'top' });
    expect(authorize('assistant', 'skills:execute', { approved: true })).toMatchObject({ allowed: true, grantedBy: 'base' });
    expect(authorize('assistant', 'skills:execute', { approved: false }).allowed).toBe(false);
  });

  it('resolves a diamond (two parents sharing an ancestor) once', () => {
    const policy = loadRbacPolicy(
      config(
        [
          { id: 'root', name: 'Root', permissions: [{ resource: 'skills', actions: ['execute'] }] },
          { id: 'left', name: 'Left', permissions: [], inheritFrom: ['root'] },
          { id: 'right', name: 'Right', permissions: [], inheritFrom: ['root'] },
          { id: 'both', name: 'Both', permissions: [], inheritFrom: ['left', 'right'] },
        ],
        ['both'],
      ),
    );
    expect(policy.grants.assistant).toEqual([{ permission: 'skills:execute', conditions: [], role: 'root' }]);
  });

  it('refuses cycles, naming them', () => {
    const cycle = loadError(
      config([
        { id: 'a', name: 'A', permissions: [], inheritFrom: ['b'] },
        { id: 'b', name: 'B', permissions: [], inheritFrom: ['c'] },
        { id: 'c', name: 'C', permissions: [], inheritFrom: ['a'] },
      ]),
    );
    expect(cycle.code).toBe('inheritance-cycle');
    expect(cycle.userMessage.en).toContain('a → b → c → a');
    expect(loadError(config([{ id: 'self', name: 'Self', permissions: [], inheritFrom: ['self'] }])).code).toBe('inheritance-cycle');
  });

  it('refuses unknown roles in inheritFrom and in assignments', () => {
    expect(loadError(config([{ id: 'a', name: 'A', permissions: [], inheritFrom: ['role_operator'] }])).code).toBe('unknown-role');
    expect(loadError(config([], ['role_missing'])).code).toBe('unknown-role');
  });
});

describe('validation', () => {
  it('accepts the built-in configuration', () => {
    expect(() => loadRbacPolicy()).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['not an object', 'roles: []', 'invalid-config'],
    ['roles not a list', { roles: {}, assignments: {} }, 'invalid-config'],
    ['duplicate role', config([OWNER_ROLE]), 'duplicate-role'],
    ['unknown action', config([{ id: 'x', name: 'X', permissions: [{ resource: 'skills', actions: ['delete'] }] }]), 'unknown-permission'],
    ['other resource', config([{ id: 'x', name: 'X', permissions: [{ resource: 'files', actions: ['execute'] }] }]), 'invalid-config'],
    [
      'unsupported operator',
      config([{ id: 'x', name: 'X', permissions: [{ resource: 'skills', actions: ['execute'], conditions: [{ field: 'a', operator: 'ne', value: 1 }] }] }]),
      'invalid-config',
    ],
    [
      'object as condition value',
      config([{ id: 'x', name: 'X', permissions: [{ resource: 'skills', actions: ['execute'], conditions: [{ field: 'a', operator: 'eq', value: {} }] }] }]),
      'invalid-config',
    ],
    ['assignments missing', { roles: [OWNER_ROLE] }, 'invalid-config'],
  ])('refuses %s', (_label, input, code) => {
    expect(loadError(input).code).toBe(code);
  });

  it('refuses a configuration that takes any permission from the owner', () => {
    const reduced: RbacConfig = {
      roles: [{ id: 'role_owner', name: 'Owner', permissions: [{ resource: 'skills', actions: ['create', 'execute', 'marketplace'] }] }],
      assignments: { owner: ['role_owner'], assistant: [], scheduler: [] },
    };
    const error = loadError(reduced);
    expect(error.code).toBe('owner-must-hold-everything');
    expect(error.userMessage.en).toContain('skills:approve');
  });

  it('refuses giving the owner approve only under a condition', () => {
    const conditional = config([]);
    conditional.roles[0] = {
      ...OWNER_ROLE,
      permissions: [
        { resource: 'skills', actions: ['create', 'execute', 'marketplace'] },
        { resource: 'skills', actions: ['approve'], conditions: [{ field: 'x', operator: 'eq', value: 1 }] },
      ],
    };
    expect(loadError(conditional).code).toBe('owner-must-hold-everything');
  });
});
