// The fake storefront's discount codes, in memory, per store: each created once per idempotency
// key (the contract of shared/storefronts/discount-port.ts), with a unique code, listable for tests.
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { DiscountCode, DiscountRequest } from '../../../shared/storefronts/discount-port.ts';

export type StoredDiscount = DiscountCode & z.output<typeof DiscountRequest> & { createdAt: string };

export class DiscountBook {
  private readonly stores = new Map<string, StoredDiscount[]>();

  constructor(private readonly now: () => Date) {}

  list(store: string): StoredDiscount[] {
    return [...(this.stores.get(store) ?? [])];
  }

  /** The discount created under `request.key`, or a new one with a code no other discount of the store has. */
  create(store: string, request: z.output<typeof DiscountRequest>): { discount: StoredDiscount; created: boolean } {
    const discounts = this.stores.get(store) ?? [];
    this.stores.set(store, discounts);
    const existing = discounts.find((d) => d.key === request.key);
    if (existing) return { discount: existing, created: false };
    let code: string;
    // Lower-case hex: a code in capitals reads as shouting in a message.
    do code = `${request.codePrefix ?? 'Code'}-${randomBytes(4).toString('hex')}`;
    while (discounts.some((d) => d.code === code));
    const discount: StoredDiscount = { ...request, discountId: `disc_${discounts.length + 1}_${randomBytes(3).toString('hex')}`, code, createdAt: this.now().toISOString() };
    discounts.push(discount);
    return { discount, created: true };
  }
}
