// What to do with an incoming webhook, decided without I/O: refuse it (forged, oversized: nothing
// kept), answer a ping, quarantine it (authentic but unusable: kept for ops), or accept it.
import { dedupeKeyForWooOrder, isWooCommercePing, wooTopics } from '../storefronts/woocommerce.ts';
import { shopifyTopics } from '../storefronts/shopify.ts';
import { isShopifyPrivacyTopic } from '../privacy/requests.ts';
import { GenericEnvelope } from '../storefronts/generic.ts';
import type { ShopConfig, ShopIndex, StorefrontKind } from '../shops/config.ts';
import { genericSignatureHeader, verifyBase64BodyHmac, verifyGenericSignature } from './signatures.ts';

export const maxWebhookBytes = 1024 * 1024;

export interface WebhookRequest {
  provider: StorefrontKind;
  /** Header names in lower case. */
  headers: Record<string, string | undefined>;
  body: Buffer;
}

export interface DeliveryDraft {
  provider: StorefrontKind;
  shopId: string;
  topic: string;
  /** Identifies the delivery across storefront retries. */
  dedupeKey: string;
  receivedAt: string;
  /** The storefront's own ids and times for this delivery, for ops. */
  meta: Record<string, string>;
  body: Buffer;
}

export type ReceiveDecision =
  | { kind: 'refuse'; status: number; title: string; detail: string }
  | { kind: 'ping' }
  | { kind: 'quarantine'; status: number; title: string; detail: string; reason: string; delivery: DeliveryDraft }
  | { kind: 'accept'; delivery: DeliveryDraft };

const identityHeader: Record<StorefrontKind, string> = {
  shopify: 'x-shopify-shop-domain',
  woocommerce: 'x-wc-webhook-source',
  generic: 'x-aftersales-source',
};

const metaHeaders: Record<StorefrontKind, string[]> = {
  shopify: ['x-shopify-topic', 'x-shopify-webhook-id', 'x-shopify-event-id', 'x-shopify-triggered-at', 'x-shopify-api-version', 'x-shopify-shop-domain'],
  woocommerce: ['x-wc-webhook-topic', 'x-wc-webhook-id', 'x-wc-webhook-delivery-id', 'x-wc-webhook-source', 'x-wc-webhook-resource', 'x-wc-webhook-event'],
  generic: ['x-aftersales-source'],
};

const refuse = (status: number, title: string, detail: string): ReceiveDecision => ({ kind: 'refuse', status, title, detail });

function authentic(request: WebhookRequest, shop: ShopConfig, nowSeconds: number): ReceiveDecision | undefined {
  const { headers, body, provider } = request;
  if (provider === 'generic') {
    const check = verifyGenericSignature(body, headers[genericSignatureHeader], shop.webhookSecrets, nowSeconds);
    return check.ok ? undefined : refuse(401, 'Unauthorized', check.message);
  }
  const header = provider === 'shopify' ? 'x-shopify-hmac-sha256' : 'x-wc-webhook-signature';
  if (!headers[header]) return refuse(401, 'Unauthorized', `The ${header} header is missing`);
  return verifyBase64BodyHmac(body, headers[header], shop.webhookSecrets) ? undefined : refuse(401, 'Unauthorized', `The ${header} signature does not match the body`);
}

/** Reads the topic and the deduplication key; a problem here is authentic but unusable. */
function classify(request: WebhookRequest, payload: unknown): { topic: string; dedupeKey: string } | { problem: string; reason: string } {
  const { headers, provider } = request;
  if (provider === 'shopify') {
    const topic = headers['x-shopify-topic'] ?? '';
    // The mandatory privacy topics are accepted like the others and handled by the privacy consumer.
    if (!(shopifyTopics as readonly string[]).includes(topic) && !isShopifyPrivacyTopic(topic)) return { reason: 'unsupported_topic', problem: `X-Shopify-Topic "${topic}" is not supported; supported topics: ${shopifyTopics.join(', ')}` };
    const id = headers['x-shopify-event-id'] ?? headers['x-shopify-webhook-id'];
    if (!id) return { reason: 'missing_field', problem: 'X-Shopify-Event-Id and X-Shopify-Webhook-Id are both missing' };
    return { topic, dedupeKey: id };
  }
  if (provider === 'woocommerce') {
    const topic = headers['x-wc-webhook-topic'] ?? '';
    if (!(wooTopics as readonly string[]).includes(topic)) return { reason: 'unsupported_topic', problem: `X-WC-Webhook-Topic "${topic}" is not supported; supported topics: ${wooTopics.join(', ')}` };
    let key: string;
    try {
      key = dedupeKeyForWooOrder(payload);
    } catch (error) {
      return { reason: 'missing_field', problem: (error as Error).message };
    }
    // A deletion carries only the id: each deletion (after a restore, say) is its own change.
    return { topic, dedupeKey: topic === 'order.deleted' ? `${key}:${headers['x-wc-webhook-delivery-id'] ?? ''}` : key };
  }
  const envelope = GenericEnvelope.safeParse(payload);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { reason: 'invalid_envelope', problem: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  return { topic: envelope.data.type, dedupeKey: envelope.data.id };
}

export function receiveWebhook(request: WebhookRequest, shops: ShopIndex, now: Date): ReceiveDecision {
  const { headers, body, provider } = request;
  if (body.length > maxWebhookBytes) return refuse(413, 'Payload Too Large', `The body is ${body.length} bytes; the limit is ${maxWebhookBytes}`);
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  // WooCommerce pings a new webhook with a form body and no signature; it only needs a 200.
  if (provider === 'woocommerce' && isWooCommercePing(contentType, body.toString('utf8'))) return { kind: 'ping' };

  const identity = headers[identityHeader[provider]];
  if (!identity) return refuse(401, 'Unauthorized', `The ${identityHeader[provider]} header is missing`);
  const shop = shops.find(provider, identity);
  if (!shop) return refuse(401, 'Unauthorized', `${identityHeader[provider]} "${identity}" names no shop of this deployment`);
  const forged = authentic(request, shop, Math.floor(now.getTime() / 1000));
  if (forged) return forged;

  const meta = Object.fromEntries(metaHeaders[provider].flatMap((name) => (headers[name] ? [[name, headers[name]!]] : [])));
  const draft = (topic: string, dedupeKey: string): DeliveryDraft => ({ provider, shopId: shop.shopId, topic, dedupeKey, receivedAt: now.toISOString(), meta, body });
  const quarantine = (status: number, title: string, detail: string, reason: string): ReceiveDecision => ({
    kind: 'quarantine', status, title, detail, reason,
    // Authentic but unusable: kept under a key of its own so ops can see and re-drive it.
    delivery: draft(headers['x-shopify-topic'] ?? headers['x-wc-webhook-topic'] ?? 'unknown', `rejected:${now.getTime()}:${Math.random().toString(36).slice(2, 10)}`),
  });

  if (contentType !== 'application/json') return quarantine(415, 'Unsupported Media Type', `Content-Type must be application/json, not "${contentType || '(none)'}"`, 'unsupported_media_type');
  let payload: unknown;
  try {
    payload = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return quarantine(400, 'Bad Request', `The body is not valid JSON: ${(error as Error).message}`, 'malformed_json');
  }
  const classified = classify(request, payload);
  if ('problem' in classified) return quarantine(400, 'Bad Request', classified.problem, classified.reason);
  return { kind: 'accept', delivery: draft(classified.topic, classified.dedupeKey) };
}
