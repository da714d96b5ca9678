// Order numbers as customers type them: "#1001", "1001 " and "1001" name the same order. Applied
// both when an order is stored (the gsi2 lookup key) and when a customer signs in, so they match.

/** Trimmed, without a leading '#', lower-cased (some storefronts use letter prefixes). */
export function normalizeOrderNumber(orderNumber: string): string {
  return orderNumber.trim().replace(/^#\s*/, '').toLowerCase();
}

/** The gsi2 partition of an order: its shop and normalized number. */
export function orderNumberKey(shopId: string, orderNumber: string): string {
  return `ORDERNO#${shopId}#${normalizeOrderNumber(orderNumber)}`;
}
