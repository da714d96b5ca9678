// The follow-up case a low score opens: written with the answer, its SLA, and how resolving it
// announces CaseResolved (once: a resolved or changed case refuses).
import { describe, expect, it } from 'vitest';
import { CaseOpened, CaseResolved } from '#shared/events/cases.ts';
import { ReturnResolved } from '#shared/events/returns.ts';
import { demoShops } from '#shared/shops/config.ts';
import { planAnswer } from '#shared/surveys/answer.ts';
import { followUpSlaHours, isSlaBreached, resolveFollowUpCase, type FollowUpCase } from '#shared/surveys/follow-up-case.ts';
import { surveyInvite, surveySubjectFor, type Resolution } from '#shared/surveys/survey.ts';

const shop = demoShops('w'.repeat(16)).shops[0]!;
const now = new Date('2031-05-15T12:00:00Z');
const later = new Date('2031-05-16T09:00:00Z');
const returnResolved: Resolution = { detailType: 'ReturnResolved', detail: ReturnResolved.detail.parse({ ...ReturnResolved.example, shopId: shop.shopId }) };
const decision = surveySubjectFor(returnResolved);
if (!decision.ok) throw new Error(decision.reason);
const survey = surveyInvite(decision.subject, { shop, orderNumber: '#1001', publicBaseUrl: 'https://api.example', secret: 's'.repeat(64), now }).survey;

function opened(score = 2): FollowUpCase {
  const plan = planAnswer(survey, { score, comment: 'Took ages' }, shop, later);
  if (plan.kind !== 'answer' || !plan.followUpCase) throw new Error('no follow-up case');
  return plan.followUpCase;
}

describe('the follow-up case of a low score', () => {
  it('is planned with the answer, matching its CaseOpened, open with a 24 hour SLA', () => {
    const plan = planAnswer(survey, { score: 2, comment: 'Took ages' }, shop, later);
    if (plan.kind !== 'answer') throw new Error(plan.kind);
    const event = CaseOpened.detail.parse(plan.events.find((pending) => pending.definition === CaseOpened)!.detail);
    expect(plan.followUpCase).toMatchObject({
      caseId: event.caseId,
      subject: event.subject,
      surveyId: survey.surveyId,
      score: 2,
      comment: 'Took ages',
      status: 'open',
      orderNumber: '#1001',
      returnId: survey.returnId,
      openedAt: later.toISOString(),
      slaDueAt: new Date(later.getTime() + followUpSlaHours * 3_600_000).toISOString(),
      version: 1,
      history: [{ at: later.toISOString(), action: 'opened' }],
    });
  });

  it('is not opened by a good score', () => {
    const plan = planAnswer(survey, { score: 4 }, shop, later);
    expect(plan.kind === 'answer' && plan.followUpCase).toBe(undefined);
  });

  it('is breached only while open past its SLA', () => {
    const followUp = opened();
    expect(isSlaBreached(followUp, new Date(followUp.slaDueAt))).toBe(false);
    expect(isSlaBreached(followUp, new Date(Date.parse(followUp.slaDueAt) + 1000))).toBe(true);
    expect(isSlaBreached({ ...followUp, status: 'resolved' }, new Date(Date.parse(followUp.slaDueAt) + 1000))).toBe(false);
  });
});

describe('resolveFollowUpCase', () => {
  const agent = { sub: 'agent-1', email: 'agent@example.com' };
  const at = new Date('2031-05-16T11:30:00Z');

  it('closes the case with its outcome and announces a valid CaseResolved', () => {
    const plan = resolveFollowUpCase(opened(), { resolution: 'store_credit', note: 'Offered 10 EUR credit' }, agent, at);
    if (!plan.ok) throw new Error(plan.detail);
    expect(plan.next).toMatchObject({ status: 'resolved', resolution: 'store_credit', note: 'Offered 10 EUR credit', resolvedAt: at.toISOString(), resolvedBy: agent, version: 2 });
    expect(plan.next.history.at(-1)).toEqual({ at: at.toISOString(), action: 'resolved', by: 'agent@example.com', resolution: 'store_credit', note: 'Offered 10 EUR credit' });
    const event = CaseResolved.detail.parse(plan.resolved);
    expect(event).toMatchObject({ caseId: opened().caseId, resolution: 'store_credit', durationMinutes: 150, resolvedBy: { kind: 'staff', id: 'agent-1' }, customer: { id: survey.customer.id } });
  });

  it('refuses a resolved case and a stale version', () => {
    const first = resolveFollowUpCase(opened(), { resolution: 'explained', note: 'Called them' }, agent, at);
    if (!first.ok) throw new Error(first.detail);
    expect(resolveFollowUpCase(first.next, { resolution: 'explained', note: 'Again' }, agent, at)).toMatchObject({ ok: false, status: 409 });
    expect(resolveFollowUpCase(opened(), { resolution: 'explained', note: 'Called them', expectedVersion: 3 }, agent, at)).toMatchObject({ ok: false, status: 409 });
  });

  it('asks no survey about the follow-up it resolved (a low score could loop)', () => {
    const plan = resolveFollowUpCase(opened(), { resolution: 'explained', note: 'Called them' }, agent, at);
    if (!plan.ok) throw new Error(plan.detail);
    expect(surveySubjectFor({ detailType: 'CaseResolved', detail: CaseResolved.detail.parse(plan.resolved) })).toEqual({ ok: false, reason: 'survey_follow_up' });
  });
});
