// The payment port against Shopify itself (`payments.provider: 'shopify'`): the refund is made on the
// Shopify order, through the gateway that took the payment, with the Admin REST API:
//   POST orders/<id>/refunds/calculate.json   which transactions can be refunded (parent_id, gateway,
//                                             maximum_refundable), with no line items: money only,
//                                             since restocking is the return's business
//   POST orders/<id>/refunds.json             {refund: {note, notify: false, transactions: [{parent_id,
//                                             amount, kind: 'refund', gateway}]}}
//   GET  orders/<id>/refunds.json             the order's refunds, for `lookup`
// Shopify takes no idempotency key on refunds, so ours rides in the refund's `note` ("... [<key>]") and
// `refund` first looks for a refund carrying it: a replay answers the first refund, never a second.
// The Shopify refund id is the provider refund id, so the `refunds/create` webhook that echoes it is
// reconciled as ours (shared/payments/reconcile.ts).
import { PaymentProviderError, PaymentsNotConfiguredError, type LookupResult, type PaymentPort, type RefundRequest, type RefundResult } from '../payments/payment-port.ts';
import { fromDecimal, shopifyAdmin, shopifyErrors, toDecimal, type ShopifyAdminEndpoint, type ShopifyAdminEndpoints } from './shopify-admin.ts';

interface ShopifyTransaction {
  id?: number | string;
  parent_id?: number | string | null;
  kind?: string;
  gateway?: string;
  status?: string;
  amount?: string;
  maximum_refundable?: string;
  error_code?: string | null;
}
interface ShopifyRefund {
  id: number | string;
  note?: string | null;
  transactions?: ShopifyTransaction[];
}

/** The marker of our key in a refund note. */
export const noteMarker = (key: string) => `[${key}]`;

export class ShopifyRefunds implements PaymentPort {
  constructor(
    private readonly endpoints: ShopifyAdminEndpoints,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly timeoutMs = 10_000,
  ) {}

  async refund(request: RefundRequest): Promise<RefundResult> {
    const { key, shopId, orderId, amount, reason } = request;
    const endpoint = await this.endpoint(shopId);
    const earlier = await this.findByKey(endpoint, orderId, key);
    if (earlier) return resultOf(earlier);

    const calculated = await this.call(endpoint, 'POST', `orders/${encodeURIComponent(orderId)}/refunds/calculate.json`, { refund: { currency: amount.currency, shipping: { amount: '0' }, refund_line_items: [] } });
    if (calculated.status === 404) return { status: 'declined', declineCode: 'order_not_found' };
    if (calculated.status !== 200) throw new PaymentProviderError(`Shopify refunds/calculate answered ${calculated.status}: ${shopifyErrors(calculated.json)}`);
    const suggestion = (calculated.json as { refund?: { currency?: string; transactions?: ShopifyTransaction[] } }).refund;
    if (suggestion?.currency && suggestion.currency !== amount.currency) return { status: 'declined', declineCode: 'currency_mismatch' };
    const transactions = planTransactions(suggestion?.transactions ?? [], amount.amount, amount.currency);
    if (!transactions) return { status: 'declined', declineCode: 'exceeds_refundable' };

    const body = { refund: { currency: amount.currency, notify: false, note: `${reason.slice(0, 200)} ${noteMarker(key)}`, transactions } };
    const created = await this.call(endpoint, 'POST', `orders/${encodeURIComponent(orderId)}/refunds.json`, body);
    // Shopify refused the refund itself (more than refundable, a gateway that cannot refund): final.
    if (created.status === 422) return { status: 'declined', declineCode: 'shopify_rejected' };
    const refund = (created.json as { refund?: ShopifyRefund } | undefined)?.refund;
    if (![200, 201].includes(created.status) || !refund?.id) throw new PaymentProviderError(`Shopify refunds answered ${created.status}: ${shopifyErrors(created.json)}`);
    return resultOf(refund);
  }

  async lookup({ shopId, key, orderId }: { shopId: string; key: string; orderId?: string }): Promise<LookupResult> {
    if (!orderId) throw new PaymentProviderError('A Shopify refund is looked up on its order: the order id is needed');
    const found = await this.findByKey(await this.endpoint(shopId), orderId, key);
    return found ? resultOf(found) : { status: 'not_found' };
  }

  private async endpoint(shopId: string): Promise<ShopifyAdminEndpoint> {
    const endpoint = await this.endpoints(shopId);
    if (!endpoint) throw new PaymentsNotConfiguredError(`Shop ${shopId} has no Shopify Admin access for refunds`);
    return endpoint;
  }

  private async findByKey(endpoint: ShopifyAdminEndpoint, orderId: string, key: string): Promise<ShopifyRefund | undefined> {
    const listed = await this.call(endpoint, 'GET', `orders/${encodeURIComponent(orderId)}/refunds.json`);
    if (listed.status === 404) return undefined;
    if (listed.status !== 200) throw new PaymentProviderError(`Shopify GET refunds answered ${listed.status}: ${shopifyErrors(listed.json)}`);
    const refunds = (listed.json as { refunds?: ShopifyRefund[] }).refunds ?? [];
    return refunds.find((refund) => refund.note?.includes(noteMarker(key)));
  }

  private call(endpoint: ShopifyAdminEndpoint, method: string, path: string, body?: unknown) {
    return shopifyAdmin(endpoint, method, path, body, this.fetchImpl, this.timeoutMs);
  }
}

/** The refund transactions for `amount`, taken from the suggested ones in order; undefined when they cannot cover it. */
function planTransactions(suggested: ShopifyTransaction[], amount: number, currency: string) {
  const planned: { parent_id: number | string; amount: string; kind: 'refund'; gateway: string }[] = [];
  let left = amount;
  for (const transaction of suggested) {
    if (left === 0) break;
    if (transaction.parent_id === undefined || transaction.parent_id === null || !transaction.gateway) continue;
    const refundable = fromDecimal(transaction.maximum_refundable ?? transaction.amount ?? '0', currency);
    const take = Math.min(left, refundable);
    if (take <= 0) continue;
    planned.push({ parent_id: transaction.parent_id, amount: toDecimal(take, currency), kind: 'refund', gateway: transaction.gateway });
    left -= take;
  }
  return left === 0 ? planned : undefined;
}

function resultOf(refund: ShopifyRefund): RefundResult {
  const transactions = (refund.transactions ?? []).filter((transaction) => !transaction.kind || transaction.kind === 'refund');
  const failed = transactions.find((transaction) => transaction.status === 'failure' || transaction.status === 'error');
  const providerRefundId = String(refund.id);
  if (failed) return { status: 'declined', providerRefundId, declineCode: (failed.error_code || 'shopify_refund_failed').slice(0, 100) };
  const settled = transactions.length > 0 && transactions.every((transaction) => transaction.status === 'success');
  return { status: settled ? 'succeeded' : 'pending', providerRefundId };
}
