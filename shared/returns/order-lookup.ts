// Which shop a return request is for when the customer names only the order number and email:
// the one shop of the deployment with such an order. Pure: the caller looked in every shop.

export type ShopOrderLookup<T> = { kind: 'found'; shopId: string; order: T } | { kind: 'none' } | { kind: 'ambiguous'; shopIds: string[] };

/** `candidates`: per shop, the order with the number and email there, if any. */
export function pickShopOrder<T>(candidates: ReadonlyArray<{ shopId: string; order: T | undefined }>): ShopOrderLookup<T> {
  const found = candidates.filter((candidate): candidate is { shopId: string; order: T } => candidate.order !== undefined);
  if (found.length === 0) return { kind: 'none' };
  if (found.length > 1) return { kind: 'ambiguous', shopIds: found.map((candidate) => candidate.shopId) };
  return { kind: 'found', shopId: found[0]!.shopId, order: found[0]!.order };
}
