// The follow-up case a low survey score opens: what the ops queue lists, its SLA, its timeline and
// how ops resolve it. Resolving publishes CaseResolved, which the nudge planner's customer facts
// read so the customer's marketing stops being held back by the open complaint. Pure.
import type { CaseResolved } from '../events/cases.ts';
import type { CustomerRef } from '../events/common.ts';
import type { DetailInputOf } from '../events/define.ts';
import type { SurveyFlow } from './flow.ts';
import type { SurveyRecord } from './survey.ts';

/** A follow-up is high priority: the customer told us they are unhappy. */
export const followUpSlaHours = 24;

export const followUpResolutions = ['refunded', 'replaced', 'store_credit', 'explained', 'no_action', 'duplicate', 'other'] as const;
export type FollowUpResolution = (typeof followUpResolutions)[number];

export interface FollowUpHistoryEntry {
  at: string;
  action: 'opened' | 'resolved';
  /** Staff email or id; absent for the system. */
  by?: string;
  resolution?: FollowUpResolution;
  note?: string;
}

export interface FollowUpCase {
  shopId: string;
  caseId: string;
  surveyId: string;
  flow: SurveyFlow;
  score: number;
  comment?: string;
  subject: string;
  customer: CustomerRef;
  orderId?: string;
  orderNumber?: string;
  returnId?: string;
  delayId?: string;
  /** The resolved support case the survey was about, for the `case` flow. */
  surveyedCaseId?: string;
  status: 'open' | 'resolved';
  openedAt: string;
  slaDueAt: string;
  resolvedAt?: string;
  resolution?: FollowUpResolution;
  note?: string;
  resolvedBy?: { sub: string; email?: string };
  history: FollowUpHistoryEntry[];
  version: number;
}

const defined = <T extends object>(fields: T) => Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;

/** The case a low score opens, written with the answer. */
export function openFollowUpCase(survey: SurveyRecord, answer: { score: number; comment?: string; followUpCaseId: string; subject: string }, now: Date): FollowUpCase {
  const openedAt = now.toISOString();
  return defined({
    shopId: survey.shopId,
    caseId: answer.followUpCaseId,
    surveyId: survey.surveyId,
    flow: survey.flow,
    score: answer.score,
    comment: answer.comment,
    subject: answer.subject,
    customer: survey.customer,
    orderId: survey.orderId,
    orderNumber: survey.orderNumber,
    returnId: survey.returnId,
    delayId: survey.delayId,
    surveyedCaseId: survey.caseId,
    status: 'open' as const,
    openedAt,
    slaDueAt: new Date(now.getTime() + followUpSlaHours * 3_600_000).toISOString(),
    history: [{ at: openedAt, action: 'opened' as const }],
    version: 1,
  });
}

export const isSlaBreached = (followUp: FollowUpCase, now: Date) => followUp.status === 'open' && followUp.slaDueAt < now.toISOString();

export type ResolvePlan =
  | { ok: true; next: FollowUpCase; resolved: DetailInputOf<typeof CaseResolved> }
  | { ok: false; status: 409; detail: string };

/** Closes an open case with its outcome; a resolved case stays as it is (409), as does one changed since `expectedVersion`. */
export function resolveFollowUpCase(
  current: FollowUpCase,
  input: { resolution: FollowUpResolution; note: string; expectedVersion?: number },
  by: { sub: string; email?: string },
  now: Date,
): ResolvePlan {
  if (current.status !== 'open') return { ok: false, status: 409, detail: `Case ${current.caseId} is already resolved` };
  if (input.expectedVersion !== undefined && input.expectedVersion !== current.version) {
    return { ok: false, status: 409, detail: `Case ${current.caseId} changed (version ${current.version}, expected ${input.expectedVersion}): reload it` };
  }
  const at = now.toISOString();
  const next: FollowUpCase = {
    ...current,
    status: 'resolved',
    resolvedAt: at,
    resolution: input.resolution,
    note: input.note,
    resolvedBy: defined({ sub: by.sub, email: by.email }),
    history: [...current.history, { at, action: 'resolved', by: by.email ?? by.sub, resolution: input.resolution, note: input.note }],
    version: current.version + 1,
  };
  const resolved: DetailInputOf<typeof CaseResolved> = defined({
    version: 1 as const,
    shopId: current.shopId,
    occurredAt: at,
    caseId: current.caseId,
    customer: current.customer,
    orderId: current.orderId,
    returnId: current.returnId,
    resolution: input.resolution,
    durationMinutes: Math.max(0, Math.floor((now.getTime() - new Date(current.openedAt).getTime()) / 60_000)),
    note: input.note,
    resolvedBy: { kind: 'staff' as const, id: by.sub },
  });
  return { ok: true, next, resolved };
}
