// Nudge conversions in the KPIs: each NudgeConverted counts once per order, with its revenue per
// currency, and getKpis shows the conversion rate and the revenue brought back.
import { describe, expect, it } from 'vitest';
import { Kpis } from '#shared/api/routes.ts';
import { NudgeConverted } from '#shared/events/nudges.ts';
import { kpiEventTypes, kpiIncrement } from '#shared/kpis/rollup.ts';
import { summarizeKpis } from '#shared/kpis/summary.ts';

const converted = NudgeConverted.detail.parse(NudgeConverted.example);

describe('NudgeConverted in the rollup', () => {
  it('is counted', () => {
    expect(kpiEventTypes).toContain('NudgeConverted');
  });

  it('adds a conversion and its revenue once per order, on the day it happened', () => {
    expect(kpiIncrement({ detailType: 'NudgeConverted', detail: converted })).toEqual({
      shopId: 'acme-outdoor',
      day: '2024-06-22',
      counters: {},
      once: { key: 'nudge-converted#5012345678999', counters: { nudgeConversions: 1, nudgeRevenue_USD: 4599 } },
    });
  });
});

describe('nudges in the KPI summary', () => {
  it('show conversions against nudges sent, and revenue summed per currency', () => {
    const stored = [
      { day: '2024-06-01', counters: { nudgesSent: 3, nudgeConversions: 1, nudgeRevenue_USD: 4599 } },
      { day: '2024-06-02', counters: { nudgesSent: 1, nudgeConversions: 1, nudgeRevenue_USD: 1000, nudgeRevenue_EUR: 2500 } },
    ];
    const kpis = summarizeKpis('acme-outdoor', ['2024-06-01', '2024-06-02'], stored);
    expect(Kpis.safeParse(kpis).success).toBe(true);
    expect(kpis.nudges).toMatchObject({ sent: 4, conversions: 2, conversionRate: 0.5, revenue: [{ amount: 2500, currency: 'EUR' }, { amount: 5599, currency: 'USD' }] });
  });
});
