import { describe, expect, it } from 'vitest';
import { ReturnCase, type ReturnStatus } from '../../../shared/returns/case.ts';
import { carrierDecision, isCarrierNews, normalizeTrackingNumber, type CarrierUpdate } from '../../../shared/returns/shipment.ts';

const t0 = Date.parse('2031-03-01T10:00:00Z');
const at = (hours: number) => new Date(t0 + hours * 3_600_000).toISOString();

function trackedCase(status: ReturnStatus, tracking: ReturnCase['tracking'] = { trackingNumber: '1Z 999 AA' }): ReturnCase {
  return ReturnCase.parse({
    id: 'ret-1',
    shopId: 'acme',
    orderId: 'ord-1',
    orderNumber: '#1001',
    customer: { id: 'cust-1', email: 'ada@example.com', locale: 'en' },
    status,
    lines: [{ lineItemId: 'l1', quantity: 1, reason: 'too_small', resolution: 'refund' }],
    createdAt: at(0),
    updatedAt: at(0),
    version: 2,
    deadlines: { slaDueAt: at(24) },
    tracking,
    history: [],
    timers: [],
  });
}

const update = (status: CarrierUpdate['status'], hours: number, trackingNumber = '1z999aa'): CarrierUpdate => ({ trackingNumber, status, occurredAt: at(hours) });

describe('normalizeTrackingNumber', () => {
  it('ignores case and spaces', () => {
    expect(normalizeTrackingNumber(' 1z 999\taa ')).toBe('1Z999AA');
  });
});

describe('isCarrierNews', () => {
  const seen = (status: CarrierUpdate['status'], hours: number) => ({ trackingNumber: '1Z', status, statusAt: at(hours) });

  it('takes any first news, and later steps of the parcel’s progress', () => {
    expect(isCarrierNews(undefined, update('delivered', 1))).toBe(true);
    expect(isCarrierNews(seen('in_transit', 1), update('out_for_delivery', 2))).toBe(true);
    expect(isCarrierNews(seen('in_transit', 1), update('exception', 2))).toBe(true);
    expect(isCarrierNews(seen('exception', 2), update('in_transit', 3))).toBe(true);
  });

  it('refuses a repeat, an older update, a step already past, and anything after a return to sender', () => {
    expect(isCarrierNews(seen('in_transit', 1), update('in_transit', 5))).toBe(false);
    expect(isCarrierNews(seen('exception', 5), update('delivered', 4))).toBe(false);
    expect(isCarrierNews(seen('delivered', 5), update('out_for_delivery', 6))).toBe(false);
    expect(isCarrierNews(seen('returned_to_sender', 5), update('delivered', 9))).toBe(false);
  });
});

describe('carrierDecision', () => {
  it('ships a case waiting for the parcel: a label scan from the label provider, any other status from the carrier', () => {
    expect(carrierDecision(trackedCase('approved'), { ...update('label_scanned', 1), carrierCode: 'ups' })).toEqual({
      kind: 'apply',
      command: { type: 'shipped', source: 'label_scan', status: 'label_scanned', occurredAt: at(1), carrierCode: 'ups' },
    });
    expect(carrierDecision(trackedCase('awaiting_shipment'), { ...update('in_transit', 1), description: 'Departed' })).toEqual({
      kind: 'apply',
      command: { type: 'shipped', source: 'carrier', status: 'in_transit', occurredAt: at(1), description: 'Departed' },
    });
  });

  it('records news of a parcel in transit, and ignores what it is already past', () => {
    const moving = trackedCase('in_transit', { trackingNumber: '1Z999AA', status: 'in_transit', statusAt: at(2) });
    expect(carrierDecision(moving, update('delivered', 9))).toEqual({ kind: 'apply', command: { type: 'carrierUpdate', status: 'delivered', occurredAt: at(9) } });
    expect(carrierDecision(moving, update('in_transit', 2))).toEqual({ kind: 'ignore', reason: 'the parcel is already past in_transit' });
    expect(carrierDecision(moving, update('label_scanned', 1))).toMatchObject({ kind: 'ignore' });
  });

  it('ignores updates for a case past transit, or whose tracking number has changed since', () => {
    expect(carrierDecision(trackedCase('received'), update('delivered', 9))).toEqual({ kind: 'ignore', reason: 'the return is received' });
    expect(carrierDecision(trackedCase('awaiting_shipment', { trackingNumber: '9400' }), update('in_transit', 1))).toEqual({ kind: 'ignore', reason: 'the case now has another tracking number' });
  });
});
