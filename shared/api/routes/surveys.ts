// Satisfaction surveys: the answer page and answer behind the signed link in the invite, and the
// responses for ops. Opening a link records nothing (mail scanners prefetch links); posting does.
import * as z from 'zod';
import { CustomerRef, EntityId, IsoDateTime } from '../../events/common.ts';
import { SurveyFlow } from '../../surveys/flow.ts';
import { followUpResolutions } from '../../surveys/follow-up-case.ts';
import { CustomerTierView, QueueSort } from '../schemas-queue.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';

const linkReason = 'The signed token in the survey link the customer received is the credential (one shop, one survey, 30 days); customers do not sign in to answer.';
const Score = z.int().min(1).max(5).describe('CSAT score: 1 (very unhappy) to 5 (very happy)');
const SurveyToken = z.string().min(20).max(2048).describe('The signed token of the survey link');

export const SurveyAnswerRequest = z
  .object({
    token: SurveyToken,
    score: Score,
    comment: z.string().max(2000).optional().describe('Optional free text'),
  })
  .meta({ id: 'SurveyAnswerRequest' });

export const SurveyAnswerResult = z
  .object({
    surveyId: EntityId,
    score: Score.describe('The recorded score: the first answer’s, whatever a later answer says'),
    outcome: z.enum(['answered', 'comment_added', 'already_answered']).describe('`answered`: this answer was recorded; `comment_added`: the survey was answered before and this added its comment; `already_answered`: nothing changed'),
  })
  .meta({ id: 'SurveyAnswerResult' });

export const SurveyResponse = z
  .object({
    surveyId: EntityId,
    flow: SurveyFlow,
    score: Score,
    comment: z.string().optional(),
    requestedAt: IsoDateTime,
    answeredAt: IsoDateTime,
    commentedAt: IsoDateTime.optional().describe('When a comment was added after the score'),
    customer: CustomerRef,
    orderId: EntityId.optional(),
    orderNumber: z.string().optional(),
    returnId: EntityId.optional(),
    caseId: EntityId.optional().describe('The resolved case, for the `case` flow'),
    delayId: EntityId.optional(),
    agentId: EntityId.optional().describe('The staff member who resolved it, when known'),
    followUpCaseId: EntityId.optional().describe('The case a low score (1 or 2) opened'),
  })
  .meta({ id: 'SurveyResponse', description: 'An answered satisfaction survey' });

export const getSurveyAnswerPage = defineRoute({
  method: 'get',
  path: '/surveys/answer',
  operationId: 'getSurveyAnswerPage',
  summary: 'Show the survey answer page',
  description: 'The page a rating link opens: the chosen score (or a choice of scores), a comment box and a button that posts the answer. Opening it records nothing, since mail scanners follow links.',
  tags: ['Surveys'],
  access: { kind: 'public', reason: linkReason },
  request: {
    query: z.object({
      token: SurveyToken,
      score: z.coerce.number().int().min(1).max(5).optional().describe('The score to preselect (1 to 5)'),
    }),
  },
  responses: {
    200: { description: 'The answer page', schema: z.string(), contentType: 'text/html' },
    401: { description: 'The link is not valid or has expired' },
    404: { description: 'The survey no longer exists' },
  },
});

export const answerSurvey = defineRoute({
  method: 'post',
  path: '/surveys/answer',
  operationId: 'answerSurvey',
  summary: 'Answer a satisfaction survey',
  description:
    'Records the score and optional comment. The first answer wins; a later one only adds a comment when there is none. A score of 1 or 2 opens a high-priority follow-up case and alerts the shop’s duty team. The answer page posts the same fields form-encoded (`application/x-www-form-urlencoded`) and then gets an HTML page back.',
  tags: ['Surveys'],
  access: { kind: 'public', reason: linkReason },
  request: { body: SurveyAnswerRequest },
  responses: {
    200: { description: 'What the answer did, and the recorded score', schema: SurveyAnswerResult },
    401: { description: 'The token is not valid or has expired' },
    404: { description: 'The survey no longer exists' },
  },
});

