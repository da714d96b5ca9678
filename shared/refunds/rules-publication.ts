// Publishing a shop's refund rules, as the return policy is published (shared/shops/versioned-settings.ts):
// the version a draft becomes, what the audit record says changed, and the returns a dry run
// decides again (inspected ones, among the shop's latest orders). Pure;
// shared/adapters/refund-rules-store.ts keeps the versions, functions/refunds/rules.ts answers the
// supervisor's routes.
import type { OrderState } from '../ingest/order-state.ts';
import type { ReturnCase } from '../returns/case.ts';
import { orderOfState } from '../returns/policy-publication.ts';
import { publishedVersion, settingsChange, type Publication, type SettingsVersion } from '../shops/versioned-settings.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { claimFromReturnCase } from './claim.ts';
import type { RefundRules } from './rules.ts';

/** The rules a shop decides refunds with, and where they came from. Version 0: the default, never published. */
export type RulesVersion = SettingsVersion<'rules', RefundRules>;

/** The draft as it is published over `current`, as the next version (see publishedVersion). */
export function nextRulesVersion(current: RulesVersion, draft: RefundRules, published: Publication): RulesVersion {
  return publishedVersion('rules', current, draft, published);
}

/** What the audit record of a publication shows: the versions and the top-level rules that changed. */
export function rulesChange(before: RulesVersion, after: RulesVersion): { before: Record<string, unknown>; after: Record<string, unknown> } {
  return settingsChange('rules', before, after);
}

/** Inspected: every line a refund is decided for has its condition (exchanged lines are settled by the exchange). */
export function isInspectedReturn(returnCase: Pick<ReturnCase, 'id' | 'lines'>): boolean {
  const claim = claimFromReturnCase(returnCase);
  return claim?.kind === 'return_inspection' && claim.lines.every((line) => line.condition !== undefined);
}

/** The inspected returns of these orders with the order each was decided on, in the orders' order. */
export function inspectedReturns(states: readonly OrderState[], casesOf: (orderId: string) => readonly ReturnCase[]): Array<{ returnCase: ReturnCase; order: NormalizedOrder }> {
  return states.flatMap((state) => {
    const order = orderOfState(state);
    if (!order) return [];
    return casesOf(state.orderId)
      .filter(isInspectedReturn)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((returnCase) => ({ returnCase, order }));
  });
}
