import type { SkillGenerator } from './candidate.ts';
import { createClaudeGenerator, type ClaudeGeneratorOptions } from './claude-generator.ts';
import { offlineGenerator } from './offline-generator.ts';

export type GeneratorSettings = ClaudeGeneratorOptions;

/** Claude when an API key is set, otherwise the built-in generator. */
export async function selectGenerator(settings: GeneratorSettings): Promise<SkillGenerator> {
  const apiKey = await settings.getApiKey();
  return apiKey ? createClaudeGenerator(settings) : offlineGenerator;
}
