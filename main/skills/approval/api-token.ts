// The assistant's API token for the local HTTP API. Requests are checked against its SHA-256
// (constant time, no decryption per request); the token itself is kept sealed by the SecretBox
// only so the owner can show and copy it again.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApprovalSecurityRepository } from '../../store/repositories/approval-security.ts';
import type { AuditSink } from './audit-sink.ts';
import type { PrincipalKind } from '../rbac/roles.ts';
import { seal, unseal, type SecretBox } from './secret-box.ts';
import { SecurityError } from './security-error.ts';

const TOKEN_BYTES = 32;

export interface ApiTokenDeps {
  repo: ApprovalSecurityRepository;
  box: SecretBox;
  audit: AuditSink;
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest();

export function createApiTokenService(deps: ApiTokenDeps) {
  const { repo, box, audit } = deps;

  const requireOwner = (principal: PrincipalKind, action: 'rotate' | 'reveal') => {
    if (principal === 'owner') return;
    audit.append({ actor: principal, event: 'api-token.refused', data: { action } });
    throw new SecurityError('owner-only', {
      en: 'Only the owner, at this computer, can show or replace the assistant’s API token.',
      pl: 'Tylko właściciel, przy tym komputerze, może wyświetlić lub wymienić token API asystenta.',
    });
  };

  return {
    status: (): { exists: boolean; createdAt: string | null } => {
      const stored = repo.apiToken.get();
      return { exists: stored !== null, createdAt: stored?.createdAt ?? null };
    },

    /** A new random token replaces the old one, which stops working at once. Returns the new token. */
    async rotate(principal: PrincipalKind): Promise<string> {
      requireOwner(principal, 'rotate');
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      repo.apiToken.save(sha256(token), await seal(box, token));
      audit.append({ actor: 'owner', event: 'api-token.rotated', data: {} });
      return token;
    },

    /** The current token, for the owner to copy into the assistant; null before the first rotate(). */
    async reveal(principal: PrincipalKind): Promise<string | null> {
      requireOwner(principal, 'reveal');
      const stored = repo.apiToken.get();
      if (!stored) return null;
      audit.append({ actor: 'owner', event: 'api-token.revealed', data: {} });
      return unseal(box, stored.sealed);
    },

    /** Whether a request carries the current token. Compares digests in constant time. */
    verify(presented: unknown): boolean {
      const stored = repo.apiToken.get();
      if (!stored || typeof presented !== 'string') return false;
      const digest = sha256(presented);
      return stored.sha256.length === digest.length && timingSafeEqual(digest, stored.sha256);
    },
  };
}
export type ApiTokenService = ReturnType<typeof createApiTokenService>;
