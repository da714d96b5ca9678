// Publishing a shop's return policy: the version a draft becomes, what an audit record says changed,
// and the stored orders a dry run evaluates. Pure; shared/adapters/return-policy-store.ts reads and
// writes, functions/returns/policy.ts answers the supervisor's routes.
import type { OrderState } from '../ingest/order-state.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import type { ReturnCase } from './case.ts';
import type { DryRunInput } from './dry-run.ts';
import type { ReturnPolicy } from './policy.ts';
import { alreadyReturned } from './request.ts';

/** Who published a version. */
export interface PolicyPublisher {
  sub: string;
  email?: string;
  role: string;
}

/** The policy a shop decides returns with, and where it came from. Version 0: the default, never published. */
export interface PolicyVersion {
  version: number;
  policy: ReturnPolicy;
  publishedAt?: string;
  publishedBy?: PolicyPublisher;
  reason?: string;
}

/** The dry run may look at this many of the latest orders, at most. */
export const maxDryRunOrders = 1000;

/**
 * The draft as it is published over `current`: its `version` is the next one, whatever the draft
 * said, so the stored policy and the version of the item holding it never disagree.
 */
export function nextVersion(current: PolicyVersion, draft: ReturnPolicy, published: { at: Date; by: PolicyPublisher; reason: string }): PolicyVersion {
  const version = current.version + 1;
  return { version, policy: { ...draft, version }, publishedAt: published.at.toISOString(), publishedBy: published.by, reason: published.reason };
}

/**
 * What the audit record shows: the version, and only the top-level settings that differ, before
 * and after. A whole policy twice would make the record hard to read (and large: exclusion lists).
 */
export function policyChange(before: PolicyVersion, after: PolicyVersion): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const previous = before.policy as unknown as Record<string, unknown>;
  const next = after.policy as unknown as Record<string, unknown>;
  const changed = [...new Set([...Object.keys(previous), ...Object.keys(next)])]
    .filter((key) => key !== 'version' && JSON.stringify(previous[key]) !== JSON.stringify(next[key]))
    .sort();
  const pick = (policy: Record<string, unknown>) => Object.fromEntries(changed.filter((key) => policy[key] !== undefined).map((key) => [key, policy[key]]));
  return { before: { version: before.version, ...pick(previous) }, after: { version: after.version, ...pick(next) } };
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
