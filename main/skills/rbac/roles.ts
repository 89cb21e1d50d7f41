// Roles in the shape of seed 004 (permission grants per resource, optional conditions, inheritFrom),
// loaded once into a resolved, frozen policy. Loading refuses anything doubtful: unknown roles,
// permissions or operators, inheritance cycles, and the two hard rules below.
import { CodedError } from '../../../shared/coded-error.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import { PERMISSIONS, type Permission } from './permissions.ts';

/** Who asks: the desktop user, the assistant (through its API token), the scheduler. */
export type PrincipalKind = 'owner' | 'assistant' | 'scheduler';
export const PRINCIPALS: readonly PrincipalKind[] = ['owner', 'assistant', 'scheduler'];

export const PRINCIPAL_NAMES: Readonly<Record<PrincipalKind, Localized>> = Object.freeze({
  owner: { en: 'the owner', pl: 'właściciel' },
  assistant: { en: 'the assistant', pl: 'asystent' },
  scheduler: { en: 'the scheduler', pl: 'harmonogram' },
});

export type ConditionValue = string | number | boolean | null;

/** Met when the request context has `field` equal (===) to `value`; a missing field is not met. */
export interface Condition {
  field: string;
  operator: 'eq';
  value: ConditionValue;
}

export interface PermissionGrant {
  resource: 'skills';
  /** create | execute | approve | marketplace */
  actions: string[];
  /** All must hold for the grant to apply. */
  conditions?: Condition[];
}

export interface RoleDefinition {
  id: string;
  name: string;
  permissions: PermissionGrant[];
  inheritFrom?: string[];
}

export interface RbacConfig {
  roles: RoleDefinition[];
  assignments: Record<PrincipalKind, string[]>;
}

/**
 * Seed 004's roles, cut to this app's four permissions. The scheduler and the assistant run only
 * approved skills (the caller puts `approved` in the context); approving is the owner's alone. The
 * assistant may browse the marketplace and request installs, which land in the review queue.
 */
export const BUILT_IN_RBAC: RbacConfig = {
  roles: [
    {
      id: 'role_skill_runner',
      name: 'Skill Runner',
      permissions: [{ resource: 'skills', actions: ['execute'], conditions: [{ field: 'approved', operator: 'eq', value: true }] }],
    },
    {
      id: 'role_skill_developer',
      name: 'Skill Developer',
      // `marketplace`: browse and request installs; what it requests still waits for the owner's two factors.
      permissions: [{ resource: 'skills', actions: ['create', 'marketplace'] }],
      inheritFrom: ['role_skill_runner'],
    },
    {
      id: 'role_skill_operator',
      name: 'Skill Operator',
      permissions: [{ resource: 'skills', actions: ['execute', 'approve', 'marketplace'] }],
      inheritFrom: ['role_skill_developer'],
    },
  ],
  assignments: {
    owner: ['role_skill_operator'],
    assistant: ['role_skill_developer'],
    scheduler: ['role_skill_runner'],
  },
};

export interface ResolvedGrant {
  readonly permission: Permission;
  readonly conditions: readonly Condition[];
  /** The role that granted it, for the audit trail. */
  readonly role: string;
}

export interface RbacPolicy {
  readonly grants: Readonly<Record<PrincipalKind, readonly ResolvedGrant[]>>;
}

export type RbacConfigErrorCode =
  | 'invalid-config'
  | 'duplicate-role'
  | 'unknown-role'
  | 'unknown-permission'
  | 'inheritance-cycle'
  | 'approval-reserved-for-owner'
  | 'owner-must-hold-everything';

export class RbacConfigError extends CodedError<RbacConfigErrorCode> {
  override name = 'RbacConfigError';
}

const invalid = (where: string, expected: Localized) =>
  new RbacConfigError('invalid-config', {
    en: `Role configuration: ${where} must be ${expected.en}.`,
    pl: `Konfiguracja ról: ${where} musi być ${expected.pl}.`,
  });

