import { createHash } from 'node:crypto';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';

export interface VersionContent {
  code: string;
  manifest: SkillManifest;
  configSchema: JsonSchema;
  skillMd: string;
}

/** Stable JSON: object keys sorted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The hash an approval is bound to: code, manifest and schemas exactly as shown to the owner.
 * Any change to any of them after the disclosure was shown yields another hash.
 */
export function versionContentHash(content: VersionContent): string {
  return sha256Hex(canonicalJson({ code: content.code, manifest: content.manifest, configSchema: content.configSchema, skillMd: content.skillMd }));
}
