// Seed 004's actions (issue 12): what a version offers (code actions from getActions(), declarative
// ones from its manifest), the policy checked before each run (permissions, consent), and the
// declarative `http` action — one request made from an approved template, sent through the same
// guard as foundry.http. The types are in shared/skills/actions.ts; the registry dispatches.
export { planActions, type ActionPlan, type DeclarativeAction, type PlannedAction } from './action-plan.ts';
export { actionDetails, admitAction, askOwner, consentRequest, type ActionGateDeps, type ActionRun } from './action-gate.ts';
export { ActionRefusedError, type ActionRefusalCode } from './action-refusal.ts';
export { ACTION_MESSAGES } from './action-messages.ts';
export { actionDisclosure, actionEffect, actionName } from './action-text.ts';
export { runHttpAction, type HttpActionOutcome } from './http-action.ts';
export { fillHttpTemplate, fillJsonTemplate, misplacedPlaceholder, paramPlaceholders, splitUrlTemplate, templateTexts, TemplateRefusal } from './http-template.ts';
export type { CallSkill, SkillCallContext } from './collaborators.ts';
