import type { Localized } from '../../../shared/i18n-types.ts';
import type { AuditSink } from '../approval/audit-sink.ts';
import { isPermission, PERMISSION_TEXT, type Permission } from './permissions.ts';
import { PRINCIPAL_NAMES, PRINCIPALS, type Condition, type ConditionValue, type PrincipalKind, type RbacPolicy } from './roles.ts';

/**
 * Facts about the request that conditions are checked against, e.g. `{ approved: true }`. A
 * string `skillSlug` also labels the audit entry of a denial.
 */
export type AccessContext = Readonly<Record<string, ConditionValue>>;

export type DenialCode = 'unknown-principal' | 'unknown-permission' | 'approval-reserved-for-owner' | 'not-granted' | 'condition-not-met';

export type AccessDecision =
  | { allowed: true; principal: PrincipalKind; permission: Permission; grantedBy: string }
  | {
      allowed: false;
      principal: string;
      permission: string;
      code: DenialCode;
      reason: Localized;
      /** Conditions of the matching grants that the context did not meet. */
      unmetConditions: Condition[];
    };

/** Untyped callers may send anything; only this much of it is echoed back and audited. */
const MAX_ECHOED_CHARS = 64;

/** The built-in roles' one condition, said as what it means for the caller rather than as the rule. */
const WAITING_FOR_OWNER: Localized = {
  en: "This skill is waiting for its owner's approval; ask them to review it in Skill Foundry.",
  pl: 'Ten skill czeka na zatwierdzenie przez właściciela; poproś go, żeby go przejrzał w Skill Foundry.',
};

const isPrincipal = (value: unknown): value is PrincipalKind => (PRINCIPALS as readonly unknown[]).includes(value);

const unmet = (conditions: readonly Condition[], context: AccessContext) =>
  conditions.filter((c) => !(Object.hasOwn(context, c.field) && context[c.field] === c.value));

function denialReason(code: DenialCode, principal: PrincipalKind, permission: Permission, unmetConditions: Condition[]): Localized {
  const who = PRINCIPAL_NAMES[principal];
  const what = PERMISSION_TEXT[permission];
  const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  switch (code) {
    case 'approval-reserved-for-owner':
      return {
        en: `${capital(who.en)} may not approve skills: only the owner can, with both factors.`,
        pl: `${capital(who.pl)} nie może zatwierdzać skilli: może to zrobić tylko właściciel, dwoma składnikami.`,
      };
    case 'condition-not-met': {
      if (permission === 'skills:execute' && unmetConditions.some((c) => c.field === 'approved')) return WAITING_FOR_OWNER;
      const required = unmetConditions.map((c) => `${c.field} = ${JSON.stringify(c.value)}`).join(', ');
      return {
        en: `${capital(who.en)} may ${what.en} only when ${required}; this request does not meet that.`,
        pl: `${capital(who.pl)} nie może teraz ${what.pl}: wymagane jest ${required}.`,
      };
    }
    default:
      return { en: `${capital(who.en)} may not ${what.en}.`, pl: `${capital(who.pl)} nie może ${what.pl}.` };
  }
}

/**
 * The one enforcement point for the IPC layer and the HTTP API. Every denial is appended to the
 * audit log here, so no caller can forget it; the decision carries the same data for the response.
 */
export function createAuthorizer(policy: RbacPolicy, audit: AuditSink) {
  function deny(principal: unknown, permission: unknown, code: DenialCode, reason: Localized, context: AccessContext, unmetConditions: Condition[] = []): AccessDecision {
    const decision: AccessDecision = {
      allowed: false,
      principal: String(principal).slice(0, MAX_ECHOED_CHARS),
      permission: String(permission).slice(0, MAX_ECHOED_CHARS),
      code,
      reason,
      unmetConditions,
    };
    audit.append({
      actor: isPrincipal(principal) ? principal : 'system',
      event: 'access.denied',
      skillSlug: typeof context.skillSlug === 'string' ? context.skillSlug : null,
      data: { principal: decision.principal, permission: decision.permission, code, unmetConditions: unmetConditions.map((c) => c.field) },
    });
    return decision;
  }

  return {
    authorize(principal: PrincipalKind, permission: Permission, context: AccessContext = {}): AccessDecision {
      // Callers translate untyped input (HTTP, IPC); check again rather than trust the types.
      if (!isPrincipal(principal)) {
        return deny(principal, permission, 'unknown-principal', { en: 'Unknown requester.', pl: 'Nieznany podmiot żądania.' }, context);
      }
      if (!isPermission(permission)) {
        return deny(principal, permission, 'unknown-permission', { en: 'Unknown permission.', pl: 'Nieznane uprawnienie.' }, context);
      }
      // Hard rule, independent of the loaded policy (which refuses it too).
      if (permission === 'skills:approve' && principal !== 'owner') {
        return deny(principal, permission, 'approval-reserved-for-owner', denialReason('approval-reserved-for-owner', principal, permission, []), context);
      }
      const candidates = policy.grants[principal].filter((g) => g.permission === permission);
      const granted = candidates.find((g) => unmet(g.conditions, context).length === 0);
      if (granted) return { allowed: true, principal, permission, grantedBy: granted.role };
      const code: DenialCode = candidates.length > 0 ? 'condition-not-met' : 'not-granted';
      const unmetConditions = candidates.flatMap((g) => unmet(g.conditions, context));
      return deny(principal, permission, code, denialReason(code, principal, permission, unmetConditions), context, unmetConditions);
    },
  };
}
export type Authorizer = ReturnType<typeof createAuthorizer>;
