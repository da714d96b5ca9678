// Filing a parcel claim: what the order contradicts is refused naming the field; the rest is
// announced as ParcelClaimFiled for the engine to decide.
import { describe, expect, it } from 'vitest';
import { ParcelClaimFiled } from '../../../shared/events/refunds.ts';
import { fileParcelClaim } from '../../../shared/refunds/claim-filing.ts';
import { line, order } from './fixtures.ts';

const theOrder = order([line('L1', 2, 5000), line('L2', 1, 600)], { shipping: 1000 });
const base = { claimId: 'clm_1', order: theOrder, source: 'customer' as const, now: new Date('2024-06-01T12:00:00Z'), eventId: 'evt-1' };

describe('fileParcelClaim', () => {
  it('announces a claim of the whole parcel as ParcelClaimFiled, with the decision id it will get', () => {
    const result = fileParcelClaim({ ...base, kind: 'not_delivered', comment: 'Nothing in the mailbox' });
    expect(result).toMatchObject({ ok: true, claimId: 'clm_1', decisionId: 'dec_clm_1' });
    if (!result.ok) return;
    expect(result.event.definition).toBe(ParcelClaimFiled);
    const detail = ParcelClaimFiled.detail.parse(result.event.detail);
    expect(detail).toMatchObject({ shopId: 'acme', orderId: 'o1', claimId: 'clm_1', kind: 'not_delivered', source: 'customer', comment: 'Nothing in the mailbox', occurredAt: '2024-06-01T12:00:00.000Z' });
    expect(detail.lines).toBeUndefined();
    expect(detail.customer.email).toBe('ada@example.com');
  });

  it('keeps the lines, photos and the delay of a claim', () => {
    const result = fileParcelClaim({ ...base, source: 'delay_ladder', delayId: 'dly_1', kind: 'damaged_in_transit', lines: [{ lineId: 'L1', quantity: 1 }], photos: ['https://img.example/1.jpg'] });
    expect(result.ok && ParcelClaimFiled.detail.parse(result.event.detail)).toMatchObject({ lines: [{ lineId: 'L1', quantity: 1 }], photos: ['https://img.example/1.jpg'], source: 'delay_ladder', delayId: 'dly_1' });
  });

  it('refuses lines that are not on the order, listed twice, or more units than ordered, naming each field', () => {
    const result = fileParcelClaim({
      ...base,
      kind: 'missing_item',
      lines: [
        { lineId: 'L9', quantity: 1 },
        { lineId: 'L1', quantity: 3 },
        { lineId: 'L2', quantity: 1 },
        { lineId: 'L2', quantity: 1 },
      ],
    });
    expect(result).toEqual({
      ok: false,
      detail: 'The claim does not match order #1001: body.lines[0].lineId is not a line of order #1001',
      errors: [
        { path: 'body.lines[0].lineId', message: 'is not a line of order #1001' },
        { path: 'body.lines[1].quantity', message: 'is more than the 2 ordered' },
        { path: 'body.lines[3].lineId', message: 'is listed twice' },
      ],
    });
  });
});
