// Satisfaction surveys after a resolved return, case or delay: which resolutions get one, the
// survey's deterministic id (a redelivered event finds the survey it already created), its signed
// link tokens, and the invite. Pure: no AWS, clock and keys passed in.
import { createHash } from 'node:crypto';
import type { CustomerRef } from '../events/common.ts';
import type { CaseResolved } from '../events/cases.ts';
import type { DelayResolved } from '../events/delays.ts';
import type { DetailInputOf, DetailOf } from '../events/define.ts';
import type { NotificationRequested } from '../events/notifications.ts';
import type { ReturnResolved } from '../events/returns.ts';
import type { SurveyRequested } from '../events/surveys.ts';
import { signCompactToken, verifyCompactToken, type TokenCheck } from '../security/signed-token.ts';
import { resolveLocale, type TemplateLocale } from '../notifications/templates/define.ts';
import type { ShopConfig } from '../shops/config.ts';
import { csatScores, type SurveyFlow } from './flow.ts';
import { caseLabel } from './wording.ts';

export const surveyAudience = 'aftersales-survey';
export const surveyLinkLifetimeSeconds = 30 * 86_400;

/** A resolution event as the request function receives it. */
export type Resolution =
  | { detailType: 'ReturnResolved'; detail: DetailOf<typeof ReturnResolved> }
  | { detailType: 'CaseResolved'; detail: DetailOf<typeof CaseResolved> }
  | { detailType: 'DelayResolved'; detail: DetailOf<typeof DelayResolved> };

/** What a survey is about, taken from the resolution. */
export interface SurveySubject {
  shopId: string;
  surveyId: string;
  flow: SurveyFlow;
  trigger: 'return_resolved' | 'case_resolved' | 'delay_resolved';
  /** The return, case or delay id. */
  subjectId: string;
  orderId?: string;
  returnId?: string;
  caseId?: string;
  delayId?: string;
  shipmentId?: string;
  /** The staff member who resolved it, when the event names one. */
  agentId?: string;
  customer: CustomerRef;
  correlationId?: string;
}

/** A survey as stored: the subject, the invite, and the answer once there is one. */
export interface SurveyRecord extends SurveySubject {
  kind: 'csat';
  locale: TemplateLocale;
  caseLabel: string;
  orderNumber?: string;
  requestedAt: string;
  linkExpiresAt: string;
  status: 'requested' | 'answered';
  score?: number;
  comment?: string;
  answeredAt?: string;
  commentedAt?: string;
  followUpCaseId?: string;
}

/** One id per resolved thing of a shop, so every redelivery of its event names the same survey. */
export function surveyIdFor(shopId: string, flow: SurveyFlow, subjectId: string): string {
  return `srv_${createHash('sha256').update(`${shopId}\n${flow}\n${subjectId}`).digest('hex').slice(0, 24)}`;
}

/** The follow-up case a low score opens: derived, so a retried answer cannot open two. */
export const followUpCaseIdFor = (surveyId: string) => `case_${surveyId}`;
export const isFollowUpCaseId = (caseId: string) => caseId.startsWith('case_srv_');

const staffId = (actor: { kind: string; id?: string | undefined }) => (actor.kind === 'staff' && actor.id ? actor.id : undefined);

/**
 * The survey a resolution asks for, or why none: a case closed as a duplicate (the original gets
 * the survey), the follow-up case of a low score, a dismissed delay (the customer may never have noticed it), a customer we cannot reach.
 */
export function surveySubjectFor(resolution: Resolution): { ok: true; subject: SurveySubject } | { ok: false; reason: string } {
  const { shopId, customer, correlationId } = resolution.detail;
  if (!customer.email && !customer.phone) return { ok: false, reason: 'no_contact' };
  const common = { shopId, customer, ...(correlationId ? { correlationId } : {}) };
  const make = (flow: SurveyFlow, subjectId: string, fields: Partial<SurveySubject>): SurveySubject => {
    const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    return { ...common, ...defined, flow, subjectId, surveyId: surveyIdFor(shopId, flow, subjectId), trigger: `${flow}_resolved` };
  };
  switch (resolution.detailType) {
    case 'ReturnResolved': {
      const d = resolution.detail;
      return { ok: true, subject: make('return', d.returnId, { returnId: d.returnId, orderId: d.orderId, agentId: staffId(d.resolvedBy) }) };
    }
    case 'CaseResolved': {
      const d = resolution.detail;
      if (d.resolution === 'duplicate') return { ok: false, reason: 'duplicate_case' };
      // A follow-up of a low score closes the loop with a person; surveying it again could loop.
      if (isFollowUpCaseId(d.caseId)) return { ok: false, reason: 'survey_follow_up' };
      return { ok: true, subject: make('case', d.caseId, { caseId: d.caseId, orderId: d.orderId, returnId: d.returnId, shipmentId: d.shipmentId, agentId: staffId(d.resolvedBy) }) };
    }
    case 'DelayResolved': {
      const d = resolution.detail;
      if (d.resolution === 'dismissed') return { ok: false, reason: 'dismissed_delay' };
      return { ok: true, subject: make('delay', d.delayId, { delayId: d.delayId, orderId: d.orderId, shipmentId: d.shipmentId }) };
    }
  }
}

