// Per-skill settings (issue 11 §3): plain values checked against the version's config_schema,
// host-bound secrets sealed with the store's SecretBox, and local-address allowances the owner grants
// with both approval factors. Kept per skill, so they survive a new version; read against the
// version that runs. Every change is one transaction with its audit entry, which names keys and
// secret names but never a secret's value. Who may call what is the service's decision
// (main/skills/service.ts); this module trusts its caller's `actor`.
import type { Actor, SkillVersionRecord } from '../../../shared/contract/records.ts';
import type { Localized } from '../../../shared/i18n-types.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { JsonValue, LocalAllowance, SettingsChange, SkillSettingsView } from '../../../shared/contract/skill-settings-records.ts';
import type { FoundryStore, IntegrityKey } from '../../store/index.ts';
import type { StoredAllowance } from '../../store/repositories/skill-settings.ts';
import type { SkillState } from '../../store/repositories/skill-lifecycle.ts';
import { seal, unseal, type SecretBox } from '../approval/secret-box.ts';
import type { ApprovalFactors } from '../approval/approval-gateway.ts';
import { confirmWithBothFactors } from '../approval/owner-confirmation.ts';
import { ServiceError } from '../service-error.ts';
import { isRecord } from '../sandbox/json-guards.ts';
import { settingsForm, type SettingsForm } from './settings-form.ts';
import { checkLocalAllowance, formatAllowance } from './local-address.ts';
import { SETTINGS_MESSAGES } from './settings-messages.ts';

/** What one execution gets: read before every run, so it is cheap and unseals nothing up front. */
export interface SkillRunSettings {
  /** Valid non-secret values with the schema's defaults applied (frozen plain data). */
  config: Readonly<Record<string, JsonValue>>;
  /** Unseals on demand; null when unset, not declared by this version, or the box cannot open it. */
  secretValue(name: string): Promise<string | null>;
  localAllowances: readonly { address: string; port: number }[];
}

export interface SkillSettingsDeps {
  store: Pick<FoundryStore, 'db' | 'now' | 'versions' | 'auditLog' | 'skillSettings'>;
  /** Seals secrets: the OS keychain in the app, FOUNDRY_PASSPHRASE headless; null where there is none. */
  box: SecretBox | null;
  /** Both approval factors, for allowances; null where they cannot be asked (the command line). */
  factors: ApprovalFactors | null;
  /** Seals allowances, so one written around the engine does not count; without it none can be added. */
  integrityKey: IntegrityKey | null;
}

/** One value's JSON; larger values belong in the skill's own tables, not its settings. */
export const MAX_VALUE_CHARS = 16_384;
/** Long enough for any API key or token; one line, so it cannot add an HTTP header. */
export const MAX_SECRET_CHARS = 4_096;
/** How much of a changed value the audit entry keeps: enough to recognise it, never a whole document. */
const AUDITED_VALUE_CHARS = 80;
const ALLOWANCE_SEAL = 'local-allowance';

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

// A sealed secret carries the skill and name it was entered for: a blob copied to another skill or
// name in the database (whose hosts may be an attacker's) opens to nothing.
const boundSecret = (skillId: string, name: string, value: string) => JSON.stringify({ skillId, name, value });

function openBoundSecret(skillId: string, name: string, text: string): string | null {
  try {
    const bound = JSON.parse(text) as { skillId?: unknown; name?: unknown; value?: unknown };
    return bound.skillId === skillId && bound.name === name && typeof bound.value === 'string' ? bound.value : null;
  } catch {
    return null;
  }
}

const summarise = (value: JsonValue): string => {
  const text = JSON.stringify(value);
  return text.length > AUDITED_VALUE_CHARS ? `${text.slice(0, AUDITED_VALUE_CHARS)}… (${text.length} chars)` : text;
};

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const badRequest = (message: Localized, reason: string, fields?: Record<string, Localized>) =>
  new ServiceError('bad-request', message, { reason, ...(fields ? { fields, details: Object.values(fields).map((m) => m.en) } : {}) });

