// The embedded default generator: a template per skill kind, no network, no randomness. The same
// need always gives a byte-identical candidate, and every candidate passes the audit as it is.
import type { SkillCandidate } from '../../../shared/skills/candidate.ts';
import type { JsonSchema } from '../../../shared/skills/json-schema.ts';
import type { SkillKind, SkillNeed } from '../../../shared/skills/need.ts';
import { requireCandidate, type SkillGenerator } from './candidate.ts';
import { GeneratorError } from './generator-error.ts';
import { requireUsableNeed } from './need-check.ts';
import { renderSkillMd } from './skill-md.ts';
import { asSkillRequest } from './skill-request.ts';
import { checklistTemplate } from './templates/checklist.ts';
import { counterTemplate } from './templates/counter.ts';
import { habitTemplate } from './templates/habit.ts';
import { journalTemplate } from './templates/journal.ts';
import { skillNames } from './templates/naming.ts';
import { priceWatchTemplate } from './templates/price-watch.ts';
import { reminderTemplate } from './templates/reminder.ts';
import { skillDocument } from './templates/skill-doc.ts';
import { codeActionLabels, localiseHttpActions, type TemplateBuilder } from './templates/template.ts';
import { trackerTemplate } from './templates/tracker.ts';
import { tableLabelsField } from './templates/table-labels.ts';
import { webhookTemplate } from './templates/webhook.ts';

const TEMPLATES: Record<SkillKind, TemplateBuilder> = {
  tracker: trackerTemplate,
  reminder: reminderTemplate,
  counter: counterTemplate,
  checklist: checklistTemplate,
  journal: journalTemplate,
  'price-watch': priceWatchTemplate,
  webhook: webhookTemplate,
  habit: habitTemplate,
};

/** Kinds without settings keep their limits in the code. */
const NO_SETTINGS: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

export function buildOfflineCandidate(need: SkillNeed): SkillCandidate {
  requireUsableNeed(need);
  const names = skillNames(need);
  const template = TEMPLATES[need.kind](need, names);
  const configSchema = template.configSchema ?? NO_SETTINGS;
  const candidate: SkillCandidate = {
    code: template.code,
    manifest: {
      slug: names.slug,
      name: names.displayName,
      description: template.summary[need.language],
      version: '1.0.0',
      capabilities: template.capabilities,
      config_schema: configSchema,
      actions: [...codeActionLabels(template.actions), ...localiseHttpActions(template.httpActions, need.language)],
      ...(template.schedules ? { schedules: template.schedules } : {}),
      ...(template.presentation ? { presentation: template.presentation } : {}),
      ...tableLabelsField(need, template),
    },
    configSchema,
    skillMd: renderSkillMd(skillDocument(need, names, template)),
    sampleInputs: template.sampleInputs,
    generator: 'offline',
    attempt: 1,
  };
  // A template that produced a malformed candidate is a bug here, never the owner's doing.
  return requireCandidate(candidate, 'candidate/invalid', {
    en: 'The built-in generator produced an invalid skill. This is a bug in Skill Foundry.',
    pl: 'Wbudowany generator utworzył nieprawidłowy skill. To błąd w Skill Foundry.',
  });
}

const NOT_A_REQUEST = {
  en: 'The built-in generator did not recognise a skill request in these words.',
  pl: 'Wbudowany generator nie rozpoznał w tych słowach prośby o skill.',
};

export const offlineGenerator: SkillGenerator = {
  id: 'offline',
  async generate(input, feedback) {
    const { need, notARequest } = asSkillRequest(input);
    if (!need) throw new GeneratorError('generator/not-a-request', notARequest ?? NOT_A_REQUEST);
    if (feedback)
      throw new GeneratorError('generator/cannot-repair', {
        en: 'The built-in generator always writes the same skill for the same need, so it cannot repair one. Choose Claude or your own model in Settings to let a model repair it.',
        pl: 'Wbudowany generator dla tej samej potrzeby zawsze pisze ten sam skill, więc nie umie go naprawić. Wybierz w Ustawieniach Claude lub własny model, aby model mógł go naprawić.',
      });
    return buildOfflineCandidate(need);
  },
};