export interface SurveyClaims {
  shopId: string;
  surveyId: string;
}

// Short claim names keep the links short enough for an SMS.
const isCompactClaims = (value: unknown): value is { s: string; v: string } => {
  const claims = value as Partial<{ s: string; v: string }>;
  return typeof claims.s === 'string' && claims.s !== '' && typeof claims.v === 'string' && claims.v !== '';
};

export function signSurveyToken(claims: SurveyClaims, secret: string, now: Date) {
  const token = signCompactToken({ s: claims.shopId, v: claims.surveyId }, { audience: surveyAudience, lifetimeSeconds: surveyLinkLifetimeSeconds, secret, now });
  return { token, claims };
}

export function verifySurveyToken(token: string, secret: string, now: Date): TokenCheck<SurveyClaims> {
  const check = verifyCompactToken(token, { audience: surveyAudience, secret, now, isClaims: isCompactClaims });
  return check.ok ? { ok: true, claims: { shopId: check.claims.s, surveyId: check.claims.v } } : check;
}

/** `<base>/surveys/answer?token=...[&score=N]`: the answer page, with the score preselected. */
export function answerUrl(publicBaseUrl: string, token: string, score?: number): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/surveys/answer?token=${encodeURIComponent(token)}${score === undefined ? '' : `&score=${score}`}`;
}

/** Ids shared by every event about the survey. */
export function relatedOf(survey: SurveySubject) {
  const { orderId, returnId, caseId, shipmentId } = survey;
  return Object.fromEntries(Object.entries({ orderId, returnId, caseId, shipmentId }).filter(([, value]) => value !== undefined)) as { orderId?: string; returnId?: string; caseId?: string; shipmentId?: string };
}

export interface SurveyInvite {
  survey: SurveyRecord;
  requested: DetailInputOf<typeof SurveyRequested>;
  notification: DetailInputOf<typeof NotificationRequested>;
}

/**
 * The survey to store and what announces it: SurveyRequested, and the survey_invite message with
 * five one-click rating links (each opens the answer page; nothing is recorded until it is confirmed).
 */
export function surveyInvite(subject: SurveySubject, input: { shop: ShopConfig | undefined; orderNumber?: string; publicBaseUrl: string; secret: string; now: Date }): SurveyInvite {
  const { now } = input;
  const locale = resolveLocale(subject.customer.locale, input.shop?.defaultLocale);
  const { token } = signSurveyToken({ shopId: subject.shopId, surveyId: subject.surveyId }, input.secret, now);
  const linkExpiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + surveyLinkLifetimeSeconds * 1000).toISOString();
  const label = caseLabel(locale, subject.flow, input.orderNumber);
  const survey: SurveyRecord = {
    ...subject,
    kind: 'csat',
    locale,
    caseLabel: label,
    ...(input.orderNumber ? { orderNumber: input.orderNumber } : {}),
    requestedAt: now.toISOString(),
    linkExpiresAt,
    status: 'requested',
  };
  const base = { version: 1 as const, shopId: subject.shopId, occurredAt: now.toISOString(), ...(subject.correlationId ? { correlationId: subject.correlationId } : {}), ...relatedOf(subject), surveyId: subject.surveyId, customer: subject.customer };
  const channelPreference: Array<'email' | 'sms'> = ['email', 'sms'];
  const { email, phone } = subject.customer;
  return {
    survey,
    requested: { ...base, kind: 'csat', trigger: subject.trigger, channelPreference, expiresAt: linkExpiresAt },
    notification: {
      ...base,
      notificationId: `ntf_${subject.surveyId}_invite`,
      messageType: 'survey_invite',
      category: 'transactional',
      deduplicationKey: `survey_invite:${subject.surveyId}`,
      recipient: { ...(email ? { email } : {}), ...(phone ? { phone } : {}) },
      channelPreference,
      locale: subject.customer.locale,
      templateData: {
        ...(subject.customer.firstName ? { firstName: subject.customer.firstName } : {}),
        caseLabel: label,
        ratingUrls: csatScores.map((score) => answerUrl(input.publicBaseUrl, token, score)),
        commentUrl: answerUrl(input.publicBaseUrl, token),
      },
    },
  };
}
