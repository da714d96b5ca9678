// Surveys as plain domain code: which resolutions get one, the invite and its signed links, and
// what an answer does (a score of 2 opens a follow-up case and alerts the duty team).
import { describe, expect, it } from 'vitest';
import { CaseOpened, CaseResolved } from '#shared/events/cases.ts';
import { DelayResolved } from '#shared/events/delays.ts';
import { NotificationRequested } from '#shared/events/notifications.ts';
import { ReturnResolved } from '#shared/events/returns.ts';
import { SurveyAnswered, SurveyRequested } from '#shared/events/surveys.ts';
import { renderMessage } from '#shared/notifications/render.ts';
import { findTemplate } from '#shared/notifications/templates/index.ts';
import { signCustomerSession } from '#shared/customers/session.ts';
import { demoShops } from '#shared/shops/config.ts';
import { planAnswer } from '#shared/surveys/answer.ts';
import { surveyIdFor, surveyInvite, surveySubjectFor, verifySurveyToken, type Resolution, type SurveyRecord, type SurveySubject } from '#shared/surveys/survey.ts';

const secret = 's'.repeat(64);
const now = new Date('2031-05-15T12:00:00Z');
const shop = demoShops('w'.repeat(16)).shops[0]!;
const base = 'https://api.example/';

const returnResolved: Resolution = { detailType: 'ReturnResolved', detail: ReturnResolved.detail.parse({ ...ReturnResolved.example, shopId: shop.shopId, resolvedBy: { kind: 'staff', id: 'staff-7' } }) };
const caseResolved: Resolution = { detailType: 'CaseResolved', detail: CaseResolved.detail.parse(CaseResolved.example) };
const delayResolved: Resolution = { detailType: 'DelayResolved', detail: DelayResolved.detail.parse(DelayResolved.example) };

function subjectOf(resolution: Resolution): SurveySubject {
  const decision = surveySubjectFor(resolution);
  if (!decision.ok) throw new Error(decision.reason);
  return decision.subject;
}

const query = (url: string) => new URL(url).searchParams;

describe('surveySubjectFor', () => {
  it('surveys a resolved return, case or delay, naming its flow, ids and the agent who resolved it', () => {
    expect(subjectOf(returnResolved)).toMatchObject({ flow: 'return', trigger: 'return_resolved', subjectId: 'ret_01HX7Z3K4M', returnId: 'ret_01HX7Z3K4M', orderId: '5012345678901', agentId: 'staff-7' });
    expect(subjectOf(caseResolved)).toMatchObject({ flow: 'case', trigger: 'case_resolved', subjectId: 'case_01HXE1', caseId: 'case_01HXE1', agentId: 'staff-42' });
    const delay = subjectOf(delayResolved);
    expect(delay).toMatchObject({ flow: 'delay', trigger: 'delay_resolved', subjectId: 'dly_01HXB1', delayId: 'dly_01HXB1', shipmentId: '4412345678901' });
    expect(delay.agentId).toBeUndefined();
  });

  it('gives a resolved thing one survey id, whatever the delivery, distinct per shop and flow', () => {
    expect(subjectOf(returnResolved).surveyId).toBe(subjectOf({ ...returnResolved }).surveyId);
    expect(subjectOf(returnResolved).surveyId).toBe(surveyIdFor(shop.shopId, 'return', 'ret_01HX7Z3K4M'));
    expect(surveyIdFor('a', 'return', 'x')).not.toBe(surveyIdFor('b', 'return', 'x'));
    expect(surveyIdFor('a', 'return', 'x')).not.toBe(surveyIdFor('a', 'case', 'x'));
    expect(surveyIdFor('a', 'return', 'x')).toMatch(/^srv_[0-9a-f]{24}$/);
  });

  it('does not survey a duplicate case, a dismissed delay, or a customer it cannot reach', () => {
    expect(surveySubjectFor({ detailType: 'CaseResolved', detail: { ...caseResolved.detail, resolution: 'duplicate' } } as Resolution)).toEqual({ ok: false, reason: 'duplicate_case' });
    expect(surveySubjectFor({ detailType: 'DelayResolved', detail: { ...delayResolved.detail, resolution: 'dismissed' } } as Resolution)).toEqual({ ok: false, reason: 'dismissed_delay' });
    const unreachable = { ...returnResolved.detail, customer: { id: 'c1', locale: 'en' } };
    expect(surveySubjectFor({ detailType: 'ReturnResolved', detail: unreachable } as Resolution)).toEqual({ ok: false, reason: 'no_contact' });
  });
});

