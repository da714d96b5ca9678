// A deterministic synthetic store day for the demo Shopify shop: multi-line orders placed over one
// day (or several, for the demo), partial fulfilments, carrier events, return requests (some
// exchanges), orders that never ship (delays), carrier exceptions, refunds made in the storefront
// and customers who order twice. Output: every delivery the replay sends, in simulated time order,
// and the effects the platform must produce for them (cases, refunds, delays, customer messages).
// Same options, same day: the PRNG is seeded, and nothing reads the real clock.
import { shopifyDayPayloads, type CatalogueItem, type OrderLine } from './payloads.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const shopId = 'demo-shopify';

/** Items of the local fake storefront's catalogue (infra/local/storefront/catalogue.ts), so exchanges price. */
export const catalogue: readonly CatalogueItem[] = [
  { variantId: '808950810', productId: '632910392', sku: 'TENT-2P', title: 'Trail tent 2P', variantTitle: 'Green', priceMinor: 24900 },
  { variantId: '808950830', productId: '632910394', sku: 'TENT-3P', title: 'Trail tent 3P', variantTitle: 'Green', priceMinor: 29900 },
  { variantId: '808950840', productId: '632910395', sku: 'TENT-1P', title: 'Trail tent 1P', variantTitle: 'Green', priceMinor: 19900 },
  { variantId: '808950811', productId: '632910393', sku: 'STAKE-8', title: 'Tent stakes', variantTitle: 'Pack of 8', priceMinor: 1250 },
  { variantId: '808950812', productId: '632910393', sku: 'STAKE-12', title: 'Tent stakes', variantTitle: 'Pack of 12', priceMinor: 1750 },
  { variantId: '808950813', productId: '632910393', sku: 'STAKE-4', title: 'Tent stakes', variantTitle: 'Pack of 4', priceMinor: 700 },
];

/** What a line may be exchanged for at the fake storefront (same product, another variant in stock). */
const exchangeFor: Record<string, string> = { '808950810': '808950820', '808950811': '808950812', '808950812': '808950813', '808950813': '808950811' };

export type OrderFate = 'delivered' | 'not_shipped' | 'carrier_exception';

interface Base {
  /** Simulated time (epoch ms) at which the storefront, customer or carrier acts. */
  at: number;
  orderId: string;
}
export interface WebhookDelivery extends Base {
  kind: 'webhook';
  topic: 'orders/create' | 'fulfillments/create' | 'fulfillments/update' | 'refunds/create';
  payload: Record<string, unknown>;
}
export interface ReturnRequest extends Base {
  kind: 'return_request';
  body: { shopId: string; orderNumber: string; email: string; lines: { lineItemId: string; quantity: number; reason: string; resolution: string; exchangeVariantId?: string }[] };
}
export interface ReturnShipment extends Base {
  kind: 'return_shipment';
  orderNumber: string;
  email: string;
  body: { trackingNumber: string; carrierCode: string };
}
export type Delivery = WebhookDelivery | ReturnRequest | ReturnShipment;

export interface ExpectedOrder {
  orderId: string;
  orderNumber: string;
  customerId: string;
  email: string;
  fate: OrderFate;
  lines: number;
  fulfilments: number;
  reorder: boolean;
  /** A return request (approved at once under the default policy). */
  returnCase?: { resolution: 'refund' | 'store_credit' | 'exchange' };
  /** A refund made in the storefront: one external refund on the order's ledger. */
  storefrontRefund?: { refundId: string; amountMinor: number };
  /** Customer messages (message types) the order must cause exactly once each. */
  messages: string[];
}

export interface StoreDay {
  deliveries: Delivery[];
  orders: ExpectedOrder[];
  /** Simulated start (a Monday, 00:00 UTC) and the time by which every effect is due. */
  start: number;
  horizon: number;
}

export interface StoreDayOptions {
  orders?: number;
  seed?: number;
  /** Simulated start, epoch ms; moved to the next Monday 00:00 UTC so ship-by deadlines are predictable. */
  startAfter: number;
  /** Days over which orders are placed (1: a day; the demo spreads a few hundred over weeks). */
  orderDays?: number;
  /** Tags ids and emails so that several replays into one stack never collide. */
  runTag: string;
  /** First Shopify order id; order numbers follow it. */
  orderIdBase: number;
}

/** Rates of the synthetic day (per order unless said otherwise). */
export const rates = {
  notShipped: 0.03,
  carrierException: 0.02,
  reorder: 0.1,
  partialFulfilment: 0.3,
  /** Among delivered orders. */
  returnRequest: 0.11,
  /** Among return requests whose line can be exchanged. */
  exchange: 0.35,
  /** Among delivered orders without a return. */
  storefrontRefund: 0.04,
};

