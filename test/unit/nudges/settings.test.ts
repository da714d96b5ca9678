// The campaign settings document: defaults a merchant would accept, and drafts refused with the field at fault.
import { describe, expect, it } from 'vitest';
import { CampaignSettings, defaultCampaignSettings } from '../../../shared/nudges/settings.ts';

const issuePaths = (input: unknown) => {
  const result = CampaignSettings.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
};

describe('CampaignSettings', () => {
  it('default to win-back after 120 days in two steps, three tiers, a 2-in-14-days cap and 7-day attribution', () => {
    expect(defaultCampaignSettings.replenishment).toMatchObject({ enabled: true, cycles: [], learned: { enabled: true, minCustomerOrders: 3, minProductIntervals: 10 } });
    expect(defaultCampaignSettings.winback.afterDaysWithoutOrder).toBe(120);
    expect(defaultCampaignSettings.winback.steps).toEqual([{ waitDays: 0 }, { waitDays: 14, discount: { percent: 10, expiresAfterDays: 14 } }]);
    expect(defaultCampaignSettings.vip.tiers.map((tier) => [tier.id, tier.minPoints])).toEqual([['silver', 500], ['gold', 1500], ['platinum', 5000]]);
    expect(defaultCampaignSettings.suppression).toEqual({ frequencyCap: { count: 2, days: 14 }, lowScoreDays: 60 });
    expect(defaultCampaignSettings.attribution.windowDays).toBe(7);
  });

  it('accept cycles by product id and by tag, and fill in defaults of partial sections', () => {
    const settings = CampaignSettings.parse({ version: 3, replenishment: { cycles: [{ productId: 'p1', days: 30 }, { tag: 'Coffee', days: 21 }], discount: { percent: 10 } }, vip: { tiers: [{ id: 'vip', name: 'VIP', minPoints: 0 }] } });
    expect(settings.replenishment.cycles).toHaveLength(2);
    expect(settings.replenishment.discount).toEqual({ percent: 10, expiresAfterDays: 14 });
    expect(settings.vip.tiers[0]!.benefits).toEqual({ discountPercent: 0, birthdayMessage: false, sms: false });
    expect(settings.winback.enabled).toBe(true);
  });

  it('refuse a cycle naming both a product and a tag, or none, or zero days', () => {
    expect(issuePaths({ version: 1, replenishment: { cycles: [{ productId: 'p1', tag: 'x', days: 30 }] } })).toContain('replenishment.cycles.0');
    expect(issuePaths({ version: 1, replenishment: { cycles: [{ days: 30 }] } })).toContain('replenishment.cycles.0');
    expect(issuePaths({ version: 1, replenishment: { cycles: [{ productId: 'p1', days: 0 }] } }).length).toBeGreaterThan(0);
  });

  it('refuse a win-back sequence of one step or four', () => {
    expect(issuePaths({ version: 1, winback: { steps: [{ waitDays: 0 }] } })).toEqual(['winback.steps']);
    expect(issuePaths({ version: 1, winback: { steps: [0, 7, 14, 21].map((waitDays) => ({ waitDays })) } })).toEqual(['winback.steps']);
    expect(issuePaths({ version: 1, winback: { steps: [{ waitDays: 0 }, { waitDays: 7, discount: { percent: 95 } }] } })).toEqual(['winback.steps.1.discount.percent']);
  });

  it('refuse tiers out of ascending order or listed twice, naming the tier', () => {
    const tiers = [
      { id: 'gold', name: 'Gold', minPoints: 1000 },
      { id: 'silver', name: 'Silver', minPoints: 500 },
      { id: 'gold', name: 'Gold again', minPoints: 2000 },
    ];
    expect(issuePaths({ version: 1, vip: { tiers } })).toEqual(['vip.tiers.1.minPoints', 'vip.tiers.2.id']);
    expect(issuePaths({ version: 1, vip: { tiers: [{ id: 'Gold!', name: 'Gold', minPoints: 1 }] } })).toEqual(['vip.tiers.0.id']);
  });

  it('refuse quiet hours that start and end at the same hour, and a zero cap', () => {
    expect(issuePaths({ version: 1, suppression: { quietHours: { start: 21, end: 21 } } })).toEqual(['suppression.quietHours.end']);
    expect(issuePaths({ version: 1, suppression: { frequencyCap: { count: 0, days: 7 } } })).toEqual(['suppression.frequencyCap.count']);
    expect(issuePaths({ version: 1, attribution: { windowDays: 0 } })).toEqual(['attribution.windowDays']);
  });
});
