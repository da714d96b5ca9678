// Every suppression rule, its reason code and its edges; the channel chosen; quiet hours defer.
import { describe, expect, it } from 'vitest';
import type { NudgeRequest } from '../../../shared/nudges/suppression.ts';
import { decideNudge, nudgesInCapWindow, suppressionReasons } from '../../../shared/nudges/suppression.ts';
import { customer, nudge, order, settingsWith } from './fixtures.ts';

const settings = settingsWith({ suppression: { frequencyCap: { count: 2, days: 14 }, lowScoreDays: 30 } });
const now = new Date('2024-06-15T12:00:00Z');
const replenish: NudgeRequest = { kind: 'replenishment', productId: 'coffee', orderId: 'o1', deliveredAt: '2024-05-16T12:00:00Z' };
const delivered = order('o1', '2024-05-14T12:00:00Z', { deliveredAt: '2024-05-16T12:00:00Z' });
const decide = (overrides: Parameters<typeof customer>[0] = {}, request: NudgeRequest = replenish, at = now, with_ = settings) => decideNudge(request, customer({ orders: [delivered], ...overrides }), with_, at);

describe('decideNudge', () => {
  it('send by email to a consenting customer with nothing open', () => {
    expect(decide()).toEqual({ action: 'send', channel: 'email' });
  });

  it('campaign_ended: the campaign of the nudge is switched off', () => {
    const off = settingsWith({ replenishment: { enabled: false } });
    expect(decide({}, replenish, now, off)).toMatchObject({ action: 'suppress', reason: 'campaign_ended' });
    expect(decide({}, { kind: 'tier_upgrade' }, now, settingsWith({ vip: { enabled: false } }))).toMatchObject({ reason: 'campaign_ended' });
  });

  it('no_marketing_consent: consent unknown, or no email address to use it on', () => {
    expect(decide({ consent: { email: 'unknown', sms: 'subscribed' } })).toMatchObject({ action: 'suppress', reason: 'no_marketing_consent' });
    expect(decide({ customer: { id: 'c', locale: 'en', phone: '+447700900123' } })).toMatchObject({ reason: 'no_marketing_consent' });
  });

  it('unsubscribed: an explicit opt-out on every usable channel', () => {
    expect(decide({ consent: { email: 'unsubscribed', sms: 'subscribed' } })).toMatchObject({ action: 'suppress', reason: 'unsubscribed' });
  });

  it('use SMS only for a tier with the SMS benefit, when email is not possible', () => {
    const smsOnly = { consent: { email: 'unsubscribed' as const, sms: 'subscribed' as const } };
    expect(decide({ ...smsOnly, tier: { id: 'platinum', rank: 2 } })).toEqual({ action: 'send', channel: 'sms' });
    expect(decide({ ...smsOnly, tier: { id: 'gold', rank: 1 } })).toMatchObject({ reason: 'unsubscribed' });
    expect(decide({ consent: { email: 'subscribed', sms: 'subscribed' }, tier: { id: 'platinum', rank: 2 } })).toEqual({ action: 'send', channel: 'email' });
  });

  it.each([
    ['return', 'open_return'],
    ['refund', 'open_refund'],
    ['delay', 'delivery_delayed'],
    ['complaint', 'open_case'],
  ] as const)('%s case open → %s', (kind, reason) => {
    expect(decide({ openCases: [{ kind, id: 'case-1', openedAt: '2024-06-01T00:00:00Z' }] })).toEqual({ action: 'suppress', reason, reasons: [reason] });
  });

  it('low_survey_score: a 1 or 2 within the window, not a 3, not one older than the window', () => {
    const score = (value: number, answeredAt: string) => ({ surveyScores: [{ kind: 'csat' as const, score: value, answeredAt }] });
    expect(decide(score(2, '2024-05-16T12:00:00Z'))).toMatchObject({ reason: 'low_survey_score' }); // exactly 30 days ago
    expect(decide(score(1, '2024-06-15T11:00:00Z'))).toMatchObject({ reason: 'low_survey_score' });
    expect(decide(score(3, '2024-06-10T00:00:00Z'))).toEqual({ action: 'send', channel: 'email' });
    expect(decide(score(1, '2024-05-16T11:59:59Z'))).toEqual({ action: 'send', channel: 'email' });
    expect(decideNudge(replenish, customer({ orders: [delivered], ...score(1, '2024-06-10T00:00:00Z') }), settingsWith({ suppression: { lowScoreDays: 0 } }), now)).toEqual({ action: 'send', channel: 'email' });
  });

  it('recent_purchase: the product re-ordered after the delivery; not another product, not the order itself, not a cancelled one', () => {
    expect(decide({ orders: [delivered, order('o2', '2024-06-01T00:00:00Z')] })).toMatchObject({ reason: 'recent_purchase' });
    expect(decide({ orders: [delivered, order('o2', '2024-06-01T00:00:00Z', { products: ['tea'] })] })).toEqual({ action: 'send', channel: 'email' });
    expect(decide({ orders: [delivered, order('o2', '2024-06-01T00:00:00Z', { cancelled: true })] })).toEqual({ action: 'send', channel: 'email' });
    expect(decide({ orders: [delivered, order('o0', '2024-05-10T00:00:00Z')] })).toEqual({ action: 'send', channel: 'email' });
  });

  it('recent_purchase: a win-back for a customer who ordered within the lapse period', () => {
    const lapsed = { orders: [order('o1', '2024-01-01T00:00:00Z')] };
    expect(decide(lapsed, { kind: 'winback' })).toEqual({ action: 'send', channel: 'email' });
    expect(decide({ orders: [...lapsed.orders, order('o2', '2024-05-01T00:00:00Z')] }, { kind: 'winback' })).toMatchObject({ reason: 'recent_purchase' });
  });

  it('frequency_cap: the count reached within the last days, counting the window’s first instant', () => {
    const two = [nudge('n1', '2024-06-01T12:00:00Z'), nudge('n2', '2024-06-10T00:00:00Z', { kind: 'winback', campaignId: 'winback' })];
    expect(decide({ nudgesSent: two })).toMatchObject({ reason: 'frequency_cap' });
    const oneOld = [nudge('n1', '2024-06-01T11:59:59Z'), nudge('n2', '2024-06-10T00:00:00Z')];
    expect(decide({ nudgesSent: oneOld })).toEqual({ action: 'send', channel: 'email' });
    expect(nudgesInCapWindow(settings, { nudgesSent: two }, now)).toBe(2);
  });

  it('list every rule that applies, recording the first', () => {
    const state = customer({
      orders: [delivered, order('o2', '2024-06-01T00:00:00Z')],
      consent: { email: 'unknown', sms: 'unknown' },
      openCases: [{ kind: 'return', id: 'r', openedAt: '2024-06-01T00:00:00Z' }, { kind: 'delay', id: 'd', openedAt: '2024-06-01T00:00:00Z' }],
      surveyScores: [{ kind: 'csat', score: 1, answeredAt: '2024-06-01T00:00:00Z' }],
      nudgesSent: [nudge('n1', '2024-06-10T00:00:00Z'), nudge('n2', '2024-06-11T00:00:00Z')],
    });
    expect(suppressionReasons(replenish, state, settings, now).reasons).toEqual(['no_marketing_consent', 'open_return', 'delivery_delayed', 'low_survey_score', 'recent_purchase', 'frequency_cap']);
    expect(decideNudge(replenish, state, settings, now)).toMatchObject({ action: 'suppress', reason: 'no_marketing_consent' });
  });

  it('defer to the end of quiet hours in the customer’s time zone, else the shop’s', () => {
    const quiet = settingsWith({ suppression: { quietHours: { start: 21, end: 8 } } });
    const lateInNewYork = new Date('2024-06-16T02:00:00Z'); // 22:00 in New York
    const inNewYork = customer({ orders: [delivered], customer: { id: 'c', email: 'a@example.com', locale: 'en-US', timeZone: 'America/New_York' } });
    expect(decideNudge(replenish, inNewYork, quiet, lateInNewYork)).toEqual({ action: 'defer', channel: 'email', until: '2024-06-16T12:00:00.000Z', why: 'quiet_hours' });
    const noZone = customer({ orders: [delivered], customer: { id: 'c', email: 'a@example.com', locale: 'en-US' } });
    expect(decideNudge(replenish, noZone, quiet, lateInNewYork, 'America/New_York')).toMatchObject({ action: 'defer' });
    expect(decideNudge(replenish, noZone, quiet, lateInNewYork, 'Asia/Tokyo')).toEqual({ action: 'send', channel: 'email' }); // 11:00 in Tokyo
    expect(decideNudge(replenish, inNewYork, settings, lateInNewYork)).toEqual({ action: 'send', channel: 'email' }); // no quiet hours set
  });
});
