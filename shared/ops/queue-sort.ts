// How the ops work queues order a page by customer tier. Tiers change with every order and refund,
// so the queues read the tiers of one page's customers when listing (one BatchGet of at most
// `limit` keys) instead of copying the tier onto every open case. Pure.

/** Tier points per customer id; customers without a tier count as 0. */
export type TierPoints = ReadonlyMap<string, number>;

/** Highest tier first; ties keep the earliest SLA deadline first. */
export function byTierThenSla<T>(items: readonly T[], facts: (item: T) => { customerId: string; slaDueAt: string }, points: TierPoints): T[] {
  return [...items].sort((a, b) => {
    const [fa, fb] = [facts(a), facts(b)];
    return (points.get(fb.customerId) ?? 0) - (points.get(fa.customerId) ?? 0) || fa.slaDueAt.localeCompare(fb.slaDueAt);
  });
}
