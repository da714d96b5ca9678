// The service team's KPIs over a period: one operation the ops console and outside tools share.
// Read from per-shop, per-day counters kept up to date from the events, so it costs the same for
// ten cases or ten million.
import * as z from 'zod';
import { IsoDateTime, ShopId } from '../../events/common.ts';
import { ReturnReason } from '../../events/returns.ts';
import { allCounterNames } from '../../kpis/rollup.ts';
import { defineRoute } from '../define.ts';
import { shopQuery } from './common.ts';

const Count = z.int().nonnegative();
const Share = z.number().min(0).max(1).nullable().describe('A share from 0 to 1 (4 decimals); null when there is nothing to divide by');
const Hours = z.number().nonnegative().nullable().describe('Average hours (2 decimals); null when nothing was measured');

export const KpiDrillDown = z
  .object({
    operationId: z.string().describe('The ops operation that lists the records behind the figure'),
    query: z.record(z.string(), z.string()).describe('Its query parameters'),
  })
  .meta({ id: 'KpiDrillDown', description: 'Where to find the records behind a figure' });

const slaFigure = (what: string, withinSla: string) =>
  z.object({
    count: Count.describe(`Return cases with a ${what} in the period`),
    averageHours: Hours.describe(`From the return request to the ${what}, on average`),
    withinSla: Count.describe(withinSla),
    withinSlaShare: Share,
    drillDown: KpiDrillDown,
  });

export const KpiDay = z
  .object({ date: z.iso.date().describe('UTC day') })
  .extend(Object.fromEntries(allCounterNames.map((name) => [name, Count])) as Record<(typeof allCounterNames)[number], typeof Count>)
  .meta({
    id: 'KpiDay',
    description:
      'The raw counters of one UTC day, for charts and CSV export: durations are sums in seconds (`firstResponseSeconds` over `firstResponses`...), `reason_<reason>` counts returns per reason.',
  });

export const Kpis = z
  .object({
    shopId: ShopId,
    from: IsoDateTime.describe('Start of the first UTC day counted'),
    to: IsoDateTime.describe('End of the last UTC day counted (exclusive)'),
    satisfaction: z.object({
      answered: Count.describe('CSAT surveys answered'),
      satisfied: Count.describe('Answered with 4 or 5'),
      share: Share,
      target: z.number().describe('The target share of satisfied customers'),
      met: z.boolean().nullable().describe('share ≥ target; null when nothing was answered'),
      drillDown: KpiDrillDown,
    }),
    returns: z.object({
      orders: Count.describe('Orders placed'),
      returns: Count.describe('Returns requested'),
      returnRate: Share.describe('returns / orders placed in the period; null when no orders'),
      approved: Count,
      rejected: Count,
      resolved: Count,
      byReason: z.array(z.object({ reason: ReturnReason, returns: Count, share: Share.describe('Of the returns requested'), drillDown: KpiDrillDown })).describe('Most frequent first; a return with lines of two reasons counts for both'),
      drillDown: KpiDrillDown,
    }),
    refunds: z.object({
      issued: Count.describe('Refunds issued'),
      storeCredits: Count.describe('Store credits issued'),
      measured: Count.describe('Refunds and credits whose start (return request or claim decision) is known'),
      averageCycleHours: Hours.describe('From the return request or parcel claim to the money or credit going back'),
      drillDown: KpiDrillDown,
    }),
    firstResponse: slaFigure('first response (approval or rejection)', 'Of those, how many came by the case’s SLA due time (`deadlines.slaDueAt`)'),
    resolution: slaFigure('resolution', 'Of those, how many were resolved within the case’s SLA length (`deadlines.slaDueAt` − `createdAt`) counted from the parcel’s receipt, or from the request when nothing came back'),
    delays: z.object({
      detected: Count.describe('Delays detected'),
      delayedOrders: Count.describe('Orders whose first delay was detected in the period'),
      toldFirst: Count.describe('Delayed orders whose customer got a delay notice (first notice in the period)'),
      toldFirstShare: Share.describe('toldFirst / delayedOrders. Customer contacts are not recorded yet, so every notified order counts as told first'),
      drillDown: KpiDrillDown,
    }),
    nudges: z.object({
      sent: Count,
      conversions: Count.describe('Orders attributed to a nudge (NudgeConverted: placed within the attribution window after a nudge)'),
      conversionRate: Share,
      revenue: z.array(z.object({ amount: Count.describe('Minor units'), currency: z.string() })).describe('Revenue of the attributed orders, per currency'),
      drillDown: KpiDrillDown,
    }),
    daily: z.array(KpiDay).describe('Every UTC day of the period, oldest first, with its raw counters'),
  })
  .meta({ id: 'Kpis', description: 'The service team’s KPIs over whole UTC days' });
export type Kpis = z.infer<typeof Kpis>;

export const getKpis = defineRoute({
  method: 'get',
  path: '/ops/kpis',
  operationId: 'getKpis',
  summary: 'KPIs of a shop over a period',
  description:
    'Satisfaction against the 95% target, return rate and reasons, refund cycle time, first response and resolution time against SLA, delays told first, and nudges, over the UTC days from `from` to `to` (default: the 30 days before now; at most 366 days). The figures are sums of per-shop, per-day counters (state table `KPI#<shopId>` / `<YYYY-MM-DD>`, UTC) kept up to date from the events, so a partial first or last day counts whole, and a duration counts on the day its step ended. Each figure names in `drillDown` the ops operation and query that list the records behind it; `daily` carries the raw counters of every day for charts and CSV export.',
  tags: ['KPIs'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      from: IsoDateTime.optional().describe('Start of the period (UTC); its day counts whole'),
      to: IsoDateTime.optional().describe('End of the period (UTC, exclusive); default now'),
    }),
  },
  responses: { 200: { description: 'The KPIs', schema: Kpis }, 400: { description: '`from` is not before `to`, or the period is longer than 366 days' } },
});
