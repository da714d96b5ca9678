// Publishing a shop's return policy: the version a draft becomes, what an audit record says changed
// (both as for any versioned settings, shared/shops/versioned-settings.ts), and the stored orders a
// dry run evaluates. Pure; shared/adapters/return-policy-store.ts reads and writes,
// functions/returns/policy.ts answers the supervisor's routes.
import type { OrderState } from '../ingest/order-state.ts';
import { publishedVersion, settingsChange, type Publication, type Publisher, type SettingsVersion } from '../shops/versioned-settings.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import type { ReturnCase } from './case.ts';
import type { DryRunInput } from './dry-run.ts';
import type { ReturnPolicy } from './policy.ts';
import { alreadyReturned } from './request.ts';

/** Who published a version. */
export type PolicyPublisher = Publisher;

/** The policy a shop decides returns with, and where it came from. Version 0: the default, never published. */
export type PolicyVersion = SettingsVersion<'policy', ReturnPolicy>;

/** The dry run may look at this many of the latest orders, at most. */
export const maxDryRunOrders = 1000;

/** The draft as it is published over `current`, as the next version (see publishedVersion). */
export function nextVersion(current: PolicyVersion, draft: ReturnPolicy, published: Publication): PolicyVersion {
  return publishedVersion('policy', current, draft, published);
}

/** What the audit record of a publication shows: the versions and the settings that changed. */
export function policyChange(before: PolicyVersion, after: PolicyVersion): { before: Record<string, unknown>; after: Record<string, unknown> } {
  return settingsChange('policy', before, after);
}

/** The order eligibility takes, from its stored state; none while only its fulfilments or refunds arrived. */
export function orderOfState(state: OrderState): NormalizedOrder | undefined {
  if (!state.order) return undefined;
  return { ...state.order, fulfillments: Object.values(state.fulfillments), refunds: Object.values(state.refunds) };
}

/** The dry run's orders: each known order with the units its returns already hold. */
export function dryRunOrders(states: readonly OrderState[], casesOf: (orderId: string) => readonly ReturnCase[]): DryRunInput['orders'] {
  return states.flatMap((state) => {
    const order = orderOfState(state);
    if (!order) return [];
    const returned = alreadyReturned(casesOf(state.orderId));
    return [Object.keys(returned).length ? { order, alreadyReturned: returned } : { order }];
  });
}
