// Timers: what EventBridge Scheduler puts on the bus when a one-time schedule fires. The
// schedule's target is the bus with source `aftersales.timers`, detail-type `TimerFired` and
// this detail as its static input, so the whole detail is known when the timer is set:
// `occurredAt` is the fire time (set it to `dueAt`, or to `<aws.scheduler.scheduled-time>`).
// A consumer checks that `timerId` is still the current one for its subject before acting, so
// a superseded timer (e.g. a deliver_by moved by a new carrier estimate) is ignored.
import { z } from 'zod';
import { EntityId, IsoDateTime, relatedIds } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const TimerKind = z.enum(['ship_by', 'deliver_by', 'tracking_stalled', 'return_reminder', 'return_expiry', 'nudge', 'winback', 'survey']);
export type TimerKind = z.infer<typeof TimerKind>;

/** What the timer is about; at least one is set. They put the event on those entities' timelines. */
const subjectIds = { customerId: EntityId.optional(), ...relatedIds, delayId: EntityId.optional() };

export const TimerFired = defineEvent({
  source: eventSource.timers,
  detailType: 'TimerFired',
  version: 1,
  description: 'A one-time schedule fired (EventBridge Scheduler). Carries the timer kind, its subject ids and when it was due.',
  detail: {
    timerId: z
      .string()
      .regex(/^[0-9a-zA-Z._-]{1,64}$/, 'must be a valid EventBridge Scheduler schedule name')
      .describe('Schedule name; unique per subject and kind'),
    kind: TimerKind,
    dueAt: IsoDateTime,
    ...subjectIds,
  },
  refine: (detail, ctx) => {
    if (!Object.keys(subjectIds).some((key) => detail[key as keyof typeof subjectIds])) ctx.addIssue({ code: 'custom', path: [], message: 'a timer needs at least one subject id' });
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-08T23:59:59Z',
    timerId: 'acme-outdoor-deliver_by-5012345678901-2',
    kind: 'deliver_by',
    dueAt: '2024-05-08T23:59:59Z',
    orderId: '5012345678901',
    shipmentId: '4412345678901',
  },
});
