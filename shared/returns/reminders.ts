// The clocks of a return case: the reminder ladder and expiry after approval (EventBridge
// Scheduler one-time timers), and the handling SLA. Pure: the ids are deterministic so setting a
// timer twice (a retried handler) names the same schedule, and a fired timer is matched against
// the case's current ids to tell a live timer from a superseded one.
import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { CaseTimer, ReturnCase, ReturnStatus } from './case.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

export const ReminderConfig = z
  .object({
    reminderDays: z.array(z.int().positive()).max(10).default([3, 7]).describe('Days after approval when the customer is reminded'),
    expiryDays: z.int().positive().max(365).default(14).describe('Days after approval when an unshipped return expires'),
  })
  .refine((c) => c.reminderDays.every((day, i) => day < c.expiryDays && (i === 0 || day > c.reminderDays[i - 1]!)), {
    message: 'reminder days must be increasing and before the expiry day',
    path: ['reminderDays'],
  });
export type ReminderConfig = z.output<typeof ReminderConfig>;
export const defaultReminderConfig: ReminderConfig = ReminderConfig.parse({});

/** Valid EventBridge Scheduler schedule name. */
export const scheduleNamePattern = /^[0-9a-zA-Z._-]{1,64}$/;

/**
 * `ret-<shop>-<case>-<suffix>`; when the ids contain other characters or the name would be too
 * long, a short hash of shop and case stands in for them (still deterministic, still unique).
 * `generation` (the case version at approval) keeps a re-approval's timers apart from older ones.
 */
export function timerId(shopId: string, caseId: string, suffix: string, generation: number): string {
  const tail = `${suffix}-g${generation}`;
  const plain = `ret-${shopId}-${caseId}-${tail}`;
  if (scheduleNamePattern.test(plain)) return plain;
  const digest = createHash('sha256').update(`${shopId}\u0000${caseId}`).digest('hex').slice(0, 24);
  return `ret-${digest}-${tail}`;
}

/**
 * The timers of an approval at `approvedAt`: a reminder per configured day, then expiry on the
 * ship-by date. An explicit `shipBy` (staff gave a custom deadline) replaces the expiry day, and
 * reminders falling on or after it are dropped.
 */
export function returnTimers(
  subject: { shopId: string; caseId: string; generation: number },
  approvedAt: Date,
  config: ReminderConfig = defaultReminderConfig,
  shipBy?: string,
): { shipBy: string; timers: CaseTimer[] } {
  const { reminderDays, expiryDays } = ReminderConfig.parse(config);
  const deadline = shipBy ? new Date(shipBy) : new Date(approvedAt.getTime() + expiryDays * DAY_MS);
  const id = (suffix: string) => timerId(subject.shopId, subject.caseId, suffix, subject.generation);
  const reminders: CaseTimer[] = reminderDays
    .map((day) => new Date(approvedAt.getTime() + day * DAY_MS))
    .filter((dueAt) => dueAt < deadline)
    .map((dueAt, index) => ({ timerId: id(`reminder${index + 1}`), kind: 'return_reminder', dueAt: dueAt.toISOString(), step: index + 1 }));
  const expiry: CaseTimer = { timerId: id('expiry'), kind: 'return_expiry', dueAt: deadline.toISOString() };
  return { shipBy: deadline.toISOString(), timers: [...reminders, expiry] };
}

/** Default handling SLA: hours from creation, calendar hours (business hours are not modelled). */
export const defaultSlaHours = 24;

export function slaDueAt(createdAt: Date, slaHours: number = defaultSlaHours): string {
  if (!(slaHours > 0)) throw new Error(`SLA hours must be positive, got ${slaHours}`);
  return new Date(createdAt.getTime() + slaHours * HOUR_MS).toISOString();
}

/**
 * Statuses where the shop owes the next step. While the case waits on the customer (approved,
 * awaiting shipment) or the carrier (in transit) the SLA clock is not the shop's, and final or
 * rejected cases have nothing left to do.
 */
export const slaStatuses: readonly ReturnStatus[] = ['requested', 'received', 'inspected'];

export function isPastSla(returnCase: Pick<ReturnCase, 'status' | 'deadlines'>, now: Date): boolean {
  return slaStatuses.includes(returnCase.status) && now.getTime() > Date.parse(returnCase.deadlines.slaDueAt);
}
