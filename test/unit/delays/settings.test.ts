import { describe, expect, it } from 'vitest';
import { DelaySettings, defaultDelaySettings, handlingDays, severityOf, stalledDays, transitDays } from '../../../shared/delays/settings.ts';

describe('DelaySettings', () => {
  it('is complete from an empty object', () => {
    expect(defaultDelaySettings).toMatchObject({
      enabled: true,
      handling: { defaultDays: 2, byShippingMethod: [] },
      businessDays: [1, 2, 3, 4, 5],
      holidays: [],
      transit: { defaultDays: 5, unit: 'business_days' },
      stalled: { defaultDays: 5 },
      ladder: [
        { afterDays: 11, action: 'reassure' },
        { afterDays: 25, action: 'offer_choice', choices: ['refund', 'reship'] },
      ],
      reestimateDays: 3,
    });
    expect(defaultDelaySettings.compensation).toBeUndefined();
    expect(defaultDelaySettings.notifyCustomerOf).toContain('customs_hold');
  });

  it('refuses a ladder that does not go forward, duplicate weekdays and one-sided choices', () => {
    const issues = (input: unknown) => DelaySettings.safeParse(input).error?.issues.map((issue) => issue.path.join('.')) ?? [];
    expect(issues({ ladder: [{ afterDays: 20, action: 'reassure' }, { afterDays: 10, action: 'reassure' }] })).toContain('ladder.1.afterDays');
    expect(issues({ businessDays: [1, 1, 2] })).toContain('businessDays');
    expect(issues({ businessDays: [] })).toContain('businessDays');
    expect(issues({ ladder: [{ afterDays: 20, action: 'offer_choice', choices: ['refund', 'refund'] }] })).toContain('ladder.0.choices');
    expect(issues({ holidays: ['2024-13-01'] })).toContain('holidays.0');
    expect(issues({ handling: { byShippingMethod: [{ days: 1 }] } })).toContain('handling.byShippingMethod.0.code');
    expect(issues({ compensation: { afterDays: 20, discount: { type: 'percent', percent: 10 }, codePrefix: 'no spaces' } })).toContain('compensation.codePrefix');
    expect(issues({ compensation: { afterDays: 20, discount: { type: 'percent', percent: 150 } } })).toContain('compensation.discount.percent');
    expect(issues({ compensation: { afterDays: 20, discount: { type: 'fixed_amount', amount: { amount: 0, currency: 'EUR' } } } })).toContain('compensation.discount.amount');
    // The choice is offered once per order: one offer_choice step at most.
    expect(issues({ ladder: [{ afterDays: 10, action: 'offer_choice' }, { afterDays: 20, action: 'offer_choice' }] })).toContain('ladder');
    expect(issues({ severity: { escalateAfterDays: { medium: 10, high: 5 } } })).toContain('severity.escalateAfterDays');
  });

  it('picks handling days by shipping method code, then title, else the default', () => {
    const settings = DelaySettings.parse({
      handling: { defaultDays: 3, byShippingMethod: [{ code: 'EXPRESS', days: 0 }, { titleContains: 'pre-order', days: 20 }] },
    });
    expect(handlingDays(settings, { code: 'express', title: 'Express 24h' })).toBe(0);
    expect(handlingDays(settings, { title: 'Standard (Pre-Order items)' })).toBe(20);
    expect(handlingDays(settings, { code: 'standard', title: 'Standard' })).toBe(3);
    expect(handlingDays(settings, undefined)).toBe(3);
  });

  it('picks transit days: carrier and country, carrier, country, default', () => {
    const settings = DelaySettings.parse({
      transit: {
        defaultDays: 8,
        byCountry: [{ countryCode: 'FR', days: 2 }, { countryCode: 'US', days: 10 }],
        byCarrier: [{ carrier: 'colissimo', countryCode: 'FR', days: 1 }, { carrier: 'dhl_express', days: 3 }],
      },
    });
    expect(transitDays(settings, 'FR', 'colissimo')).toBe(1);
    expect(transitDays(settings, 'US', 'colissimo')).toBe(10);
    expect(transitDays(settings, 'US', 'dhl_express')).toBe(3);
    expect(transitDays(settings, 'FR', undefined)).toBe(2);
    expect(transitDays(settings, 'JP', undefined)).toBe(8);
    expect(transitDays(settings, undefined, undefined)).toBe(8);
  });

  it('picks stalled days per carrier', () => {
    const settings = DelaySettings.parse({ stalled: { defaultDays: 4, byCarrier: [{ carrier: 'china_post', days: 12 }] } });
    expect(stalledDays(settings, 'china_post')).toBe(12);
    expect(stalledDays(settings, 'ups')).toBe(4);
    expect(stalledDays(settings, undefined)).toBe(4);
  });

  it('raises severity with days past the original deliver-by, never lowers it', () => {
    const settings = DelaySettings.parse({ severity: { byReason: { customs_hold: 'high' } } });
    expect(severityOf(settings, 'not_shipped_in_time', -5)).toBe('low');
    expect(severityOf(settings, 'delivery_overdue', 0)).toBe('medium');
    expect(severityOf(settings, 'delivery_overdue', 7)).toBe('high');
    expect(severityOf(settings, 'delivery_overdue', 21)).toBe('critical');
    expect(severityOf(settings, 'customs_hold', 0)).toBe('high');
    expect(severityOf(settings, 'lost_in_transit', 0)).toBe('critical');
    expect(severityOf(defaultDelaySettings, 'customs_hold', 2)).toBe('medium');
  });
});
