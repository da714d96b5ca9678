// The ops preview of the coming week: who would be nudged, when, on which channel, and why not.
import { describe, expect, it } from 'vitest';
import { NudgePreview, previewNudges } from '../../../shared/nudges/preview.ts';
import { customer, nudge, order, settingsWith } from './fixtures.ts';

const settings = settingsWith({
  replenishment: { cycles: [{ productId: 'coffee', days: 30 }] },
  winback: { afterDaysWithoutOrder: 90, steps: [{ waitDays: 0 }, { waitDays: 3 }] },
  suppression: { frequencyCap: { count: 2, days: 14 } },
});
const week = { from: new Date('2024-06-10T00:00:00Z'), to: new Date('2024-06-17T00:00:00Z') };
const delivered = (id: string, deliveredAt: string, products = ['coffee']) => order(id, '2024-05-01T00:00:00Z', { deliveredAt, products });

describe('previewNudges', () => {
  it('list replenishments whose cycle ends within the week, not before nor after it', () => {
    const state = customer({ orders: [delivered('in', '2024-05-12T09:00:00Z'), delivered('before', '2024-05-10T23:59:59Z'), delivered('after', '2024-05-18T00:00:00Z')] });
    const preview = previewNudges(settings, [state], week);
    expect(preview.nudges).toEqual([{ customerId: 'cus-1', kind: 'replenishment', campaignId: 'replenishment', dueAt: '2024-06-11T09:00:00.000Z', orderId: 'in', productId: 'coffee', cycle: { days: 30, source: 'product' }, decision: 'send', channel: 'email' }]);
    expect(preview.summary).toEqual({ toSend: 1, suppressed: 0, byReason: {} });
    expect(NudgePreview.parse(preview)).toEqual(preview);
  });

  it('skip a replenishment already sent', () => {
    const state = customer({ orders: [delivered('o1', '2024-05-12T09:00:00Z')], nudgesSent: [nudge('n1', '2024-06-09T09:00:00Z', { orderId: 'o1', productId: 'coffee' })] });
    expect(previewNudges(settings, [state], week).nudges).toEqual([]);
  });

  it('say why a nudge would be suppressed, with every rule that applies', () => {
    const state = customer({ orders: [delivered('o1', '2024-05-12T09:00:00Z')], openCases: [{ kind: 'return', id: 'r1', openedAt: '2024-06-01T00:00:00Z' }], consent: { email: 'unsubscribed', sms: 'unknown' } });
    const preview = previewNudges(settings, [state], week);
    expect(preview.nudges[0]).toMatchObject({ decision: 'suppress', reason: 'unsubscribed', reasons: ['unsubscribed', 'open_return'] });
    expect(preview.summary).toEqual({ toSend: 0, suppressed: 1, byReason: { unsubscribed: 1 } });
  });

  it('count the nudges it would send towards the cap of the later ones', () => {
    const state = customer({ orders: [delivered('o1', '2024-05-11T09:00:00Z', ['coffee']), delivered('o2', '2024-05-12T09:00:00Z', ['coffee']), delivered('o3', '2024-05-13T09:00:00Z', ['coffee'])] });
    const preview = previewNudges(settings, [state], week);
    expect(preview.nudges.map((row) => [row.orderId, row.decision, row.reason])).toEqual([
      ['o1', 'send', undefined],
      ['o2', 'send', undefined],
      ['o3', 'suppress', 'frequency_cap'],
    ]);
  });

  it('list an overdue win-back step as due at the start of the week, then the next step after its wait', () => {
    const state = customer({ orders: [order('o1', '2024-01-01T00:00:00Z')] });
    const preview = previewNudges(settings, [state], week);
    expect(preview.nudges.map((row) => [row.kind, row.step, row.dueAt, row.decision])).toEqual([
      ['winback', 0, '2024-06-10T00:00:00.000Z', 'send'],
      ['winback', 1, '2024-06-13T00:00:00.000Z', 'send'],
    ]);
  });

  it('not continue a win-back sequence past a suppressed step', () => {
    const state = customer({ orders: [order('o1', '2024-01-01T00:00:00Z')], surveyScores: [{ kind: 'csat', score: 1, answeredAt: '2024-06-01T00:00:00Z' }] });
    expect(previewNudges(settings, [state], week).nudges.map((row) => [row.step, row.reason])).toEqual([[0, 'low_survey_score']]);
  });

  it('give the later send time when quiet hours hold a nudge back', () => {
    const quiet = settingsWith({ replenishment: { cycles: [{ productId: 'coffee', days: 30 }] }, suppression: { quietHours: { start: 21, end: 8 } } });
    const state = customer({ orders: [delivered('o1', '2024-05-12T23:00:00Z')] });
    expect(previewNudges(quiet, [state], week).nudges[0]).toMatchObject({ decision: 'send', dueAt: '2024-06-11T23:00:00.000Z', sendAt: '2024-06-12T08:00:00.000Z' });
  });

  it('order the nudges of several customers by due time', () => {
    const ada = customer({ orders: [delivered('a1', '2024-05-14T00:00:00Z')] });
    const bob = customer({ customer: { id: 'cus-2', email: 'bob@example.com', locale: 'en' }, orders: [delivered('b1', '2024-05-12T00:00:00Z')] });
    expect(previewNudges(settings, [ada, bob], week).nudges.map((row) => row.customerId)).toEqual(['cus-2', 'cus-1']);
  });
});
