import { describe, expect, it } from 'vitest';
import type { ManifestAction } from '../../../shared/skills/actions.ts';
import type { ModAction } from '../../../shared/skills/mod-types.ts';
import { planActions } from '../../../main/skills/actions/index.ts';
import { manifestFor } from '../../fixtures/skills.ts';

const schema = { type: 'object', properties: {}, additionalProperties: false };
const codeAction = (slug: string, timeoutMs?: number): ModAction => ({ slug, name: slug, description: slug, params_schema: schema, ...(timeoutMs ? { timeoutMs } : {}) });
const manifest = (actions: ManifestAction[] | undefined) => ({ ...manifestFor('custom-probe'), ...(actions ? { actions } : {}) });
const post: ManifestAction = { slug: 'post', type: 'http', name: 'Post', description: 'Posts', params_schema: schema, http: { method: 'POST', url: 'https://hooks.example.com/' } };

describe('what a version offers its callers', () => {
  it('is exactly what getActions() lists when the manifest has no actions, each with the default policy', () => {
    const listed = [codeAction('log_water', 8_000)];
    const { actions, missingCode } = planActions(manifest(undefined), listed);
    expect(actions).toEqual([{ action: listed[0], type: 'code', permissions: [], requireApproval: false, declared: null }]);
    expect(actions[0]!.action).toBe(listed[0]);
    expect(missingCode).toEqual([]);
  });

  it('gives a code action its manifest entry’s policy and time limit, and adds the declarative actions', () => {
    const { actions } = planActions(manifest([{ slug: 'log_water', requireApproval: true, permissions: ['skills:create'], timeoutMs: 2_000 }, post]), [codeAction('log_water', 8_000)]);
    expect(actions.map((a) => ({ slug: a.action.slug, type: a.type, timeoutMs: a.action.timeoutMs, requireApproval: a.requireApproval, permissions: a.permissions }))).toEqual([
      { slug: 'log_water', type: 'code', timeoutMs: 2_000, requireApproval: true, permissions: ['skills:create'] },
      { slug: 'post', type: 'http', timeoutMs: undefined, requireApproval: false, permissions: [] },
    ]);
  });

  it('lets the manifest win: a getActions() twin of a declarative action is not offered as code, and a marked code action that is missing is named', () => {
    const { actions, missingCode } = planActions(manifest([post, { slug: 'gone', requireApproval: true }]), [codeAction('post')]);
    expect(actions.map((a) => `${a.action.slug}:${a.type}`)).toEqual(['post:http']);
    expect(missingCode).toEqual(['gone']);
  });

  it('names an action in the viewer’s language when its manifest entry has labels, whatever language the skill was written in', () => {
    const labels = { name: { en: 'Log water', pl: 'Zapisz wypitą wodę' }, description: { en: 'Record a glass', pl: 'Zapisz szklankę' } };
    const polish = { ...codeAction('log_water'), name: 'Zapisz wypitą wodę', description: 'Zapisz szklankę' };
    const entries = manifest([{ slug: 'log_water', labels }, { ...post, labels: { name: { en: 'Post', pl: 'Wyślij' }, description: { en: 'Posts', pl: 'Wysyła' } } }]);
    expect(planActions(entries, [polish], 'en').actions.map((a) => [a.action.name, a.action.description])).toEqual([['Log water', 'Record a glass'], ['Post', 'Posts']]);
    expect(planActions(entries, [polish], 'pl').actions.map((a) => a.action.name)).toEqual(['Zapisz wypitą wodę', 'Wyślij']);
    // Without labels, the skill's own words stay.
    expect(planActions(manifest(undefined), [polish], 'en').actions[0]!.action.name).toBe('Zapisz wypitą wodę');
  });
});
