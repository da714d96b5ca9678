import { describe, expect, it } from 'vitest';
import { pickShopOrder } from '../../../shared/returns/order-lookup.ts';

describe('pickShopOrder', () => {
  it('finds the one shop with the order', () => {
    expect(pickShopOrder([{ shopId: 'a', order: undefined }, { shopId: 'b', order: 'order-b' }])).toEqual({ kind: 'found', shopId: 'b', order: 'order-b' });
  });

  it('finds none when no shop has it', () => {
    expect(pickShopOrder([{ shopId: 'a', order: undefined }])).toEqual({ kind: 'none' });
    expect(pickShopOrder([])).toEqual({ kind: 'none' });
  });

  it('names every shop that has it when more than one does', () => {
    expect(pickShopOrder([{ shopId: 'a', order: 1 }, { shopId: 'b', order: undefined }, { shopId: 'c', order: 3 }])).toEqual({ kind: 'ambiguous', shopIds: ['a', 'c'] });
  });
});
