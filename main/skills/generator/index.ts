// The generator stage (DESIGN.md): a request becomes a skill candidate, written by the built-in
// templates, by Claude or by the owner's own model (OpenAI-compatible), as the owner chose.
// Candidates are data; later stages trust none.
export type { SkillGenerator, RepairFeedback } from './candidate.ts';
export { candidateProblems } from './candidate.ts';
export { GeneratorError, type GeneratorErrorCode } from './generator-error.ts';
export { offlineGenerator, buildOfflineCandidate } from './offline-generator.ts';
export { createClaudeGenerator, DEFAULT_CLAUDE_MODEL, type ClaudeGeneratorOptions } from './claude-generator.ts';
export { createOpenAIGenerator, type OpenAIGeneratorOptions } from './openai-generator.ts';
export { requestFor, requestFromNeed, readsWords, type SkillRequest } from './skill-request.ts';
export { parseSkillMd, renderSkillMd, type SkillMd, type SkillMdFrontMatter } from './skill-md.ts';
export { candidateFromSkillFiles, checkSkillEntries, decodeSkillFile, exportSkillFolder, importSkillFolder, MAX_SKILL_FILES_BYTES, SKILL_FILES, skillFolderFiles, type SkillFileEntry, type SkillFilesRefusal } from './skill-folder.ts';
export { createGeneratorConfig, GENERATOR_KINDS, type GeneratorConfig } from './generator-config.ts';
