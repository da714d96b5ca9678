// Satisfaction surveys sent after deliveries, returns, cases and delays.
import * as z from 'zod';
import { Channel, CustomerRef, EntityId, IsoDateTime, relatedIds } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const SurveyKind = z.enum(['csat', 'nps', 'ces']);
export type SurveyKind = z.infer<typeof SurveyKind>;

/** Score scales: CSAT 1-5, NPS 0-10, CES 1-7. */
export const surveyScale: Record<SurveyKind, { min: number; max: number }> = {
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
  ces: { min: 1, max: 7 },
};

const surveyRef = { ...relatedIds, surveyId: EntityId, customer: CustomerRef, kind: SurveyKind };

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  surveyId: 'srv_01HXF1',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
  kind: 'csat' as const,
  orderId: '5012345678901',
  returnId: 'ret_01HX7Z3K4M',
};

export const SurveyRequested = defineEvent({
  source: eventSource.surveys,
  detailType: 'SurveyRequested',
  version: 1,
  description: 'A satisfaction survey should be sent to the customer.',
  detail: {
    ...surveyRef,
    trigger: z.enum(['order_delivered', 'return_resolved', 'case_resolved', 'delay_resolved', 'refund_issued']),
    channelPreference: z.array(Channel).min(1).max(2),
    expiresAt: IsoDateTime.optional(),
  },
  example: { ...ex, occurredAt: '2024-05-16T12:00:00Z', trigger: 'return_resolved', channelPreference: ['email'], expiresAt: '2024-05-30T12:00:00Z' },
});

export const SurveyAnswered = defineEvent({
  source: eventSource.surveys,
  detailType: 'SurveyAnswered',
  version: 1,
  description: 'The customer answered a survey. Low scores may open a case.',
  detail: {
    ...surveyRef,
    score: z.int().describe('CSAT 1-5, NPS 0-10, CES 1-7'),
    comment: z.string().max(2000).optional(),
    followUpRequested: z.boolean().optional(),
  },
  refine: (detail, ctx) => {
    const { min, max } = surveyScale[detail.kind];
    if (detail.score < min || detail.score > max) ctx.addIssue({ code: 'custom', path: ['score'], message: `${detail.kind} scores go from ${min} to ${max}` });
  },
  example: { ...ex, occurredAt: '2024-05-16T18:30:00Z', score: 5, comment: 'The exchange was painless.' },
});