export function createSkillSettings({ store, box, factors, integrityKey }: SkillSettingsDeps) {
  const repo = store.skillSettings;

  const allowanceFields = (skillId: string, a: Omit<StoredAllowance, 'mac'>) => [skillId, a.address, a.port, a.addedAt];
  const inEffect = (skillId: string, a: StoredAllowance) => integrityKey?.matches(ALLOWANCE_SEAL, allowanceFields(skillId, a), a.mac) ?? false;

  /** The version whose schema the settings follow: the running one, else the newest. */
  function versionOf(skill: SkillState): SkillVersionRecord | null {
    return (skill.activeVersionId ? store.versions.get(skill.activeVersionId) : null) ?? store.versions.listForSkill(skill.slug)[0] ?? null;
  }

  function formOf(skill: SkillState): { version: SkillVersionRecord; form: SettingsForm } {
    const version = versionOf(skill);
    if (!version) throw new ServiceError('conflict', SETTINGS_MESSAGES.noVersion, { reason: 'no-version' });
    return { version, form: settingsForm(version.manifest) };
  }

  function view(skill: SkillState): SkillSettingsView {
    const version = versionOf(skill);
    const form = version ? settingsForm(version.manifest) : null;
    const stored = repo.values(skill.id);
    const evaluation = form?.evaluate(stored) ?? { effective: {}, problems: [] };
    const secrets = new Map(repo.secrets(skill.id).map((s) => [s.name, s.updatedAt]));
    return {
      slug: skill.slug,
      version: version?.version ?? null,
      fields: form?.fields ?? [],
      values: Object.fromEntries(Object.entries(stored).filter(([key]) => form?.keys.includes(key))),
      effective: evaluation.effective,
      secrets: (form?.secrets ?? []).map((s) => ({ ...s, set: secrets.has(s.name), updatedAt: secrets.get(s.name) ?? null })),
      allowances: repo.allowances(skill.id).map((a): LocalAllowance => ({ address: a.address, port: a.port, addedAt: a.addedAt, inEffect: inEffect(skill.id, a) })),
      problems: evaluation.problems,
    };
  }

  /** Refuses keys this version has no plain setting for; a secret's name gets its own explanation. */
  function checkKey(form: SettingsForm, key: string): void {
    if (form.keys.includes(key)) return;
    if (form.secrets.some((s) => s.name === key)) throw badRequest(SETTINGS_MESSAGES.isSecret(key), 'secret-as-value');
    throw badRequest(SETTINGS_MESSAGES.unknownKey(key.slice(0, 100), form.keys), 'unknown-key');
  }

  function secretSpec(form: SettingsForm, name: unknown) {
    const spec = typeof name === 'string' ? form.secrets.find((s) => s.name === name) : undefined;
    if (!spec) throw badRequest(SETTINGS_MESSAGES.unknownSecret(String(name).slice(0, 64), form.secrets.map((s) => s.name)), 'unknown-secret');
    return spec;
  }

  return {
    /** For the sandbox, before every execution of `skillSlug` running `manifest`. Synchronous: no secret is unsealed here. */
    forRun(skillSlug: string, manifest: Pick<SkillManifest, 'config_schema' | 'secrets'>): SkillRunSettings {
      const skillId = repo.skillIdOf(skillSlug);
      const form = settingsForm(manifest);
      const declared = new Set(form.secrets.map((s) => s.name));
      return {
        config: deepFreeze(form.evaluate(skillId ? repo.values(skillId) : {}).effective),
        async secretValue(name) {
          const sealed = skillId && box && declared.has(name) ? repo.secret(skillId, name) : null;
          if (!sealed || !box) return null;
          try {
            return openBoundSecret(skillId!, name, await unseal(box, sealed));
          } catch {
            // Sealed by another box (the app's keychain seen from the CLI) or damaged: as good as unset.
            return null;
          }
        },
        localAllowances: deepFreeze(skillId ? repo.allowances(skillId).filter((a) => inEffect(skillId, a)).map((a) => ({ address: a.address, port: a.port })) : []),
      };
    },

    view,

    /** A partial change of plain values; refused as a whole (nothing written) when the schema refuses a changed value. */
    setValues(skill: SkillState, change: SettingsChange, actor: Actor): SkillSettingsView {
      const { version, form } = formOf(skill);
      const values = isRecord(change?.values) ? change.values : {};
      const unset = Array.isArray(change?.unset) ? change.unset : [];
      if ((change?.values !== undefined && !isRecord(change.values)) || (change?.unset !== undefined && !Array.isArray(change.unset))) {
        throw badRequest(SETTINGS_MESSAGES.nothingToChange, 'bad-change');
      }
      if (Object.keys(values).length + unset.length === 0) throw badRequest(SETTINGS_MESSAGES.nothingToChange, 'nothing-to-change');
      const stored = repo.values(skill.id);
      Object.keys(values).forEach((key) => checkKey(form, key));
      // A value a newer version no longer has a field for may still be reset.
      unset.forEach((key) => Object.hasOwn(stored, String(key)) || checkKey(form, String(key)));
      for (const [key, value] of Object.entries(values)) {
        if ((JSON.stringify(value)?.length ?? Infinity) > MAX_VALUE_CHARS) throw badRequest(SETTINGS_MESSAGES.tooLarge(key, MAX_VALUE_CHARS), 'value-too-large');
      }

      const next: Record<string, JsonValue> = { ...stored, ...values };
      for (const key of unset) delete next[key];
      const { refused } = form.evaluate(next);
      const refusedHere = Object.fromEntries(Object.keys(values).filter((key) => refused[key]).map((key) => [key, refused[key]!]));
      if (Object.keys(refusedHere).length > 0) throw badRequest(SETTINGS_MESSAGES.refusedValues(Object.keys(refusedHere)), 'invalid-settings', refusedHere);

      const changed = Object.entries(values).filter(([key, value]) => JSON.stringify(stored[key]) !== JSON.stringify(value));
      const removed = unset.filter((key) => Object.hasOwn(stored, key));
      if (changed.length === 0 && removed.length === 0) return view(skill);
      store.db.transaction(() => {
        for (const [key, value] of changed) repo.setValue(skill.id, key, value);
        for (const key of removed) repo.removeValue(skill.id, key);
        store.auditLog.append({
          actor,
          event: 'skill.settings.changed',
          skillSlug: skill.slug,
          versionId: version.id,
          data: { version: version.version, set: Object.fromEntries(changed.map(([key, value]) => [key, summarise(value)])), unset: removed },
        });
      })();
      return view(skill);
    },

    /** Seals and stores a secret this version declares; the audit entry names it, nothing more. */
    async setSecret(skill: SkillState, name: unknown, value: unknown, actor: Actor): Promise<SkillSettingsView> {
      const { form } = formOf(skill);
      const spec = secretSpec(form, name);
      if (typeof value !== 'string' || value.length === 0 || value.length > MAX_SECRET_CHARS || CONTROL_CHARACTERS.test(value)) {
        throw badRequest(SETTINGS_MESSAGES.badSecretValue(MAX_SECRET_CHARS), 'bad-secret');
      }
      if (!box) throw new ServiceError('unavailable', SETTINGS_MESSAGES.noSecretStorage, { reason: 'no-secret-storage' });
      const sealed = await seal(box, boundSecret(skill.id, spec.name, value));
      store.db.transaction(() => {
        const replaced = repo.secret(skill.id, spec.name) !== null;
        repo.putSecret(skill.id, spec.name, sealed);
        store.auditLog.append({ actor, event: 'skill.secret.set', skillSlug: skill.slug, data: { name: spec.name, replaced } });
      })();
      return view(skill);
    },

    /** Removes a stored secret (also one a newer version no longer declares). */
    clearSecret(skill: SkillState, name: unknown, actor: Actor): SkillSettingsView {
      const wanted = typeof name === 'string' ? name : '';
      const cleared = store.db.transaction(() => {
        if (!repo.removeSecret(skill.id, wanted)) return false;
        store.auditLog.append({ actor, event: 'skill.secret.cleared', skillSlug: skill.slug, data: { name: wanted } });
        return true;
      })();
      if (!cleared) throw new ServiceError('not-found', SETTINGS_MESSAGES.secretNotSet(wanted.slice(0, 64)), { reason: 'secret-not-set' });
      return view(skill);
    },

    /** The owner's decision, with both factors: lets this skill reach one non-public address and port. */
    async addAllowance(skill: SkillState, input: { address: unknown; port: unknown; totpCode: unknown }): Promise<SkillSettingsView> {
      const checked = checkLocalAllowance(input.address, input.port);
      if (!checked.ok) throw badRequest(checked.message, checked.reason);
      const where = formatAllowance(checked.address, checked.port);
      if (repo.allowances(skill.id).some((a) => a.address === checked.address && a.port === checked.port)) {
        throw new ServiceError('conflict', SETTINGS_MESSAGES.allowanceExists(where), { reason: 'allowance-exists' });
      }
      const checks = await confirmWithBothFactors({ auditLog: store.auditLog, factors, canSeal: integrityKey !== null }, {
        refusedEvent: 'allowance.refused', skillSlug: skill.slug, data: { address: where }, totpCode: input.totpCode,
        prompt: SETTINGS_MESSAGES.allowancePrompt(skill.name, where),
      });
      const allowance = { address: checked.address, port: checked.port, addedAt: store.now().toISOString() };
      store.db.transaction(() => {
        repo.addAllowance(skill.id, { ...allowance, mac: integrityKey!.sign(ALLOWANCE_SEAL, allowanceFields(skill.id, allowance)) });
        store.auditLog.append({ actor: 'owner', event: 'skill.allowance.added', skillSlug: skill.slug, data: { address: where, factors: checks } });
      })();
      return view(skill);
    },

    /** Narrows what the skill can reach, so it needs no factor. */
    revokeAllowance(skill: SkillState, address: unknown, port: unknown, actor: Actor): SkillSettingsView {
      const checked = checkLocalAllowance(address, port);
      // An address the check refuses was never allowed; say so as "not found", with what was asked.
      const where = checked.ok ? formatAllowance(checked.address, checked.port) : `${String(address).slice(0, 60)}:${String(port).slice(0, 6)}`;
      const revoked = checked.ok && store.db.transaction(() => {
        if (!repo.removeAllowance(skill.id, checked.address, checked.port)) return false;
        store.auditLog.append({ actor, event: 'skill.allowance.revoked', skillSlug: skill.slug, data: { address: where } });
        return true;
      })();
      if (!revoked) throw new ServiceError('not-found', SETTINGS_MESSAGES.allowanceNotFound(where), { reason: 'allowance-not-found' });
      return view(skill);
    },
  };
}
export type SkillSettings = ReturnType<typeof createSkillSettings>;
