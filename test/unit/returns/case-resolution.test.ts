import { describe, expect, it } from 'vitest';
import { ReturnRequested } from '../../../shared/events/returns.ts';
import { caseResolution } from '../../../shared/returns/case-facts.ts';

const lines = (...resolutions: ('refund' | 'store_credit' | 'exchange' | 'keep')[]) => ({ lines: resolutions.map((resolution) => ({ resolution })) }) as never;

describe('caseResolution', () => {
  it('is an exchange only when every line is exchanged', () => {
    expect(caseResolution(lines('exchange', 'exchange'))).toBe('exchange');
    // A kept line is refunded: the case is not a pure exchange, so its event needs no replacement for it.
    expect(caseResolution(lines('exchange', 'keep'))).toBe('refund');
  });

  it('is store credit when nothing is refunded, else a refund', () => {
    expect(caseResolution(lines('store_credit', 'exchange'))).toBe('store_credit');
    expect(caseResolution(lines('store_credit', 'refund'))).toBe('refund');
    expect(caseResolution(lines('keep'))).toBe('refund');
  });

  it('keeps ReturnRequested valid for an exchange with a kept line', () => {
    const example = ReturnRequested.example;
    const detail = {
      ...example,
      resolution: caseResolution(lines('exchange', 'keep')),
      lines: [
        { lineId: 'a', quantity: 1, reason: 'too_small', exchangeFor: { variantId: 'v2' } },
        { lineId: 'b', quantity: 1, reason: 'damaged' },
      ],
    };
    expect(ReturnRequested.detail.safeParse(detail).success).toBe(true);
  });
});
