import { describe, expect, it } from 'vitest';
import { normalizeOrderNumber, orderNumberKey } from '#shared/customers/order-number.ts';

describe('normalizeOrderNumber', () => {
  it('trims, drops one leading # and lower-cases', () => {
    expect(['#1001', '1001 ', ' # 1001', '1001'].map(normalizeOrderNumber)).toEqual(['1001', '1001', '1001', '1001']);
    expect(normalizeOrderNumber('#EU-1001')).toBe('eu-1001');
    expect(normalizeOrderNumber('##7')).toBe('#7');
  });

  it('keys an order number by shop', () => {
    expect(orderNumberKey('demo-shopify', '#1001')).toBe('ORDERNO#demo-shopify#1001');
  });
});
