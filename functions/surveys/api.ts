// The survey routes: the answer page and the answer behind the signed link in the invite (no
// gateway authorizer: the token is the credential, checked here), and the responses for ops
// and the follow-up cases low scores open (behind the ops JWT authorizer, role checked again by the router).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { signingKey } from '#shared/adapters/signing-key.ts';
import { dynamoDocumentClient, requiredEnv } from '#shared/adapters/dynamodb.ts';
import { SurveyStore } from '#shared/adapters/survey-store.ts';
import type { Route } from '#shared/api/define.ts';
import { answerSurvey, getSurveyAnswerPage, listSurveyResponses } from '#shared/api/routes/surveys.ts';
import { Answer, checkShop, createRouter, notFound, type Operation } from '#shared/api/router.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { logger } from '#shared/observability.ts';
import { loadShopIndex } from '#shared/shops/directory.ts';
import { planAnswer, type SurveyAnswerInput } from '#shared/surveys/answer.ts';
import { answerPage, thanksPage } from '#shared/surveys/page.ts';
import { verifySurveyToken, type SurveyRecord } from '#shared/surveys/survey.ts';
import { followUpOperations } from './follow-ups.ts';

const store = new SurveyStore(dynamoDocumentClient(), requiredEnv('STATE_TABLE_NAME'));
const shopsSecret = requiredEnv('SHOPS_SECRET_ARN');
const linkSecretArn = requiredEnv('SURVEY_LINK_SECRET_ARN');

/** The survey a link's token names; 401 for a token we did not sign or that expired. */
async function surveyOf(token: string): Promise<SurveyRecord> {
  const check = verifySurveyToken(token, await signingKey(linkSecretArn), new Date());
  if (!check.ok) throw new ApiProblem(401, check.reason === 'expired' ? 'This survey link has expired' : 'This survey link is not valid');
  const survey = await store.get(check.claims.shopId, check.claims.surveyId);
  if (!survey) throw notFound(`Survey ${check.claims.surveyId}`);
  return survey;
}

const html = (page: string) => new Answer(200, page, 'text/html; charset=utf-8');

const contentTypeOf = (event: APIGatewayProxyEventV2) => Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? '';

/** The answer page posts its form without script: read those fields as the JSON body they stand for. */
function formAsJson(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
  const form = new URLSearchParams(Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8').toString('utf8'));
  const body: Record<string, unknown> = {};
  for (const field of ['token', 'score', 'comment']) {
    const value = form.get(field);
    if (value !== null) body[field] = field === 'score' && /^\d{1,3}$/.test(value) ? Number(value) : value;
  }
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-type'));
  return { ...event, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body), isBase64Encoded: false };
}

type Outcome = { surveyId: string; score: number; outcome: 'answered' | 'comment_added' | 'already_answered' };

/** Applies an answer; when another answer wins the race, this one is treated as a later answer. */
async function record(survey: SurveyRecord, input: SurveyAnswerInput, now: Date, retried = false): Promise<Outcome> {
  const shop = survey.status === 'requested' ? (await loadShopIndex(shopsSecret)).byId(survey.shopId) : undefined;
  const plan = planAnswer(survey, input, shop, now);
  const { surveyId, shopId } = survey;
  if (plan.kind === 'answer') {
    if (await store.answer(survey, plan.answer, plan.events, now, plan.followUpCase)) {
      logger.info('Survey answered', { shopId, surveyId, flow: survey.flow, score: input.score, followUpCaseId: plan.answer.followUpCaseId });
      return { surveyId, score: input.score, outcome: 'answered' };
    }
    const current = await store.get(shopId, surveyId);
    if (!current || retried) throw new Error(`Survey ${surveyId} changed while answering it`);
    return record(current, input, now, true);
  }
  if (plan.kind === 'comment' && (await store.addComment(shopId, surveyId, plan.comment, plan.commentedAt))) return { surveyId, score: survey.score!, outcome: 'comment_added' };
  return { surveyId, score: survey.score!, outcome: 'already_answered' };
}

const operations: Array<[Route, Operation]> = [
  [getSurveyAnswerPage, async (event) => {
    // Reads only: mail scanners open every link.
    const { query } = parseRequest(getSurveyAnswerPage, event);
    const survey = await surveyOf(query.token);
    const answered = survey.status === 'answered' ? { score: survey.score!, hasComment: Boolean(survey.comment) } : undefined;
    return html(answerPage({ locale: survey.locale, caseLabel: survey.caseLabel, token: query.token, chosenScore: query.score, answered }));
  }],
  [answerSurvey, async (event) => {
    const fromPage = /^application\/x-www-form-urlencoded\b/i.test(contentTypeOf(event));
    const { body } = parseRequest(answerSurvey, fromPage ? formAsJson(event) : event);
    const survey = await surveyOf(body.token);
    const outcome = await record(survey, { score: body.score, comment: body.comment }, new Date());
    return fromPage ? html(thanksPage(survey.locale, outcome.score)) : outcome;
  }],
  [listSurveyResponses, async (event, caller) => {
    const { query } = parseRequest(listSurveyResponses, event);
    checkShop(caller, query.shopId);
    const page = await store.listAnswered(query.shopId, { flow: query.flow, maxScore: query.maxScore, agentId: query.agentId, customerId: query.customerId, limit: query.limit, cursor: query.cursor });
    const items = page.items.map((survey) => {
      const { surveyId, flow, score, comment, requestedAt, answeredAt, commentedAt, customer, orderId, orderNumber, returnId, caseId, delayId, agentId, followUpCaseId } = survey;
      return { surveyId, flow, score, comment, requestedAt, answeredAt, commentedAt, customer, orderId, orderNumber, returnId, caseId, delayId, agentId, followUpCaseId };
    });
    return { items, nextCursor: page.nextCursor };
  }],
  ...followUpOperations,
];

export const handler = middy(createRouter(operations)).use(injectLambdaContext(logger));
