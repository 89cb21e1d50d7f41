import type { Localized } from '../../../shared/i18n-types.ts';
import { parseHttpCapability } from '../../../shared/skills/http-capability.ts';
import type { SkillCapabilities, SkillManifest } from '../../../shared/skills/manifest.ts';
import type { ExecutorFacts } from './conformance.ts';
import type { FindingSink } from './findings.ts';
import { checkManifestActions, type ActionUse } from './manifest-actions.ts';
import { checkSecrets, type SecretHosts } from './manifest-secrets.ts';
import { checkTriggers } from './manifest-triggers.ts';
import { checkManifestSchedules } from './manifest-schedules.ts';
import { checkManifestPresentation } from './manifest-presentation.ts';
import { checkManifestTableLabels } from './manifest-table-labels.ts';
import { catastrophicPatterns, schemaProblem } from './schema-check.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Why a value is not shaped like a SkillManifest (only the fields the audit relies on), or null. */
function manifestProblem(value: unknown): Localized | null {
  if (!isObject(value)) return { en: 'it is not a JSON object.', pl: 'nie jest obiektem JSON.' };
  if (typeof value.slug !== 'string') return { en: '“slug” must be text.', pl: '„slug” musi być tekstem.' };
  if (!isObject(value.config_schema)) {
    return { en: '“config_schema” must be an object.', pl: '„config_schema” musi być obiektem.' };
  }
  const capabilities = value.capabilities;
  if (!isObject(capabilities)) return { en: '“capabilities” must be an object.', pl: '„capabilities” musi być obiektem.' };
  for (const list of ['reads', 'writes', 'http', 'skills']) {
    if (!isStringList(capabilities[list])) {
      return { en: `“capabilities.${list}” must be a list of texts.`, pl: `„capabilities.${list}” musi być listą tekstów.` };
    }
  }
  if (typeof capabilities.notifications !== 'boolean') {
    return {
      en: '“capabilities.notifications” must be true or false.',
      pl: '„capabilities.notifications” musi mieć wartość true albo false.',
    };
  }
  for (const list of ['dependencies', 'provides']) {
    if (value[list] !== undefined && !isStringList(value[list])) {
      return { en: `“${list}”, when given, must be a list of texts.`, pl: `„${list}”, jeśli jest podane, musi być listą tekstów.` };
    }
  }
  if (value.secrets !== undefined && !Array.isArray(value.secrets)) {
    return { en: '“secrets”, when given, must be a list.', pl: '„secrets”, jeśli jest podane, musi być listą.' };
  }
  if (value.schedules !== undefined && !Array.isArray(value.schedules)) {
    return { en: '“schedules”, when given, must be a list.', pl: '„schedules”, jeśli jest podane, musi być listą.' };
  }
  if (value.actions !== undefined && !Array.isArray(value.actions)) {
    return { en: '“actions”, when given, must be a list.', pl: '„actions”, jeśli jest podane, musi być listą.' };
  }
  return null;
}

export interface CheckedManifest {
  /** What it declares, keeping only HTTP capabilities written as parseHttpCapability reads them. */
  declared: SkillCapabilities;
  secrets: SecretHosts;
  /** What its declarative actions use, so the code is not told it leaves those unused. */
  actionUse: ActionUse;
}

/**
 * The manifest, if it is usable: well-formed, naming the same slug as the code, with a config
 * schema that compiles, HTTP capabilities in their one written form, and well-formed secrets bound
 * to those capabilities. Returns null when it is too malformed to compare capabilities against.
 */
export function checkManifest(
  value: unknown,
  executor: ExecutorFacts,
  sink: FindingSink,
): CheckedManifest | null {
  const { anchor, slug } = executor;
  const problem = manifestProblem(value);
  if (problem) {
    sink.add('manifest/invalid', anchor, problem);
    return null;
  }
  const manifest = value as SkillManifest;
  if (slug !== null && manifest.slug !== slug) sink.add('conformance/slug-mismatch', executor.slugAt, slug, manifest.slug);
  const problemWithSchema = schemaProblem(manifest.config_schema);
  if (problemWithSchema) sink.add('schema/invalid-config-schema', anchor, problemWithSchema);
  for (const pattern of catastrophicPatterns(manifest.config_schema)) sink.add('schema/redos-pattern', anchor, pattern);
  const http: string[] = [];
  for (const entry of manifest.capabilities.http) {
    if (parseHttpCapability(entry)) http.push(entry);
    else sink.add('manifest/bad-http-capability', anchor, entry.slice(0, 120));
  }
  const secrets = checkSecrets(manifest, new Set(http), anchor, sink);
  const actionUse = checkManifestActions(manifest, { http: new Set(http), secrets, codeActions: executor.actionSlugs }, anchor, sink);
  checkTriggers(manifest, executor.actionSlugs, anchor, sink);
  checkManifestSchedules(manifest, { http, codeActions: executor.actionSlugs }, anchor, sink);
  checkManifestPresentation(manifest, anchor, sink);
  checkManifestTableLabels(manifest, anchor, sink);
  return { declared: { ...manifest.capabilities, http }, secrets, actionUse };
}