export const listSurveyResponses = defineRoute({
  method: 'get',
  path: '/ops/surveys',
  operationId: 'listSurveyResponses',
  summary: 'List survey responses',
  description: 'Answered satisfaction surveys of a shop, newest first, by flow, agent and score (`maxScore=2` lists the unhappy ones).',
  tags: ['Surveys'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      flow: SurveyFlow.optional(),
      maxScore: z.coerce.number().int().min(1).max(5).optional().describe('Only scores up to this'),
      agentId: EntityId.optional().describe('Only cases this staff member resolved'),
      customerId: EntityId.optional().describe('Only this customer’s answers'),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of responses (a page may hold fewer than `limit` once filtered)', schema: page(SurveyResponse, 'SurveyResponsePage') } },
});

// ---- Ops: follow-up cases (opened by a low score) ------------------------------------------------

const followUpParams = z.object({ caseId: EntityId.describe('Id of the follow-up case') });
export const FollowUpCaseStatus = z.enum(['open', 'resolved']);
export const FollowUpResolution = z.enum(followUpResolutions);

export const FollowUpCaseView = z
  .object({
    caseId: EntityId,
    shopId: z.string(),
    status: FollowUpCaseStatus,
    subject: z.string(),
    surveyId: EntityId,
    flow: SurveyFlow.describe('What the survey was about'),
    score: Score,
    comment: z.string().optional().describe('The customer’s comment with the score'),
    customer: CustomerRef,
    tier: CustomerTierView.nullable().describe('The customer’s VIP tier now; null when they hold none'),
    orderId: EntityId.optional(),
    orderNumber: z.string().optional(),
    returnId: EntityId.optional(),
    delayId: EntityId.optional(),
    surveyedCaseId: EntityId.optional().describe('The support case the survey was about'),
    openedAt: IsoDateTime,
    slaDueAt: IsoDateTime,
    slaBreached: z.boolean().describe('Still open past its SLA'),
    resolvedAt: IsoDateTime.optional(),
    resolution: FollowUpResolution.optional(),
    note: z.string().optional().describe('Why it was resolved so'),
    resolvedBy: z.string().optional().describe('Who resolved it (email, else id)'),
    history: z.array(z.object({ at: IsoDateTime, action: z.enum(['opened', 'resolved']), by: z.string().optional(), resolution: FollowUpResolution.optional(), note: z.string().optional() })).describe('The case’s timeline, oldest first'),
    version: z.int().positive().describe('Pass as `expectedVersion` to act only on what you saw'),
  })
  .meta({ id: 'FollowUpCase', description: 'A follow-up case a low survey score opened' });

export const listFollowUpCases = defineRoute({
  method: 'get',
  path: '/ops/follow-ups',
  operationId: 'listFollowUpCases',
  summary: 'List follow-up cases',
  description: 'The cases low survey scores (1 or 2) opened, of one status (open by default). Every case has the same SLA from its opening, so `sla` lists the oldest first. The customer filter applies to each page read, so a page may hold fewer than `limit`: follow `nextCursor`.',
  tags: ['Surveys'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      status: FollowUpCaseStatus.default('open'),
      customerId: EntityId.optional().describe('Only this customer’s cases'),
      sort: QueueSort.default('newest'),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of follow-up cases', schema: page(FollowUpCaseView, 'FollowUpCasePage') } },
});

export const getFollowUpCase = defineRoute({
  method: 'get',
  path: '/ops/follow-ups/{caseId}',
  operationId: 'getFollowUpCase',
  summary: 'Get a follow-up case',
  description: 'The case with its survey answer, timeline and SLA.',
  tags: ['Surveys'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: followUpParams, query: z.object({ shopId: shopQuery }) },
  responses: { 200: { description: 'The case', schema: FollowUpCaseView }, 404: { description: 'No follow-up case with this id in the shop' } },
});

export const resolveFollowUpCase = defineRoute({
  method: 'post',
  path: '/ops/follow-ups/{caseId}/resolve',
  operationId: 'resolveFollowUpCase',
  summary: 'Resolve a follow-up case',
  description: 'Closes an open case with its outcome and a reason, and publishes `CaseResolved` (the customer’s marketing is no longer held back by the open complaint). With `expectedVersion`, only if the case is still at that version.',
  tags: ['Surveys'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: followUpParams,
    query: z.object({ shopId: shopQuery }),
    body: z
      .object({
        resolution: FollowUpResolution,
        reason: z.string().trim().min(3).max(1000).describe('What was done, for the timeline and the audit trail'),
        expectedVersion: z.int().positive().optional(),
      })
      .meta({ id: 'ResolveFollowUpCaseRequest' }),
  },
  responses: {
    200: { description: 'The resolved case', schema: FollowUpCaseView },
    404: { description: 'No follow-up case with this id in the shop' },
    409: { description: 'Already resolved, or changed since `expectedVersion` (or at the same moment): reload it' },
  },
});