const EXPECTED = {
  object: { en: 'an object', pl: 'obiektem' },
  list: { en: 'a list', pl: 'listą' },
  names: { en: 'a list of names', pl: 'listą nazw' },
  name: { en: 'a name', pl: 'nazwą' },
  skills: { en: '"skills"', pl: '„skills”' },
  eq: { en: '"eq"', pl: '„eq”' },
  value: { en: 'a string, number, boolean or null', pl: 'tekstem, liczbą, wartością logiczną lub null' },
} satisfies Record<string, Localized>;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || !value.every(isNonEmptyString)) throw invalid(where, EXPECTED.names);
  return value;
}

function parseCondition(value: unknown, where: string): Condition {
  if (!isObject(value) || !isNonEmptyString(value.field)) throw invalid(`${where}.field`, EXPECTED.name);
  if (value.operator !== 'eq') throw invalid(`${where}.operator`, EXPECTED.eq);
  const v = value.value;
  if (!(v === null || ['string', 'number', 'boolean'].includes(typeof v))) throw invalid(`${where}.value`, EXPECTED.value);
  return { field: value.field, operator: 'eq', value: v as ConditionValue };
}

function parseGrant(value: unknown, where: string): { permissions: Permission[]; conditions: Condition[] } {
  if (!isObject(value)) throw invalid(where, EXPECTED.object);
  if (value.resource !== 'skills') throw invalid(`${where}.resource`, EXPECTED.skills);
  const permissions = stringList(value.actions, `${where}.actions`).map((action) => {
    const permission = `skills:${action}`;
    if (!(PERMISSIONS as readonly string[]).includes(permission)) {
      throw new RbacConfigError('unknown-permission', {
        en: `Role configuration: ${where} names an unknown action "${action}" (known: create, execute, approve, marketplace).`,
        pl: `Konfiguracja ról: ${where} zawiera nieznaną akcję „${action}” (znane: create, execute, approve, marketplace).`,
      });
    }
    return permission as Permission;
  });
  const rawConditions = value.conditions ?? [];
  if (!Array.isArray(rawConditions)) throw invalid(`${where}.conditions`, EXPECTED.list);
  return { permissions, conditions: rawConditions.map((c, i) => parseCondition(c, `${where}.conditions[${i}]`)) };
}

interface ParsedRole {
  grants: { permissions: Permission[]; conditions: Condition[] }[];
  inheritFrom: string[];
}

function parseRoles(value: unknown): Map<string, ParsedRole> {
  if (!Array.isArray(value)) throw invalid('roles', EXPECTED.list);
  const roles = new Map<string, ParsedRole>();
  value.forEach((role, index) => {
    const where = `roles[${index}]`;
    if (!isObject(role) || !isNonEmptyString(role.id)) throw invalid(`${where}.id`, EXPECTED.name);
    if (roles.has(role.id)) {
      throw new RbacConfigError('duplicate-role', {
        en: `Role configuration: role "${role.id}" is defined twice.`,
        pl: `Konfiguracja ról: rola „${role.id}” jest zdefiniowana dwukrotnie.`,
      });
    }
    if (!Array.isArray(role.permissions)) throw invalid(`${where}.permissions`, EXPECTED.list);
    roles.set(role.id, {
      grants: role.permissions.map((grant, i) => parseGrant(grant, `${where}.permissions[${i}]`)),
      inheritFrom: role.inheritFrom === undefined ? [] : stringList(role.inheritFrom, `${where}.inheritFrom`),
    });
  });
  return roles;
}

function unknownRole(id: string, where: string): RbacConfigError {
  return new RbacConfigError('unknown-role', {
    en: `Role configuration: ${where} refers to an unknown role "${id}".`,
    pl: `Konfiguracja ról: ${where} odwołuje się do nieznanej roli „${id}”.`,
  });
}

