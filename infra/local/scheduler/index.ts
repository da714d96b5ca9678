// The local EventBridge Scheduler stand-in. See scheduler.ts (firing), server.ts (REST-JSON API),
// store.ts (state), expressions.ts (at/rate), validate.ts (input rules), advance.ts (clock moves).
export { LocalScheduler, type LocalSchedulerOptions } from './scheduler.ts';
export { advanceClock, type AdvanceClockOptions } from './advance.ts';
export type { RecurringJob, ListedRecurringJob } from './recurring.ts';
export { createTemplateSchedules, type TemplateScheduleWiring } from './template.ts';
export { parseScheduleExpression, zonedTimeToInstant, type ParsedExpression } from './expressions.ts';
export type { FiredSchedule, ListedSchedule, ScheduleGroup, ScheduleTarget, StoredSchedule, FlexibleTimeWindow } from './types.ts';
