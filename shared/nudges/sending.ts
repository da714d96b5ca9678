// What becomes of a nudge when its timer fires, as plain data: the record's next version for a
// nudge sent, deferred (quiet hours: the same timer is set again at their end) or suppressed
// (with its reason), and whether a fired timer is still the nudge's own. The sender
// (functions/nudges/send.ts) writes these with their events.
import type { Channel } from '../events/common.ts';
import type { NudgeSuppressionReason } from '../events/nudges.ts';
import type { TimerSpec } from '../events/timers.ts';
import type { CustomerState } from './customer-state.ts';
import type { NudgeRecord } from './planner.ts';
import type { NudgeRequest } from './suppression.ts';

export type StaleWhy = 'unknown_nudge' | 'not_planned' | 'other_timer' | 'not_due_yet';

/** Why a fired replenishment timer is not acted on, if it is not: the nudge settled, or the timer moved. */
export function staleNudgeTimer(record: NudgeRecord | undefined, fired: { timerId: string }, now: Date): StaleWhy | undefined {
  if (!record) return 'unknown_nudge';
  if (record.status !== 'planned') return 'not_planned';
  if (record.timerId && record.timerId !== fired.timerId) return 'other_timer';
  // A deferred nudge's earlier firing, redelivered late: its current timer comes at dueAt.
  if (Date.parse(record.dueAt) > now.getTime()) return 'not_due_yet';
  return undefined;
}

/** The suppression rules' view of a nudge. */
export function nudgeRequestOf(record: NudgeRecord): NudgeRequest {
  return {
    kind: record.kind,
    ...(record.productId ? { productId: record.productId } : {}),
    ...(record.deliveredAt ? { deliveredAt: record.deliveredAt } : {}),
    ...(record.orderId ? { orderId: record.orderId } : {}),
  };
}

export function sentRecord(record: NudgeRecord, sent: { channel: Channel; now: Date; state: Pick<CustomerState, 'tier'>; discountCode?: string | undefined }): NudgeRecord {
  return {
    ...record,
    status: 'sent',
    sentAt: sent.now.toISOString(),
    channel: sent.channel,
    tierId: sent.state.tier?.id ?? null,
    ...(sent.discountCode ? { discountCode: sent.discountCode } : {}),
    version: record.version + 1,
  };
}

export function suppressedRecord(record: NudgeRecord, reason: NudgeSuppressionReason): NudgeRecord {
  return { ...record, status: 'suppressed', reason, version: record.version + 1 };
}

/** A replenishment held through quiet hours: due at their end, on the same timer. */
export function deferredRecord(record: NudgeRecord, until: string): { record: NudgeRecord; timer: TimerSpec } {
  const timerId = record.timerId!;
  return {
    record: { ...record, dueAt: until, version: record.version + 1 },
    timer: { timerId, kind: 'nudge', dueAt: until, customerId: record.customerId, nudgeId: record.nudgeId, ...(record.orderId ? { orderId: record.orderId } : {}) },
  };
}