describe('surveyInvite', () => {
  const subject = subjectOf(returnResolved);
  const invite = surveyInvite(subject, { shop, orderNumber: '#1001', publicBaseUrl: base, secret, now });

  it('announces a valid SurveyRequested and a survey_invite NotificationRequested, deduplicated per survey', () => {
    expect(SurveyRequested.detail.parse(invite.requested)).toMatchObject({ surveyId: subject.surveyId, kind: 'csat', trigger: 'return_resolved', returnId: 'ret_01HX7Z3K4M' });
    const request = NotificationRequested.detail.parse(invite.notification);
    expect(request).toMatchObject({
      messageType: 'survey_invite',
      category: 'transactional',
      channelPreference: ['email', 'sms'],
      deduplicationKey: `survey_invite:${subject.surveyId}`,
      recipient: { email: 'ada@example.com' },
      surveyId: subject.surveyId,
    });
    expect(invite.survey).toMatchObject({ status: 'requested', locale: 'en', orderNumber: '#1001', caseLabel: 'your return for order #1001', linkExpiresAt: '2031-06-14T12:00:00.000Z' });
  });

  it('links each score 1 to 5 to the answer page with a token for this survey, valid 30 days', () => {
    const { ratingUrls, commentUrl } = invite.notification.templateData as { ratingUrls: string[]; commentUrl: string };
    expect(ratingUrls.map((url) => query(url).get('score'))).toEqual(['1', '2', '3', '4', '5']);
    expect(ratingUrls[1]).toMatch(/^https:\/\/api\.example\/surveys\/answer\?token=[^&]+&score=2$/);
    expect(query(commentUrl).get('score')).toBeNull();
    const token = query(ratingUrls[1]!).get('token')!;
    expect(verifySurveyToken(token, secret, new Date('2031-06-14T11:59:59Z'))).toMatchObject({ ok: true, claims: { shopId: shop.shopId, surveyId: subject.surveyId } });
    // Short enough for an SMS.
    expect(ratingUrls[1]!.length).toBeLessThan(200);
    expect(verifySurveyToken(token, secret, new Date('2031-06-14T12:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
    expect(verifySurveyToken(`${token.slice(0, -2)}AA`, secret, now)).toEqual({ ok: false, reason: 'signature' });
    // A token for another purpose is refused.
    expect(verifySurveyToken(signCustomerSession({ shopId: shop.shopId, email: 'a@b.co' }, secret, () => now).token, secret, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('renders with the survey_invite template, in the customer’s language', () => {
    const french = surveyInvite({ ...subject, customer: { ...subject.customer, locale: 'fr-FR' } }, { shop, orderNumber: '#1001', publicBaseUrl: base, secret, now });
    expect(french.notification.templateData.caseLabel).toBe('votre retour pour la commande #1001');
    const rendered = renderMessage(findTemplate('survey_invite')!, french.notification.templateData, { locale: 'fr', timeZone: 'UTC', shop: { shopName: shop.name, supportEmail: 'help@demo.example' } });
    expect(rendered.subject).toBe('Votre avis compte : votre retour pour la commande #1001');
    expect(rendered.html).toContain('score=5');
    const withoutOrder = surveyInvite(subjectOf(delayResolved), { shop, publicBaseUrl: base, secret, now });
    expect(withoutOrder.notification.templateData.caseLabel).toBe('the delay on your order');
  });
});

describe('planAnswer', () => {
  const requested: SurveyRecord = surveyInvite(subjectOf(returnResolved), { shop, orderNumber: '#1001', publicBaseUrl: base, secret, now }).survey;
  const later = new Date('2031-05-16T09:00:00Z');

  it('records a good score with SurveyAnswered only', () => {
    const plan = planAnswer(requested, { score: 5, comment: '  Great  ' }, shop, later);
    if (plan.kind !== 'answer') throw new Error(plan.kind);
    expect(plan.answer).toEqual({ score: 5, comment: 'Great', answeredAt: later.toISOString() });
    expect(plan.events.map((event) => event.definition.detailType)).toEqual(['SurveyAnswered']);
    expect(SurveyAnswered.detail.parse(plan.events[0]!.detail)).toMatchObject({ score: 5, comment: 'Great', followUpRequested: false, returnId: 'ret_01HX7Z3K4M' });
  });

  it('opens a high-priority follow-up case for a 2 and alerts the duty team', () => {
    const plan = planAnswer(requested, { score: 2, comment: 'Took ages' }, shop, later);
    if (plan.kind !== 'answer') throw new Error(plan.kind);
    const caseId = `case_${requested.surveyId}`;
    expect(plan.answer.followUpCaseId).toBe(caseId);
    expect(plan.events.map((event) => event.definition.detailType)).toEqual(['SurveyAnswered', 'CaseOpened', 'NotificationRequested']);
    expect(new Set(plan.events.map((event) => event.eventId)).size).toBe(3);
    const opened = CaseOpened.detail.parse(plan.events[1]!.detail);
    expect(opened).toMatchObject({ caseId, topic: 'complaint', priority: 'high', channel: 'survey', openedBy: { kind: 'system' }, surveyId: requested.surveyId, returnId: 'ret_01HX7Z3K4M', orderId: '5012345678901' });
    expect(opened.subject).toContain('ret_01HX7Z3K4M');
    expect(opened.subject).toContain('#1001');
    const alert = NotificationRequested.detail.parse(plan.events[2]!.detail);
    expect(alert).toMatchObject({ messageType: 'ops_alert', recipient: { email: 'duty@demo-shopify.example' }, deduplicationKey: `ops_alert:low_score:${requested.surveyId}`, caseId, category: 'transactional' });
    const variables = findTemplate('ops_alert')!.variables.parse(alert.templateData);
    expect(variables).toMatchObject({ title: 'Low satisfaction score: 2/5', severity: 'warning' });
    expect(variables.facts).toContainEqual({ label: 'Comment', value: 'Took ages' });
    expect(variables.facts).toContainEqual({ label: 'Resolved by', value: 'staff-7' });
  });

  it('opens the case but sends no alert when the shop names no duty team', () => {
    const plan = planAnswer(requested, { score: 1 }, { ...shop, notifications: { ...shop.notifications!, opsEmail: undefined } }, later);
    if (plan.kind !== 'answer') throw new Error(plan.kind);
    expect(plan.events.map((event) => event.definition.detailType)).toEqual(['SurveyAnswered', 'CaseOpened']);
  });

  it('keeps the first score: a later answer only adds a missing comment', () => {
    const answered: SurveyRecord = { ...requested, status: 'answered', score: 4, answeredAt: later.toISOString() };
    expect(planAnswer(answered, { score: 1, comment: 'Actually...' }, shop, later)).toEqual({ kind: 'comment', comment: 'Actually...', commentedAt: later.toISOString() });
    expect(planAnswer(answered, { score: 1 }, shop, later)).toEqual({ kind: 'unchanged' });
    expect(planAnswer(answered, { score: 1, comment: '   ' }, shop, later)).toEqual({ kind: 'unchanged' });
    expect(planAnswer({ ...answered, comment: 'Fine' }, { score: 4, comment: 'More' }, shop, later)).toEqual({ kind: 'unchanged' });
  });
});
