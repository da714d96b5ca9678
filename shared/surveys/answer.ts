// What an answer does to a survey. The first answer wins: it records the score and announces
// SurveyAnswered; a low score (1 or 2) also opens a high-priority follow-up case and alerts the
// shop's duty team. A later answer only adds a comment when there is none yet. Pure.
import { CaseOpened } from '../events/cases.ts';
import type { DetailInputOf, EventDefinition } from '../events/define.ts';
import { NotificationRequested } from '../events/notifications.ts';
import { SurveyAnswered } from '../events/surveys.ts';
import { resolveLocale } from '../notifications/templates/define.ts';
import type { ShopConfig } from '../shops/config.ts';
import { lowScoreThreshold } from './flow.ts';
import { openFollowUpCase, type FollowUpCase } from './follow-up-case.ts';
import { followUpCaseIdFor, relatedOf, type SurveyRecord } from './survey.ts';
import { lowScoreWording } from './wording.ts';

export interface SurveyAnswerInput {
  score: number;
  comment?: string;
}

/** An event to write to the outbox with the change; ids are derived so a retry cannot duplicate it. */
export interface PendingEvent {
  eventId: string;
  definition: EventDefinition;
  detail: unknown;
}

export type AnswerPlan =
  | { kind: 'answer'; answer: { score: number; comment?: string; answeredAt: string; followUpCaseId?: string }; events: PendingEvent[]; followUpCase?: FollowUpCase }
  | { kind: 'comment'; comment: string; commentedAt: string }
  | { kind: 'unchanged' };

export const isLowScore = (score: number) => score <= lowScoreThreshold;

export function planAnswer(survey: SurveyRecord, input: SurveyAnswerInput, shop: ShopConfig | undefined, now: Date): AnswerPlan {
  const at = now.toISOString();
  const comment = input.comment?.trim() || undefined;
  if (survey.status === 'answered') {
    return comment && !survey.comment ? { kind: 'comment', comment, commentedAt: at } : { kind: 'unchanged' };
  }
  const low = isLowScore(input.score);
  const followUpCaseId = low ? followUpCaseIdFor(survey.surveyId) : undefined;
  const base = { version: 1 as const, shopId: survey.shopId, occurredAt: at, ...(survey.correlationId ? { correlationId: survey.correlationId } : {}), customer: survey.customer };
  const answered: DetailInputOf<typeof SurveyAnswered> = {
    ...base,
    ...relatedOf(survey),
    surveyId: survey.surveyId,
    kind: 'csat',
    score: input.score,
    ...(comment ? { comment } : {}),
    followUpRequested: low,
  };
  const events: PendingEvent[] = [{ eventId: `${survey.surveyId}-answered`, definition: SurveyAnswered, detail: answered }];
  const answer = { score: input.score, ...(comment ? { comment } : {}), answeredAt: at, ...(followUpCaseId ? { followUpCaseId } : {}) };
  if (!followUpCaseId) return { kind: 'answer', answer, events };
  const followUpEvents = lowScoreEvents(survey, { score: input.score, comment, followUpCaseId }, shop, base);
  const { subject } = followUpEvents[0]!.detail as DetailInputOf<typeof CaseOpened>;
  // The case the ops queue lists is written with the answer, so it exists exactly when CaseOpened does.
  const followUpCase = openFollowUpCase(survey, { score: input.score, comment, followUpCaseId, subject }, now);
  return { kind: 'answer', answer, events: [...events, ...followUpEvents], followUpCase };
}

/** The follow-up case, and the alert to the duty team when the shop names one (`notifications.opsEmail`). */
function lowScoreEvents(
  survey: SurveyRecord,
  answer: { score: number; comment?: string; followUpCaseId: string },
  shop: ShopConfig | undefined,
  base: { version: 1; shopId: string; occurredAt: string; correlationId?: string; customer: SurveyRecord['customer'] },
): PendingEvent[] {
  const shopLocale = shop?.defaultLocale ?? 'en';
  const wording = lowScoreWording(resolveLocale(undefined, shopLocale), { ...survey, ...answer });
  const related = { ...relatedOf(survey), caseId: answer.followUpCaseId, surveyId: survey.surveyId };
  const opened: DetailInputOf<typeof CaseOpened> = {
    ...base,
    ...related,
    topic: 'complaint',
    priority: 'high',
    subject: wording.subject,
    channel: 'survey',
    openedBy: { kind: 'system' },
  };
  const events: PendingEvent[] = [{ eventId: `${survey.surveyId}-follow-up`, definition: CaseOpened, detail: opened }];
  const opsEmail = shop?.notifications?.opsEmail;
  if (!opsEmail) return events;
  const alert: DetailInputOf<typeof NotificationRequested> = {
    ...base,
    ...related,
    notificationId: `ntf_${survey.surveyId}_alert`,
    messageType: 'ops_alert',
    category: 'transactional',
    deduplicationKey: `ops_alert:low_score:${survey.surveyId}`,
    recipient: { email: opsEmail },
    channelPreference: ['email'],
    // The duty team reads the shop's language; `customer` says who the alert is about.
    locale: shopLocale,
    templateData: { title: wording.title, summary: wording.summary, severity: 'warning', facts: wording.facts },
  };
  events.push({ eventId: `${survey.surveyId}-ops-alert`, definition: NotificationRequested, detail: alert });
  return events;
}
