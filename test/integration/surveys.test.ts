// Satisfaction surveys through the local stack: a resolved return gets a survey invite by email;
// opening a rating link records nothing; posting the answer does, once; a 2 opens a follow-up case
// and alerts the shop's duty team; an agent resolves the case from the ops queue (CaseResolved).
import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../shared/api/client.ts';
import { ReturnResolved } from '../../shared/events/returns.ts';
import { api, clients, endpoints, opsToken, resourceName, settle } from './support.ts';

const busName = resourceName('BackboneBus');
const shopId = 'demo-shopify';

async function resolveReturn(detail: Record<string, unknown>) {
  ReturnResolved.detail.parse(detail);
  const result = await clients.events.send(new PutEventsCommand({ Entries: [{ EventBusName: busName, Source: ReturnResolved.source, DetailType: ReturnResolved.detailType, Detail: JSON.stringify(detail) }] }));
  expect(result.FailedEntryCount).toBe(0);
}

async function events(detailType: string, match: (detail: any) => boolean): Promise<any[]> {
  const { body } = await api(`/_local/events?detailType=${detailType}`);
  return body.events.filter((event: any) => match(event.detail)).map((event: any) => event.detail);
}

async function emailsTo(address: string, containing: string): Promise<any[]> {
  const { emails } = (await (await fetch(`${endpoints.sesv2}/store`)).json()) as { emails: any[] };
  return emails.filter((email) => email.destination.to.includes(address) && `${email.subject}\n${email.body.text}`.includes(containing));
}

const answer = (json: unknown) => api('/surveys/answer', { method: 'POST', json });