/** Every inheritFrom names a known role and no role inherits from itself, directly or not. */
function assertInheritanceSound(roles: Map<string, ParsedRole>): void {
  const done = new Set<string>();
  const visit = (id: string, path: string[]) => {
    if (done.has(id)) return;
    if (path.includes(id)) {
      const cycle = [...path.slice(path.indexOf(id)), id].join(' → ');
      throw new RbacConfigError('inheritance-cycle', {
        en: `Role configuration: roles inherit from each other in a circle (${cycle}).`,
        pl: `Konfiguracja ról: role dziedziczą po sobie w kółko (${cycle}).`,
      });
    }
    for (const parent of roles.get(id)!.inheritFrom) {
      if (!roles.has(parent)) throw unknownRole(parent, `inheritFrom of "${id}"`);
      visit(parent, [...path, id]);
    }
    done.add(id);
  };
  for (const id of roles.keys()) visit(id, []);
}

/** The role and every role it inherits from, each once. */
function withAncestors(roles: Map<string, ParsedRole>, id: string, seen = new Set<string>()): Set<string> {
  if (seen.has(id)) return seen;
  seen.add(id);
  for (const parent of roles.get(id)!.inheritFrom) withAncestors(roles, parent, seen);
  return seen;
}

/** Validates a role configuration (built-in by default, or one read from a file) and resolves it. */
export function loadRbacPolicy(config: unknown = BUILT_IN_RBAC): RbacPolicy {
  if (!isObject(config)) throw invalid('the configuration', EXPECTED.object);
  const roles = parseRoles(config.roles);
  assertInheritanceSound(roles);
  if (!isObject(config.assignments)) throw invalid('assignments', EXPECTED.object);
  const assignments = config.assignments;

  const grants = {} as Record<PrincipalKind, readonly ResolvedGrant[]>;
  for (const principal of PRINCIPALS) {
    const assigned = stringList(assignments[principal] ?? [], `assignments.${principal}`);
    const resolved: ResolvedGrant[] = [];
    for (const roleId of assigned) {
      if (!roles.has(roleId)) throw unknownRole(roleId, `assignments.${principal}`);
      for (const id of withAncestors(roles, roleId)) {
        for (const grant of roles.get(id)!.grants) {
          for (const permission of grant.permissions) resolved.push(Object.freeze({ permission, conditions: Object.freeze(grant.conditions), role: id }));
        }
      }
    }
    grants[principal] = Object.freeze(resolved);
  }
  assertHardRules(grants);
  return Object.freeze({ grants: Object.freeze(grants) });
}

/**
 * Approving a skill is a person's act with two factors: no configuration may give it to the
 * assistant or the scheduler. And the owner keeps every permission unconditionally, so an edited
 * configuration cannot leave nobody able to approve.
 */
function assertHardRules(grants: Record<PrincipalKind, readonly ResolvedGrant[]>): void {
  for (const principal of ['assistant', 'scheduler'] as const) {
    const grant = grants[principal].find((g) => g.permission === 'skills:approve');
    if (grant) {
      throw new RbacConfigError('approval-reserved-for-owner', {
        en: `Role configuration refused: role "${grant.role}" would let ${PRINCIPAL_NAMES[principal].en} approve skills. Only the owner can approve.`,
        pl: `Konfiguracja ról odrzucona: rola „${grant.role}” dałaby prawo zatwierdzania skilli (${PRINCIPAL_NAMES[principal].pl}). Zatwierdzać może tylko właściciel.`,
      });
    }
  }
  const missing = PERMISSIONS.filter((p) => !grants.owner.some((g) => g.permission === p && g.conditions.length === 0));
  if (missing.length > 0) {
    throw new RbacConfigError('owner-must-hold-everything', {
      en: `Role configuration refused: the owner must hold every permission without conditions (missing: ${missing.join(', ')}).`,
      pl: `Konfiguracja ról odrzucona: właściciel musi mieć wszystkie uprawnienia bez warunków (brakuje: ${missing.join(', ')}).`,
    });
  }
}
