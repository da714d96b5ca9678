// The survey answer page and route validation: the page only offers to post (opening it records
// nothing), and a score out of range is refused naming the field.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { answerSurvey, getSurveyAnswerPage } from '#shared/api/routes.ts';
import { ApiProblem, parseRequest } from '#shared/api/validate.ts';
import { answerPage, thanksPage } from '#shared/surveys/page.ts';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzIjoxfQ.c2lnbmF0dXJl';

describe('answerPage', () => {
  it('shows the chosen score checked, a comment box and a form that posts the answer, without script', () => {
    const page = answerPage({ locale: 'en', caseLabel: 'your return for order #1001', token, chosenScore: 2 });
    expect(page).toContain('How did we do with your return for order #1001?');
    expect(page).toMatch(/<form method="post" action="answer">/);
    expect(page).toContain(`<input type="hidden" name="token" value="${token}">`);
    expect(page).toMatch(/value="2" required checked> 2 – Unhappy/);
    expect(page.match(/ checked/g)).toHaveLength(1);
    expect(page).toContain('<textarea id="comment" name="comment"');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain("default-src 'none'");
  });

  it('escapes what it shows and speaks the customer’s language', () => {
    const page = answerPage({ locale: 'de', caseLabel: '<b>deine Rücksendung</b>', token });
    expect(page).toContain('&lt;b&gt;deine Rücksendung&lt;/b&gt;');
    expect(page).toContain('<html lang="de">');
    expect(page).not.toMatch(/ checked/);
  });

  it('once answered, shows the recorded score and offers only a comment when there is none', () => {
    const open = answerPage({ locale: 'en', caseLabel: 'x', token, chosenScore: 5, answered: { score: 2, hasComment: false } });
    expect(open).toContain('You rated us 2 out of 5.');
    expect(open).toContain('<input type="hidden" name="score" value="2">');
    expect(open).not.toContain('type="radio"');
    const done = answerPage({ locale: 'en', caseLabel: 'x', token, answered: { score: 2, hasComment: true } });
    expect(done).not.toContain('<form');
    expect(thanksPage('fr', 4)).toContain('Vous nous avez donné 4 sur 5.');
  });
});

const event = (input: Partial<APIGatewayProxyEventV2>) => ({ headers: {}, requestContext: { requestId: 'r' }, ...input }) as unknown as APIGatewayProxyEventV2;

function problemOf(run: () => unknown): ApiProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('no problem');
}

describe('survey routes', () => {
  it('refuse a score out of range, naming the field', () => {
    const post = problemOf(() => parseRequest(answerSurvey, event({ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, score: 6 }) })));
    expect(post.status).toBe(400);
    expect(post.errors?.map((error) => error.path)).toEqual(['body.score']);
    const get = problemOf(() => parseRequest(getSurveyAnswerPage, event({ queryStringParameters: { token, score: '0' } })));
    expect(get.errors?.map((error) => error.path)).toEqual(['query.score']);
  });

  it('let the comment link open the page without a score', () => {
    expect(parseRequest(getSurveyAnswerPage, event({ queryStringParameters: { token } })).query).toEqual({ token });
  });
});