describe('satisfaction surveys', () => {
  it('invites the customer after a resolved return; a 2 opens a follow-up case and alerts the duty team', async () => {
    const returnId = `ret-${randomUUID()}`;
    const email = `srv-${randomUUID().slice(0, 8)}@example.com`;
    const detail = {
      ...ReturnResolved.example,
      shopId,
      returnId,
      orderId: `ord-${randomUUID()}`,
      exchangeOrderId: `ord-${randomUUID()}`,
      customer: { ...ReturnResolved.example.customer, id: `c-${randomUUID()}`, email },
      occurredAt: new Date().toISOString(),
      resolvedBy: { kind: 'staff', id: 'staff-9' },
    };
    await resolveReturn(detail);
    await settle();
    // A redelivery of the same event asks for nothing new.
    await resolveReturn(detail);
    await settle();

    const requested = await events('SurveyRequested', (d) => d.returnId === returnId);
    expect(requested).toHaveLength(1);
    const { surveyId } = requested[0];
    expect(requested[0]).toMatchObject({ shopId, kind: 'csat', trigger: 'return_resolved' });
    const invites = await events('NotificationRequested', (d) => d.messageType === 'survey_invite' && d.surveyId === surveyId);
    expect(invites).toHaveLength(1);
    expect(invites[0]).toMatchObject({ deduplicationKey: `survey_invite:${surveyId}`, category: 'transactional', channelPreference: ['email', 'sms'] });
    const sent = await emailsTo(email, 'your return');
    expect(sent).toHaveLength(1);
    expect(sent[0].body.html).toContain('score=2');

    const ratingUrl: string = invites[0].templateData.ratingUrls[1];
    expect(ratingUrl.startsWith(`${endpoints.api}/surveys/answer?token=`)).toBe(true);
    const token = new URL(ratingUrl).searchParams.get('token')!;

    // Opening the link (as a mail scanner would) shows the page and records nothing.
    const page = await fetch(ratingUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/value="2" required checked/);
    await settle();
    expect(await events('SurveyAnswered', (d) => d.surveyId === surveyId)).toEqual([]);

    const first = await answer({ token, score: 2 });
    expect(first).toMatchObject({ status: 200, body: { surveyId, score: 2, outcome: 'answered' } });
    await settle();
    expect(await events('SurveyAnswered', (d) => d.surveyId === surveyId)).toEqual([expect.objectContaining({ score: 2, followUpRequested: true, returnId })]);
    const cases = await events('CaseOpened', (d) => d.surveyId === surveyId);
    expect(cases).toEqual([expect.objectContaining({ caseId: `case_${surveyId}`, topic: 'complaint', priority: 'high', channel: 'survey', openedBy: { kind: 'system' } })]);
    const alerts = await events('NotificationRequested', (d) => d.messageType === 'ops_alert' && d.surveyId === surveyId);
    expect(alerts).toEqual([expect.objectContaining({ recipient: { email: 'duty@demo-shopify.example' }, deduplicationKey: `ops_alert:low_score:${surveyId}` })]);
    expect(await emailsTo('duty@demo-shopify.example', `case_${surveyId}`)).toHaveLength(1);

    // The page posts its form without script: a later answer keeps the score and adds the comment.
    const form = await fetch(`${endpoints.api}/surveys/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, score: '5', comment: 'Slow, but sorted in the end' }).toString(),
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('You rated us 2 out of 5.');
    expect((await answer({ token, score: 4 })).body).toEqual({ surveyId, score: 2, outcome: 'already_answered' });
    const tampered = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    expect((await answer({ token: tampered, score: 1 })).status).toBe(401);
    await settle();
    expect(await events('SurveyAnswered', (d) => d.surveyId === surveyId)).toHaveLength(1);
    expect(await events('CaseOpened', (d) => d.surveyId === surveyId)).toHaveLength(1);

    const client = createApiClient({ baseUrl: endpoints.api, token: await opsToken('viewer') });
    const { data, error } = await client.GET('/ops/surveys', { params: { query: { shopId, flow: 'return', maxScore: 2, agentId: 'staff-9', limit: 100 } } });
    expect(error).toBeUndefined();
    expect(data!.items.find((item) => item.surveyId === surveyId)).toMatchObject({ score: 2, comment: 'Slow, but sorted in the end', followUpCaseId: `case_${surveyId}`, returnId });

    // The follow-up case is in the ops queue; an agent resolves it once, which publishes CaseResolved.
    const caseId = `case_${surveyId}`;
    const listed = await client.GET('/ops/follow-ups', { params: { query: { shopId, status: 'open', sort: 'sla', limit: 100 } } });
    expect(listed.data!.items.find((item) => item.caseId === caseId)).toMatchObject({ status: 'open', score: 2, returnId, tier: null, slaBreached: false, version: 1 });
    expect((await client.GET('/ops/follow-ups', { params: { query: { shopId, sort: 'oldest' as never } } })).response.status).toBe(400);
    const agent = createApiClient({ baseUrl: endpoints.api, token: await opsToken('agent') });
    const params = { path: { caseId }, query: { shopId } };
    expect((await client.POST('/ops/follow-ups/{caseId}/resolve', { params, body: { resolution: 'explained', reason: 'Called the customer' } })).response.status).toBe(403);
    const resolved = await agent.POST('/ops/follow-ups/{caseId}/resolve', { params, body: { resolution: 'explained', reason: 'Called the customer', expectedVersion: 1 } });
    expect(resolved.data).toMatchObject({ status: 'resolved', resolution: 'explained', version: 2, history: [{ action: 'opened' }, { action: 'resolved', note: 'Called the customer' }] });
    expect((await agent.POST('/ops/follow-ups/{caseId}/resolve', { params, body: { resolution: 'other', reason: 'Again' } })).response.status).toBe(409);
    await settle();
    expect(await events('CaseResolved', (d) => d.caseId === caseId)).toEqual([expect.objectContaining({ resolution: 'explained', note: 'Called the customer', customer: expect.objectContaining({ id: expect.any(String) }) })]);
  });

  it('refuses a tampered link with 401, and a score out of range naming the field', async () => {
    const [header, claims] = ['{"alg":"HS256","typ":"JWT"}', JSON.stringify({ shopId, surveyId: 'srv_x', aud: 'aftersales-survey', iat: 1, exp: 4_000_000_000 })].map((part) => Buffer.from(part).toString('base64url'));
    const forged = `${header}.${claims}.${Buffer.from('not the signature, not at all').toString('base64url')}`;
    const tampered = await answer({ token: forged, score: 3 });
    expect(tampered).toMatchObject({ status: 401, body: { status: 401, title: 'Unauthorized' } });
    expect((await fetch(`${endpoints.api}/surveys/answer?token=${forged}&score=3`)).status).toBe(401);
    const outOfRange = await answer({ token: forged, score: 6 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors).toEqual([expect.objectContaining({ path: 'body.score' })]);
  });
});
