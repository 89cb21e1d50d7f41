// What a version's executor offers (issue 12 §1): the code actions its getActions() lists, each
// with the policy its manifest entry sets (if any), and the declarative actions of its manifest.
// The manifest is what the owner approved, so it wins: a getActions() slug that the manifest
// declares as another type is not offered as code, and getActions() cannot add a policy-free
// twin of a declarative action.
import type { Locale } from '../../../shared/i18n-types.ts';
import type { ActionType, ManifestAction } from '../../../shared/skills/actions.ts';
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';

export type DeclarativeAction = Exclude<ManifestAction, { type?: 'code' }>;

export interface PlannedAction {
  /** As callers see it (getActions()): slug, name, description, params_schema, timeoutMs. */
  action: ModAction;
  type: ActionType;
  /** RBAC permissions the caller must hold besides `skills:execute`. */
  permissions: readonly string[];
  requireApproval: boolean;
  /** The manifest entry of a declarative action; null for code. */
  declared: DeclarativeAction | null;
}

export interface ActionPlan {
  actions: PlannedAction[];
  /** Code actions the manifest sets a policy for that getActions() does not list: such a version cannot run. */
  missingCode: string[];
}

const isDeclarative = (entry: ManifestAction): entry is DeclarativeAction => (entry.type ?? 'code') !== 'code';

function policyOf(entry: ManifestAction | undefined): Pick<PlannedAction, 'permissions' | 'requireApproval'> {
  return { permissions: [...(entry?.permissions ?? [])], requireApproval: entry?.requireApproval === true };
}

/** Named in `locale` when the manifest entry has labels: the owner's language over the skill's. */
function labelled(action: ModAction, entry: ManifestAction | undefined, locale: Locale | undefined): ModAction {
  const labels = entry?.labels;
  return labels && locale ? { ...action, name: labels.name[locale], description: labels.description[locale] } : action;
}

/**
 * `codeActions` is what getActions() answered in the sandbox: untrusted data, kept as it came
 * (renamed only by the approved manifest's labels, in `locale` when given).
 */
export function planActions(manifest: SkillManifest, codeActions: readonly ModAction[], locale?: Locale): ActionPlan {
  const entries = new Map((manifest.actions ?? []).map((entry) => [entry.slug, entry] as const));
  const listed = new Set<string>();
  const actions: PlannedAction[] = [];
  for (const action of codeActions) {
    const entry = typeof action?.slug === 'string' ? entries.get(action.slug) : undefined;
    if (entry && isDeclarative(entry)) continue;
    if (entry) listed.add(entry.slug);
    const timeoutMs = entry?.timeoutMs ?? action?.timeoutMs;
    actions.push({ action: labelled(entry?.timeoutMs === undefined ? action : { ...action, timeoutMs }, entry, locale), type: 'code', ...policyOf(entry), declared: null });
  }
  for (const entry of entries.values()) {
    if (!isDeclarative(entry)) continue;
    const { slug, name, description, params_schema, timeoutMs } = entry;
    const action = labelled({ slug, name, description, params_schema, ...(timeoutMs === undefined ? {} : { timeoutMs }) }, entry, locale);
    actions.push({ action, type: entry.type, ...policyOf(entry), declared: entry });
  }
  const missingCode = [...entries.values()].filter((entry) => !isDeclarative(entry) && !listed.has(entry.slug)).map((entry) => entry.slug);
  return { actions, missingCode };
}
