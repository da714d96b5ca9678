import { describe, expect, it } from 'vitest';
import { dryRunDelaySettings, type DelayDryRunInput } from '../../../shared/delays/settings-dry-run.ts';
import { delaySettingsInEffect } from '../../../shared/delays/settings-publication.ts';
import { defaultDelaySettings } from '../../../shared/delays/settings.ts';
import type { DelayWatch } from '../../../shared/delays/watch.ts';
import { expectedDeliverBy, expectedShipBy, order, parcel, placedAt, settings, state, timeZone } from './fixtures.ts';

/** Wednesday 8 May, noon in Paris: before the default ship-by (end of that day). */
const now = new Date('2024-05-08T10:00:00Z');
const awaiting = (orderId: string) => state(order({ orderId, orderNumber: `#${orderId}` }), [], { orderId });
const run = (draft: Parameters<typeof settings>[0], orders: DelayDryRunInput['orders'] = [{ state: awaiting('1001') }]) => dryRunDelaySettings({ current: defaultDelaySettings, draft: settings(draft), orders, timeZone, now });

describe('dryRunDelaySettings', () => {
  it('changes nothing when the draft decides as the settings in effect', () => {
    const result = run({ version: 3 });
    expect(result.changes).toEqual([]);
    expect(result.totals).toEqual({ orders: 1, open: 1, changed: 0, shipByMoved: 0, deliverByMoved: 0, becomeLate: 0, noLongerLate: 0 });
  });

  it('moves ship-by and deliver-by with the handling days and says which orders would now be late', () => {
    const result = run({ handling: { defaultDays: 1 } });
    expect(result.totals).toMatchObject({ open: 1, changed: 1, shipByMoved: 1, deliverByMoved: 1, becomeLate: 1, noLongerLate: 0 });
    const [change] = result.changes;
    expect(change).toMatchObject({ orderId: '1001', orderNumber: '#1001', phase: 'awaiting_shipment', changed: ['shipBy', 'deliverBy', 'late'] });
    expect(change!.before).toEqual({ watched: true, shipBy: expectedShipBy, deliverBy: expectedDeliverBy, late: [] });
    // One business day: end of Tuesday 7 May in Paris, already passed at noon on Wednesday.
    expect(change!.after).toMatchObject({ shipBy: '2024-05-07T21:59:59.000Z', late: ['not_shipped_in_time'] });
  });

  it('only looks at open orders: delivered and cancelled ones are counted but not decided', () => {
    const delivered = state(order({ orderId: 'd', fulfillmentStatus: 'fulfilled' }), [parcel({ orderId: 'd', shipmentStatus: 'delivered', deliveredAt: '2024-05-08T08:00:00Z' })], { orderId: 'd' });
    const cancelled = state(order({ orderId: 'c', cancelledAt: placedAt }), [], { orderId: 'c' });
    const result = run({ handling: { defaultDays: 1 } }, [{ state: delivered }, { state: cancelled }, { state: awaiting('1001') }]);
    expect(result.totals).toMatchObject({ orders: 3, open: 1, changed: 1 });
    expect(result.changes.map((change) => change.orderId)).toEqual(['1001']);
  });

  it('keeps a storefront promise: the settings do not move it', () => {
    const promised = state(order({ orderId: 'p', shipBy: '2024-05-10T16:00:00Z', deliverBy: '2024-05-20T16:00:00Z' }), [], { orderId: 'p' });
    expect(run({ handling: { defaultDays: 10 }, transit: { defaultDays: 30 } }, [{ state: promised }]).changes).toEqual([]);
  });

  it('moves the stalled-tracking time and deliver-by of a parcel in transit with its carrier rules', () => {
    const shipped = state(order({ fulfillmentStatus: 'fulfilled' }), [parcel()]);
    const result = run({ stalled: { byCarrier: [{ carrier: 'ups', days: 1 }] }, transit: { byCarrier: [{ carrier: 'ups', days: 1 }] } }, [{ state: shipped }]);
    const [change] = result.changes;
    // Both still ahead at noon on Wednesday: nothing becomes late.
    expect(change).toMatchObject({ phase: 'in_transit', changed: ['deliverBy', 'trackingStalled'] });
    // Its last carrier event, Tuesday 14:00 UTC, plus five days (the default), plus one (UPS in the draft).
    expect(change!.before.trackingStalledAt).toBe('2024-05-12T14:00:00.000Z');
    expect(change!.after.trackingStalledAt).toBe('2024-05-08T14:00:00.000Z');
    expect(change!.after.deliverBy).toBe('2024-05-08T21:59:59.000Z');
    expect(change!.before.shipBy).toBeUndefined();
  });

  it('says which orders stop being watched when the draft turns the flow off, and which stop being late', () => {
    const late = dryRunDelaySettings({ current: settings({ handling: { defaultDays: 1 } }), draft: settings({ enabled: false }), orders: [{ state: awaiting('1001') }], timeZone, now });
    expect(late.changes[0]).toMatchObject({ changed: ['watched', 'shipBy', 'deliverBy', 'late'], after: { watched: false, late: [] } });
    expect(late.totals).toMatchObject({ becomeLate: 0, noLongerLate: 1 });
  });

  it('shows the next ladder step of an order with an open delay', () => {
    const watch = {
      shopId: 'acme',
      orderId: 'gid://shopify/Order/1001',
      placedAt,
      phase: 'in_transit',
      deadlines: { originalDeliverBy: '2024-05-01T00:00:00.000Z' },
      timers: [],
      generations: {},
      delays: [{ delayId: 'dly_1', key: 'k', reason: 'delivery_overdue', severity: 'medium', detectedBy: 'timer', detectedAt: '2024-05-01T00:00:00.000Z' }],
      notices: [],
      updatedAt: placedAt,
    } satisfies DelayWatch;
    const shipped = state(order({ fulfillmentStatus: 'fulfilled' }), [parcel()]);
    const result = run({ ladder: [{ afterDays: 5, action: 'reassure' }, { afterDays: 9, action: 'offer_choice' }] }, [{ state: shipped, watch }]);
    const [change] = result.changes;
    expect(change!.changed).toContain('ladder');
    // Defaults: reassure after 11 days (12 May); the draft: the offer after 9 days (10 May), the reassurance (6 May) is past.
    expect(change!.before.nextLadderStep).toEqual({ step: 1, action: 'reassure', dueAt: '2024-05-12T00:00:00.000Z' });
    expect(change!.after.nextLadderStep).toEqual({ step: 2, action: 'offer_choice', dueAt: '2024-05-10T00:00:00.000Z' });
    // Without an open delay there is no ladder to show.
    expect(run({ ladder: [{ afterDays: 5, action: 'reassure' }] }, [{ state: shipped, watch: { ...watch, delays: [] } }]).changes).toEqual([]);
  });
});

describe('delaySettingsInEffect', () => {
  it('is the shop config’s settings (else the defaults) as version 0 until a version is published', () => {
    const fromConfig = settings({ handling: { defaultDays: 4 } });
    const none = { version: 0, settings: defaultDelaySettings };
    expect(delaySettingsInEffect(none, fromConfig)).toEqual({ version: 0, settings: fromConfig });
    expect(delaySettingsInEffect(none, undefined)).toEqual({ version: 0, settings: defaultDelaySettings });
    const published = { version: 2, settings: settings({ version: 2, handling: { defaultDays: 1 } }), reason: 'Faster', publishedAt: placedAt };
    expect(delaySettingsInEffect(published, fromConfig)).toBe(published);
  });
});
