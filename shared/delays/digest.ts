// The duty team's daily digest of a shop's open delays: one ops_alert per shop and day, grouped by
// reason and then carrier (openDelayDigest), the oldest open delay named. Nothing when nothing is
// open. Its deduplication key is the shop's local date, so a second run the same day sends nothing.
import type { DetailInputOf } from '../events/define.ts';
import type { DelayReason } from '../events/delays.ts';
import type { NotificationRequested } from '../events/notifications.ts';
import { localDateOf } from './business-days.ts';
import { delayFactsOf, openDelayDigest } from './metrics.ts';
import { openDelays, type DelayWatch } from './watch.ts';

export type DelayDigestDetail = DetailInputOf<typeof NotificationRequested>;

export interface DigestShop {
  shopId: string;
  opsEmail: string;
  timeZone: string;
  locale: string;
}

/** The duty team's words for a reason (the alert's facts are data, in English like the per-delay alerts). */
export const reasonLabel: Readonly<Record<DelayReason, string>> = {
  not_shipped_in_time: 'not shipped in time',
  delivery_overdue: 'delivery overdue',
  tracking_stalled: 'tracking stalled',
  carrier_exception: 'carrier exception',
  customs_hold: 'held at customs',
  delivery_failed: 'delivery attempt failed',
  lost_in_transit: 'lost in transit',
  returned_to_sender: 'returned to sender',
};

const maxFacts = 12;

/** The digest of `watches` (the shop's watches with an open delay), or undefined when none is open. */
export function delayDigestAlert(shop: DigestShop, watches: readonly DelayWatch[], now: Date, complete = true): DelayDigestDetail | undefined {
  const open = watches.filter((watch) => openDelays(watch).length > 0);
  const digest = openDelayDigest(open.flatMap((watch) => delayFactsOf(watch)));
  if (digest.total === 0) return undefined;
  const date = localDateOf(now, shop.timeZone);
  const oldest = open.flatMap((watch) => openDelays(watch).map((delay) => ({ delay, watch }))).sort((a, b) => a.delay.detectedAt.localeCompare(b.delay.detectedAt))[0]!;
  const groups = digest.byReason.map((group) => ({
    label: `${reasonLabel[group.reason]}`.slice(0, 60),
    value: `${group.count}: ${group.byCarrier.map((c) => `${c.carrier} ${c.count}`).join(', ')}`.slice(0, 200),
  }));
  const facts = [
    { label: 'Orders with an open delay', value: `${open.length}${complete ? '' : ' (first ones only)'}` },
    ...groups.slice(0, maxFacts - 2),
    { label: 'Oldest open delay', value: `${oldest.watch.orderNumber ?? oldest.watch.orderId}, detected ${oldest.delay.detectedAt}` },
  ];
  const critical = open.some((watch) => openDelays(watch).some((delay) => delay.severity === 'critical'));
  return {
    version: 1,
    shopId: shop.shopId,
    occurredAt: now.toISOString(),
    notificationId: `ntf_dlydigest_${shop.shopId}_${date}`.slice(0, 100),
    // The alert is about no one customer: the duty team is its reader.
    customer: { id: `ops:${shop.shopId}`.slice(0, 100), email: shop.opsEmail, locale: shop.locale },
    messageType: 'ops_alert',
    category: 'transactional',
    deduplicationKey: `ops_digest:delays:${shop.shopId}:${date}`,
    recipient: { email: shop.opsEmail },
    channelPreference: ['email'],
    locale: 'en',
    templateData: {
      title: `Daily delay digest ${date}: ${digest.total} open ${digest.total === 1 ? 'delay' : 'delays'}`.slice(0, 120),
      summary: `${open.length} ${open.length === 1 ? 'order has' : 'orders have'} an open delay. Most: ${reasonLabel[digest.byReason[0]!.reason]} (${digest.byReason[0]!.count}).`.slice(0, 500),
      severity: critical ? 'critical' : 'warning',
      facts,
    },
  };
}
