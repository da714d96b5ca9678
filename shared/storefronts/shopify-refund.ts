// Shopify refunds (the Refund resource of `refunds/create`, and the `refunds` embedded in orders)
// to NormalizedRefund.
//
// - `amount` is what went back: the sum of `transactions` of kind `refund` and status `success`
//   (a pending gateway refund has not moved money yet). Without such transactions (a refund with
//   only restocking, or a gateway still pending), it falls back to the refunded lines plus shipping.
// - Lines: `refund_line_items[]` matched to the order's line ids (`line_item_id`); the amount of a
//   line is `subtotal_set` plus `total_tax_set` (the subtotal already includes tax when the shop's
//   prices do: `taxes_included`).
// - Shipping: `refund_shipping_lines` (newer API versions) or else `order_adjustments` of kind
//   `shipping_refund` (negative amounts), tax included the same way.
// - `restock`: whether refunded lines went back to stock (`restock_type` return, cancel or
//   legacy_restock), else the deprecated `restock` flag.
import { clip } from './fields.ts';
import type { NormalizedRefund, RefundLine } from './normalized.ts';
import type { Field } from './read.ts';
import { bagAmount, currenciesFromBags, money, optBagAmount, sum, type ShopifyCurrencies } from './shopify-money.ts';

export interface RefundContext {
  shopId: string;
  /** The order's currencies when the refund is embedded in it; read from the refund otherwise. */
  currencies?: ShopifyCurrencies;
  /** The order's `taxes_included`; refunds/create does not carry it (default: false). */
  taxesIncluded: boolean;
  orderId?: string;
}

const restockTypes = new Set(['return', 'cancel', 'legacy_restock']);

function refundCurrencies(refund: Field): ShopifyCurrencies {
  const bags = [
    ...refund.get('refund_line_items').items().map((item) => item.get('subtotal_set')),
    ...refund.get('refund_shipping_lines').items().map((line) => line.get('subtotal_amount_set')),
    ...refund.get('order_adjustments').items().map((adjustment) => adjustment.get('amount_set')),
  ];
  return (
    currenciesFromBags(bags, refund.get('transactions').items()[0]?.get('currency')) ??
    refund.get('transactions').fail('missing_field', 'no amount or transaction tells the refund currency')
  );
}

function refundLine(item: Field, currencies: ShopifyCurrencies, taxesIncluded: boolean): RefundLine | undefined {
  const quantity = item.get('quantity').int();
  if (quantity <= 0) return undefined;
  const lineId = item.get('line_item_id').optId() ?? item.get('line_item').get('id').id();
  const subtotal = bagAmount(item, 'subtotal', currencies);
  const tax = taxesIncluded ? 0 : (optBagAmount(item, 'total_tax', currencies) ?? 0);
  return { lineId, quantity, amount: money(subtotal + tax, currencies) };
}

function shippingRefund(refund: Field, currencies: ShopifyCurrencies, taxesIncluded: boolean): number {
  const shippingLines = refund.get('refund_shipping_lines').items();
  if (shippingLines.length > 0) {
    return sum(
      shippingLines.map((line) => {
        const amount = Math.abs(bagAmount(line, 'subtotal_amount', currencies, { signed: true }));
        const tax = taxesIncluded ? 0 : Math.abs(optBagAmount(line, 'tax_amount', currencies, { signed: true }) ?? 0);
        return amount + tax;
      }),
    );
  }
  return sum(
    refund
      .get('order_adjustments')
      .items()
      .filter((adjustment) => adjustment.get('kind').optString() === 'shipping_refund')
      .map((adjustment) => {
        const amount = Math.abs(bagAmount(adjustment, 'amount', currencies, { signed: true }));
        const tax = taxesIncluded ? 0 : Math.abs(optBagAmount(adjustment, 'tax_amount', currencies, { signed: true }) ?? 0);
        return amount + tax;
      }),
  );
}

/** Successful refund transactions in the refund currency, or undefined when there are none to trust. */
function transactionsAmount(refund: Field, currencies: ShopifyCurrencies): number | undefined {
  const transactions = refund
    .get('transactions')
    .items()
    .filter((transaction) => transaction.get('kind').optString() === 'refund' && transaction.get('status').optString() === 'success');
  if (transactions.length === 0) return undefined;
  // A transaction in another currency (the shop's) cannot be added to presentment amounts.
  if (transactions.some((transaction) => (transaction.get('currency').optString() ?? currencies.presentment) !== currencies.presentment)) return undefined;
  return sum(transactions.map((transaction) => transaction.get('amount').money(currencies.presentment)));
}

export function shopifyRefund(refund: Field, context: RefundContext): NormalizedRefund {
  refund.required();
  const currencies = context.currencies ?? refundCurrencies(refund);
  const items = refund.get('refund_line_items').items();
  const lines = items.map((item) => refundLine(item, currencies, context.taxesIncluded)).filter((line) => line !== undefined);
  const shipping = shippingRefund(refund, currencies, context.taxesIncluded);
  const amount = transactionsAmount(refund, currencies) ?? sum(lines.map((line) => line.amount.amount)) + shipping;
  const restockFlags = items.map((item) => item.get('restock_type').optString()).filter((type) => type !== undefined);

  return {
    shopId: context.shopId,
    refundId: refund.get('id').id(),
    orderId: refund.get('order_id').optId() ?? context.orderId ?? refund.get('order_id').id(),
    createdAt: refund.get('created_at').optDatetime() ?? refund.get('processed_at').datetime(),
    amount: money(amount, currencies),
    lines,
    shipping: shipping > 0 ? money(shipping, currencies) : undefined,
    note: clip(refund.get('note').optString(), 1000),
    restock: restockFlags.length > 0 ? restockFlags.some((type) => restockTypes.has(type)) : refund.get('restock').optBool(),
  };
}
