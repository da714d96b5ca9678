// Timers: what EventBridge Scheduler puts on the bus when a one-time schedule fires. The
// schedule's target is the bus with source `aftersales.timers`, detail-type `TimerFired` and
// this detail as its static input, so the whole detail is known when the timer is set:
// `occurredAt` is the fire time (set it to `dueAt`, or to `<aws.scheduler.scheduled-time>`).
// A consumer checks that `timerId` is still the current one for its subject before acting, so
// a superseded timer (e.g. a deliver_by moved by a new carrier estimate) is ignored.
import * as z from 'zod';
import { EntityId, IsoDateTime, relatedIds } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const TimerKind = z.enum(['ship_by', 'deliver_by', 'tracking_stalled', 'return_reminder', 'return_expiry', 'nudge', 'winback', 'survey', 'claim_offer']);
export type TimerKind = z.infer<typeof TimerKind>;

/** What the timer is about; at least one is set. They put the event on those entities' timelines. */
const subjectIds = { customerId: EntityId.optional(), ...relatedIds, delayId: EntityId.optional() };

const TimerName = z
  .string()
  .regex(/^[0-9a-zA-Z._-]{1,64}$/, 'must be a valid EventBridge Scheduler schedule name')
  .describe('Schedule name; unique per subject and kind');

export const TimerFired = defineEvent({
  source: eventSource.timers,
  detailType: 'TimerFired',
  version: 1,
  description: 'A one-time schedule fired (EventBridge Scheduler). Carries the timer kind, its subject ids and when it was due.',
  detail: {
    timerId: TimerName,
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

/** One timer to set: the TimerFired detail it will put on the bus, less the base fields. */
export const TimerSpec = z.object({ timerId: TimerName, kind: TimerKind, dueAt: IsoDateTime, ...subjectIds });
export type TimerSpec = z.infer<typeof TimerSpec>;

/**
 * A capability's request to set and cancel timers, written to the outbox in the same transaction
 * as the state that needs them, so a timer is never lost to a crash between the two. The timer
 * keeper creates and deletes the schedules; both are idempotent (a schedule set twice or deleted
 * when already gone is fine), and consumers of TimerFired ignore timers their state no longer names.
 */
export const TimersRequested = defineEvent({
  source: eventSource.timers,
  detailType: 'TimersRequested',
  version: 1,
  description: 'Timers to set and cancel for one subject (a return case, an order). The timer keeper applies them to EventBridge Scheduler.',
  detail: {
    set: z.array(TimerSpec).max(20),
    cancel: z.array(TimerName).max(20),
  },
  refine: (detail, ctx) => {
    if (detail.set.length + detail.cancel.length === 0) ctx.addIssue({ code: 'custom', path: ['set'], message: 'nothing to set or cancel' });
    detail.set.forEach((timer, index) => {
      if (!Object.keys(subjectIds).some((key) => timer[key as keyof typeof subjectIds])) ctx.addIssue({ code: 'custom', path: ['set', index], message: 'a timer needs at least one subject id' });
    });
  },
  example: {
    version: 1,
    shopId: 'acme-outdoor',
    occurredAt: '2024-05-01T10:00:00Z',
    set: [{ timerId: 'ret-acme-outdoor-ret_1-reminder1-g1', kind: 'return_reminder', dueAt: '2024-05-04T10:00:00Z', returnId: 'ret_1', orderId: '5012345678901' }],
    cancel: [],
  },
});
