// The schedules a manifest declares (issue 13 §1), checked by the same rules as a schedule the
// owner adds (main/skills/scheduler/schedule-check.ts: croner reads the cron, the interval bound,
// the zone, the conditions, the webhook's host among the approved http capabilities), plus that the
// action exists: one getActions() lists or the manifest declares. When the code's actions cannot be
// read, the action is checked again at each run. At most MAX_SCHEDULES: each is a line in the disclosure.
import type { SkillManifest } from '../../../shared/skills/manifest.ts';
import { scheduleProblems } from '../scheduler/schedule-check.ts';
import { machineZone } from '../scheduler/zoned-time.ts';
import type { FindingSink, Where } from './findings.ts';

const MAX_SCHEDULES = 16;

export function checkManifestSchedules(
  manifest: SkillManifest,
  context: { http: readonly string[]; codeActions: readonly string[] | null },
  anchor: Where,
  sink: FindingSink,
): void {
  const schedules = manifest.schedules ?? [];
  if (schedules.length > MAX_SCHEDULES) {
    sink.add('manifest/too-many-schedules', anchor, schedules.length, MAX_SCHEDULES);
    return;
  }
  const declared = (manifest.actions ?? []).map((action) => action.slug);
  const actions = context.codeActions ? [...context.codeActions, ...declared] : null;
  schedules.forEach((spec, index) => {
    for (const problem of scheduleProblems(spec, { actions, httpOrigins: context.http, defaultZone: machineZone(), now: new Date() })) {
      sink.add('manifest/bad-schedule', anchor, index, problem);
    }
  });
}
