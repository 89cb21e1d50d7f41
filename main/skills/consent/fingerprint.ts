import { createHash } from 'node:crypto';

/**
 * What a consent is given to: one skill version's one action with exactly these details (argv,
 * URL…). Any change of version, action or a single detail is a different fingerprint, so a
 * standing consent never stretches to a command the owner did not see.
 */
export function consentFingerprint(versionId: string, action: string, details: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(['consent/v1', versionId, action, details])).digest('hex');
}
