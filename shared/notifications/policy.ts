// Whether, when and how a requested message goes out. Plain domain code: the sender loads the
// facts (consent, opt-outs, suppressions, recent marketing) and acts on the decision.
//   - Transactional messages need no consent; when email is impossible they fall back to SMS.
//   - Marketing needs the storefront's consent (or an opt-in through our preferences page) on the
//     channel, no opt-out, waits out quiet hours in the customer's time zone and respects a cap.
import type { Channel } from '../events/common.ts';

export type SuppressionReason = 'duplicate' | 'no_marketing_consent' | 'unsubscribed' | 'bounced' | 'complained' | 'no_reachable_channel' | 'frequency_cap' | 'invalid_recipient';

/** What we know about one address (an email or a phone number) of a shop's customer. */
export interface AddressStatus {
  /** Set by SES bounces (permanent) and complaints: nothing more goes to this email. */
  suppressed?: 'bounced' | 'complained';
  /** SMS STOP: nothing more goes to this number until START. */
  stopped?: boolean;
  /** Marketing choice made through our unsubscribe link or preferences page; overrides the storefront's. */
  marketing?: 'opted_in' | 'opted_out';
}

export interface MarketingRules {
  /** Local hours during which marketing waits: from `start` (inclusive) to `end` (exclusive), wrapping midnight. */
  quietHours: { start: number; end: number };
  /** Marketing messages per customer in any 7 days. */
  weeklyCap: number;
}

export const defaultMarketingRules: MarketingRules = { quietHours: { start: 21, end: 8 }, weeklyCap: 3 };

export interface DeliveryFacts {
  now: Date;
  category: 'transactional' | 'marketing';
  channelPreference: readonly Channel[];
  recipient: { email?: string; phone?: string };
  /** The storefront's marketing consent per channel (`subscribed` counts as consent). */
  storefrontConsent: { email?: string; sms?: string };
  addresses: { email?: AddressStatus; sms?: AddressStatus };
  /** Marketing messages sent to the customer in the last 7 days. */
  marketingSentThisWeek: number;
  timeZone: string;
  notBefore?: string;
  rules?: MarketingRules;
}

export type DeliveryDecision =
  | { action: 'send'; channel: Channel; to: string; fallback: boolean }
  | { action: 'suppress'; reason: SuppressionReason; channel?: Channel }
  | { action: 'defer'; until: string; why: 'not_before' | 'quiet_hours' };

function refusal(channel: Channel, facts: DeliveryFacts): SuppressionReason | undefined {
  const to = channel === 'email' ? facts.recipient.email : facts.recipient.phone;
  if (!to) return 'no_reachable_channel';
  const status = facts.addresses[channel] ?? {};
  if (channel === 'email' && status.suppressed) return status.suppressed;
  if (channel === 'sms' && status.stopped) return 'unsubscribed';
  if (facts.category === 'marketing') {
    if (status.marketing === 'opted_out') return 'unsubscribed';
    if (status.marketing !== 'opted_in' && facts.storefrontConsent[channel] !== 'subscribed') return 'no_marketing_consent';
  }
  return undefined;
}

/** The hour (0-23) on the wall clock of `timeZone`. */
export function localHour(at: Date, timeZone: string): number {
  const hour = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', hourCycle: 'h23', timeZone }).format(at);
  return Number(hour);
}

const inQuietHours = (hour: number, { start, end }: MarketingRules['quietHours']) => (start > end ? hour >= start || hour < end : hour >= start && hour < end);

/** The first quarter-hour after `at` outside quiet hours in `timeZone` (DST-safe by stepping). */
export function endOfQuietHours(at: Date, timeZone: string, quietHours: MarketingRules['quietHours']): Date {
  const step = 15 * 60_000;
  let candidate = new Date(Math.ceil(at.getTime() / step) * step);
  for (let i = 0; i < 4 * 26 && inQuietHours(localHour(candidate, timeZone), quietHours); i++) candidate = new Date(candidate.getTime() + step);
  return candidate;
}

export function decideDelivery(facts: DeliveryFacts): DeliveryDecision {
  if (facts.notBefore && Date.parse(facts.notBefore) > facts.now.getTime()) return { action: 'defer', until: facts.notBefore, why: 'not_before' };
  const preferred = [...facts.channelPreference];
  // A transactional message must reach the customer: try the other channel when the preferred ones fail.
  const candidates: Channel[] = facts.category === 'transactional' ? [...preferred, ...(['email', 'sms'] as const).filter((channel) => !preferred.includes(channel))] : preferred;
  const reasons: SuppressionReason[] = [];
  let chosen: Channel | undefined;
  for (const channel of candidates) {
    const reason = refusal(channel, facts);
    if (!reason) {
      chosen = channel;
      break;
    }
    reasons.push(reason);
  }
  if (!chosen) {
    // The most telling reason: an explicit refusal beats a missing address.
    const reason = reasons.find((candidate) => candidate !== 'no_reachable_channel') ?? 'no_reachable_channel';
    return { action: 'suppress', reason, channel: candidates[reasons.indexOf(reason)] };
  }
  if (facts.category === 'marketing') {
    const rules = facts.rules ?? defaultMarketingRules;
    if (facts.marketingSentThisWeek >= rules.weeklyCap) return { action: 'suppress', reason: 'frequency_cap', channel: chosen };
    if (inQuietHours(localHour(facts.now, facts.timeZone), rules.quietHours)) {
      return { action: 'defer', until: endOfQuietHours(facts.now, facts.timeZone, rules.quietHours).toISOString(), why: 'quiet_hours' };
    }
  }
  const to = (chosen === 'email' ? facts.recipient.email : facts.recipient.phone)!;
  return { action: 'send', channel: chosen, to, fallback: !preferred.includes(chosen) || chosen !== preferred[0] };
}
