// The generator stage (DESIGN.md): a need becomes a skill candidate, written by Claude when an API
// key is set and by the built-in templates otherwise. Candidates are data; later stages trust none.
export type { SkillGenerator, RepairFeedback } from './candidate.ts';
export { candidateProblems } from './candidate.ts';
export { GeneratorError, type GeneratorErrorCode } from './generator-error.ts';
export { offlineGenerator, buildOfflineCandidate } from './offline-generator.ts';
export { createClaudeGenerator, DEFAULT_CLAUDE_MODEL, type ClaudeGeneratorOptions } from './claude-generator.ts';
export { selectGenerator, type GeneratorSettings } from './select-generator.ts';
export { parseSkillMd, renderSkillMd, type SkillMd, type SkillMdFrontMatter } from './skill-md.ts';
export { candidateFromSkillFiles, checkSkillEntries, decodeSkillFile, exportSkillFolder, importSkillFolder, MAX_SKILL_FILES_BYTES, SKILL_FILES, skillFolderFiles, type SkillFileEntry, type SkillFilesRefusal } from './skill-folder.ts';
export { createGeneratorConfig, type GeneratorConfig } from './generator-config.ts';