/** mulberry32: small, fast and good enough for synthetic data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function nextMondayUtc(after: number): number {
  const day = new Date(after);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const daysToMonday = (8 - new Date(midnight).getUTCDay()) % 7 || 7;
  return midnight + daysToMonday * DAY;
}

export function generateStoreDay(options: StoreDayOptions): StoreDay {
  const count = options.orders ?? 10_000;
  const random = prng(options.seed ?? 1);
  const between = (low: number, high: number) => low + random() * (high - low);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const start = nextMondayUtc(options.startAfter);
  const orderDays = options.orderDays ?? 1;
  const deliveries: Delivery[] = [];
  const orders: ExpectedOrder[] = [];
  const customers: { customerId: string; email: string }[] = [];

  // Order times first, sorted, so order ids and numbers rise with time as in a real shop.
  const placedAt = Array.from({ length: count }, () => start + Math.floor(random() * orderDays * DAY)).sort((a, b) => a - b);
  placedAt.forEach((createdAt, index) => {
    const orderIdNumber = options.orderIdBase + index;
    const orderId = String(orderIdNumber);
    const reorder = customers.length > 0 && random() < rates.reorder;
    const customer = reorder
      ? pick(customers)
      : { customerId: String(options.orderIdBase * 10 + customers.length), email: `shopper-${customers.length}.${options.runTag}@example.com` };
    if (!reorder) customers.push(customer);

    const lineCount = 1 + Math.floor(random() * random() * 4);
    const chosen = [...catalogue].sort(() => random() - 0.5).slice(0, lineCount);
    const lines: OrderLine[] = chosen.map((item, i) => ({ item, lineItemId: orderIdNumber * 10 + i + 1, quantity: item.priceMinor < 5000 ? 1 + Math.floor(random() * 3) : 1 }));
    const payloads = shopifyDayPayloads({ orderId: orderIdNumber, customerId: Number(customer.customerId), email: customer.email, lines });
    const expected: ExpectedOrder = { orderId, orderNumber: String(orderIdNumber % 100_000), customerId: customer.customerId, email: customer.email, fate: 'delivered', lines: lineCount, fulfilments: 0, reorder, messages: [] };
    orders.push(expected);
    const send = (at: number, topic: WebhookDelivery['topic'], payload: Record<string, unknown>) => deliveries.push({ kind: 'webhook', at: Math.round(at), orderId, topic, payload });
    send(createdAt, 'orders/create', payloads.order(createdAt));

    const fate = random();
    if (fate < rates.notShipped) {
      // Never ships: the ship-by deadline (two business days) passes within the horizon.
      expected.fate = 'not_shipped';
      expected.messages.push('delay_apology');
      return;
    }
    const exception = fate < rates.notShipped + rates.carrierException;
    const partial = lineCount >= 2 && random() < rates.partialFulfilment;
    const groups = partial ? [lines.slice(0, 1), lines.slice(1)] : [lines];
    let deliveredAt = 0;
    groups.forEach((group, g) => {
      const fulfilmentId = orderIdNumber * 10 + g + 1;
      const shippedAt = createdAt + (g === 0 ? between(3, 20) : between(20, 36)) * HOUR;
      const inTransitAt = shippedAt + between(4, 16) * HOUR;
      send(shippedAt, 'fulfillments/create', payloads.fulfillment(fulfilmentId, group, null, shippedAt, shippedAt));
      send(inTransitAt, 'fulfillments/update', payloads.fulfillment(fulfilmentId, group, 'in_transit', shippedAt, inTransitAt));
      const lastAt = inTransitAt + between(20, 44) * HOUR;
      if (exception && g === groups.length - 1) {
        send(lastAt, 'fulfillments/update', payloads.fulfillment(fulfilmentId, group, 'failure', shippedAt, lastAt));
      } else {
        send(lastAt, 'fulfillments/update', payloads.fulfillment(fulfilmentId, group, 'delivered', shippedAt, lastAt));
        deliveredAt = Math.max(deliveredAt, lastAt);
      }
    });
    expected.fulfilments = groups.length;
    if (exception) {
      // The carrier's failed delivery is a delay the customer hears about (an apology, once).
      expected.fate = 'carrier_exception';
      expected.messages.push('delay_apology');
      return;
    }

    if (random() < rates.returnRequest) {
      const line = pick(lines);
      const exchangeVariantId = exchangeFor[line.item.variantId];
      const resolution = exchangeVariantId && random() < rates.exchange ? 'exchange' : random() < 0.7 ? 'refund' : 'store_credit';
      const requestedAt = deliveredAt + between(2, 20) * HOUR;
      deliveries.push({
        kind: 'return_request',
        at: Math.round(requestedAt),
        orderId,
        body: { shopId, orderNumber: expected.orderNumber, email: customer.email, lines: [{ lineItemId: String(line.lineItemId), quantity: 1, reason: 'too_small', resolution, ...(resolution === 'exchange' ? { exchangeVariantId } : {}) }] },
      });
      // The customer posts it the same day and gives the tracking number: no reminders follow.
      deliveries.push({ kind: 'return_shipment', at: Math.round(requestedAt + between(1, 6) * HOUR), orderId, orderNumber: expected.orderNumber, email: customer.email, body: { trackingNumber: `1ZRET${orderId}`, carrierCode: 'ups' } });
      expected.returnCase = { resolution };
      expected.messages.push('return_received', 'return_approved');
    } else if (random() < rates.storefrontRefund) {
      const line = pick(lines);
      const refundId = String(orderIdNumber * 10 + 7);
      const at = deliveredAt + between(2, 24) * HOUR;
      const refund = payloads.refund(Number(refundId), line, at);
      send(at, 'refunds/create', refund.payload);
      expected.storefrontRefund = { refundId, amountMinor: refund.amountMinor };
    }
  });

  deliveries.sort((a, b) => a.at - b.at || Number(a.orderId) - Number(b.orderId));
  const last = deliveries.at(-1)?.at ?? start;
  // Past every event, and before the effects this model leaves out (the courtesy code five days
  // into a delay, deliver-by deadlines a week after shipping) could start.
  const horizon = Math.max(last + HOUR, start + (orderDays + 3) * DAY);
  return { deliveries, orders, start, horizon };
}
