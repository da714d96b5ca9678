// From per-day counters to the KPIs of a period (getKpis): sums over the days, then shares and
// averages, each figure with the ops operation that lists the records behind it. Pure.
import type { Kpis } from '../api/routes/kpis.ts';
import { ReturnReason } from '../events/returns.ts';
import { allCounterNames, reasonCounter, revenueCounterPattern, type CounterName, type Counters } from './rollup.ts';

/** The satisfaction target: 95% of answered CSAT surveys at 4 or 5. */
export const satisfactionTarget = 0.95;

export const DAY_MS = 86_400_000;

export interface StoredDay {
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  counters: Counters;
}

/** The UTC days a period touches: from `from`'s day to the day of the last instant before `to`. */
export function daysOf(from: Date, to: Date): string[] {
  const first = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const last = to.getTime() - 1;
  const days: string[] = [];
  for (let day = first; day <= last; day += DAY_MS) days.push(new Date(day).toISOString().slice(0, 10));
  return days;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const share = (part: number, whole: number) => (whole > 0 ? round(part / whole, 4) : null);
const averageHours = (seconds: number, count: number) => (count > 0 ? round(seconds / count / 3600, 2) : null);

/** The KPIs of `shopId` over `days` (every day of the period, oldest first), from the days stored (days without events are absent). */
export function summarizeKpis(shopId: string, days: readonly string[], stored: readonly StoredDay[]): Kpis {
  const byDay = new Map(stored.map((entry) => [entry.day, entry.counters]));
  const daily = days.map((date) => {
    const counters = byDay.get(date) ?? {};
    return { date, ...(Object.fromEntries(allCounterNames.map((name) => [name, counters[name] ?? 0])) as Record<CounterName, number>) };
  });
  const sum = (name: CounterName) => daily.reduce((total, day) => total + day[name], 0);
  const from = `${days[0]}T00:00:00.000Z`;
  const to = new Date(Date.parse(`${days[days.length - 1]}T00:00:00.000Z`) + DAY_MS).toISOString();
  const drill = (operationId: string, query: Record<string, string> = {}) => ({ operationId, query: { shopId, ...query } });

  const answered = sum('surveysAnswered');
  const satisfied = sum('surveysSatisfied');
  const satisfactionShare = share(satisfied, answered);
  const orders = sum('ordersPlaced');
  const returns = sum('returnsRequested');
  const byReason = ReturnReason.options
    .map((reason) => ({ reason, returns: sum(reasonCounter(reason)), share: share(sum(reasonCounter(reason)), returns), drillDown: drill('listReturns', { reason }) }))
    .filter((row) => row.returns > 0)
    .sort((a, b) => b.returns - a.returns);
  const slaFigure = (count: CounterName, seconds: CounterName, withinSla: CounterName, query: Record<string, string>) => ({
    count: sum(count),
    averageHours: averageHours(sum(seconds), sum(count)),
    withinSla: sum(withinSla),
    withinSlaShare: share(sum(withinSla), sum(count)),
    drillDown: drill('listReturns', query),
  });
  const delayedOrders = sum('delayedOrders');
  const nudgesSent = sum('nudgesSent');
  const nudgeRevenue = new Map<string, number>();
  for (const date of days) {
    for (const [name, amount] of Object.entries(byDay.get(date) ?? {})) {
      const currency = revenueCounterPattern.exec(name)?.[1];
      if (currency && typeof amount === 'number') nudgeRevenue.set(currency, (nudgeRevenue.get(currency) ?? 0) + amount);
    }
  }

  return {
    shopId,
    from,
    to,
    satisfaction: {
      answered,
      satisfied,
      share: satisfactionShare,
      target: satisfactionTarget,
      met: satisfactionShare === null ? null : satisfactionShare >= satisfactionTarget,
      drillDown: drill('listSurveyResponses'),
    },
    returns: {
      orders,
      returns,
      returnRate: share(returns, orders),
      approved: sum('returnsApproved'),
      rejected: sum('returnsRejected'),
      resolved: sum('returnsResolved'),
      byReason,
      drillDown: drill('listReturns'),
    },
    refunds: {
      issued: sum('refundsIssued'),
      storeCredits: sum('storeCreditsIssued'),
      measured: sum('refundCycles'),
      averageCycleHours: averageHours(sum('refundCycleSeconds'), sum('refundCycles')),
      drillDown: drill('listRefundReviews'),
    },
    // Cases still waiting past their SLA are the ones to act on.
    firstResponse: slaFigure('firstResponses', 'firstResponseSeconds', 'firstResponsesWithinSla', { status: 'requested', slaBreached: 'true' }),
    resolution: slaFigure('resolutions', 'resolutionSeconds', 'resolutionsWithinSla', { status: 'resolved' }),
    delays: {
      detected: sum('delaysDetected'),
      delayedOrders,
      toldFirst: sum('delayedOrdersToldFirst'),
      toldFirstShare: share(Math.min(sum('delayedOrdersToldFirst'), delayedOrders), delayedOrders),
      drillDown: drill('listDelayedOrders'),
    },
    nudges: {
      sent: nudgesSent,
      conversions: sum('nudgeConversions'),
      conversionRate: share(sum('nudgeConversions'), nudgesSent),
      revenue: [...nudgeRevenue].map(([currency, amount]) => ({ amount, currency })).sort((a, b) => a.currency.localeCompare(b.currency)),
      drillDown: drill('getCampaignResults'),
    },
    daily,
  };
}
