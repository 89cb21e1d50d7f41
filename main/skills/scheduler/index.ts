// Schedules (issue 13 §1): the check of a schedule, when it runs next, the one-timer scheduler
// that fires due runs as the `scheduler` principal, and the service methods around it.
export { createScheduleService, type ScheduleService, type ScheduleServiceDeps } from './schedule-service.ts';
export { createScheduler, systemClock, MAX_WAIT_MS, LATE_AFTER_MS, type Scheduler, type SchedulerClock, type ScheduledRunOutcome } from './scheduler.ts';
export { scheduleProblems, type ScheduleContext } from './schedule-check.ts';
export { nextRunAfter } from './next-run.ts';
export { describeSchedule } from './schedule-text.ts';
export { SCHEDULER_MESSAGES } from './scheduler-messages.ts';
