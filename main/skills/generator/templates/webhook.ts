// Webhook: "post my daily summary to this Slack webhook". The skill is one http action,
// `post_message`, that sends `{ "text": … }` to the address the request named — a request and no
// code (issue 12 §2). Its class has no actions of its own. The address is written in the manifest
// as the request gave it, so the owner approves exactly that target; the text is a param, put in the
// JSON body as a value (never spliced into JSON text), so no message can change the request.
import type { SampleInput } from '../../../../shared/skills/candidate.ts';
import { httpCapabilityOf } from '../../../../shared/skills/http-capability.ts';
import type { SkillNeed } from '../../../../shared/skills/need.ts';
import { GeneratorError } from '../generator-error.ts';
import { lit } from './code.ts';
import type { SkillNames } from './naming.ts';
import { paramsSchema, textParam, type SkillTemplate } from './template.ts';

/** Slack and most chat webhooks take up to a few thousand characters per message. */
const MAX_MESSAGE_CHARS = 4_000;

const TEXT = {
  pl: { unknownAction: 'Nieznana akcja', sample: 'Podsumowanie dnia: 3 zadania zrobione, 1 czeka.' },
  en: { unknownAction: 'Unknown action', sample: 'Daily summary: 3 tasks done, 1 waiting.' },
};

export function webhookTemplate(need: SkillNeed, names: SkillNames): SkillTemplate {
  const target = need.webhook === undefined ? null : URL.parse(need.webhook.url);
  const capability = target && httpCapabilityOf(target);
  if (!target || !capability) {
    throw new GeneratorError('generator/invalid-need', {
      en: 'A webhook needs the absolute http(s) address to post to.',
      pl: 'Webhook wymaga bezwzględnego adresu http(s), na który ma wysyłać.',
    });
  }
  target.hash = '';
  const text = TEXT[need.language];
  const host = target.host;
  const code = `// ${names.displayName}: what it does is its http action post_message, declared in the manifest; this class has no actions of its own.
export class ${names.className} implements IModExecutor {
  readonly slug = ${lit(names.slug)};

  async getData(tenant_id: string) {
    return { webhook: ${lit(capability)} };
  }

  async getInsights(tenant_id: string) {
    return [];
  }

  async executeAction(tenant_id: string, action: string, params: Record<string, unknown>) {
    return { success: false, error: ${lit(text.unknownAction)} };
  }

  getActions() {
    return [];
  }
}
`;
  const sample: SampleInput = {
    method: 'executeAction',
    action: 'post_message',
    params: { text: text.sample },
    http: [{ method: 'POST', url: target.href, status: 200, headers: { 'content-type': 'text/plain' }, body: 'ok' }],
  };
  return {
    code,
    actions: [],
    httpActions: [{
      action: {
        slug: 'post_message',
        name: { en: 'Post a message', pl: 'Wyślij wiadomość' },
        description: { en: `Posts a message to the webhook at ${host}`, pl: `Wysyła wiadomość na webhook w ${host}` },
        params_schema: paramsSchema({ text: textParam(MAX_MESSAGE_CHARS) }, ['text']),
      },
      http: { method: 'POST', url: target.href, body: { text: '{{params.text}}' } },
    }],
    capabilities: { reads: [], writes: [], http: [capability], notifications: false, skills: [] },
    sampleInputs: [sample],
    summary: {
      en: `Posts messages to the webhook at ${host}: one request each, no code runs.`,
      pl: `Wysyła wiadomości na webhook w ${host}: jedno żądanie na wiadomość, bez uruchamiania kodu.`,
    },
    whenToUse: `Use when the owner wants something posted to ${host}: run post_message with the text (on a schedule for a daily summary).`,
    columns: [],
    insights: ['none: the skill keeps no data'],
  };
}
