// Shopify's mandatory privacy webhooks: the three topics every app must answer, their payloads,
// and the identifiers of the person (or shop) a request is about. Plain domain code.
import * as z from 'zod';

export const shopifyPrivacyTopics = ['customers/data_request', 'customers/redact', 'shop/redact'] as const;
export type ShopifyPrivacyTopic = (typeof shopifyPrivacyTopics)[number];

export function isShopifyPrivacyTopic(topic: string): topic is ShopifyPrivacyTopic {
  return (shopifyPrivacyTopics as readonly string[]).includes(topic);
}

/** Shopify sends ids as JSON numbers; older API versions and tests may send strings. */
const ShopifyId = z.union([z.int().nonnegative(), z.string().regex(/^\d{1,30}$/)]).transform(String);

const PrivacyCustomer = z.object({
  id: ShopifyId,
  email: z.string().max(320).nullish(),
  phone: z.string().max(40).nullish(),
});

const CustomerDataRequestPayload = z.object({
  shop_id: ShopifyId.optional(),
  shop_domain: z.string().max(255).optional(),
  customer: PrivacyCustomer,
  orders_requested: z.array(ShopifyId).max(10_000).default([]),
  data_request: z.object({ id: ShopifyId }).optional(),
});

const CustomerRedactPayload = z.object({
  shop_id: ShopifyId.optional(),
  shop_domain: z.string().max(255).optional(),
  customer: PrivacyCustomer,
  orders_to_redact: z.array(ShopifyId).max(10_000).default([]),
});

const ShopRedactPayload = z.object({
  shop_id: ShopifyId.optional(),
  shop_domain: z.string().max(255).optional(),
});

/** Who a customer request is about, as the storefront names them. */
export interface CustomerIdentity {
  customerId: string;
  emails: string[];
  phones: string[];
  orderIds: string[];
}

export type PrivacyRequest =
  | { kind: 'data_request'; shopId: string; customer: CustomerIdentity; dataRequestId?: string }
  | { kind: 'customer_redact'; shopId: string; customer: CustomerIdentity }
  | { kind: 'shop_redact'; shopId: string };

export class InvalidPrivacyRequestError extends Error {}

function parse<T extends z.ZodType>(schema: T, topic: string, payload: unknown): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new InvalidPrivacyRequestError(`${topic}: ${issue.path.join('.') || '(payload)'}: ${issue.message}`);
}

function identity(customer: z.infer<typeof PrivacyCustomer>, orderIds: string[]): CustomerIdentity {
  return {
    customerId: customer.id,
    emails: customer.email ? [customer.email] : [],
    phones: customer.phone ? [customer.phone] : [],
    orderIds: [...new Set(orderIds)],
  };
}

/**
 * The request of one authentic delivery. The shop is the one whose secret signed it, never the
 * payload's `shop_domain`: a shop can only ask about its own data.
 */
export function privacyRequestOf(topic: ShopifyPrivacyTopic, payload: unknown, shopId: string): PrivacyRequest {
  switch (topic) {
    case 'customers/data_request': {
      const body = parse(CustomerDataRequestPayload, topic, payload);
      return { kind: 'data_request', shopId, customer: identity(body.customer, body.orders_requested), ...(body.data_request ? { dataRequestId: body.data_request.id } : {}) };
    }
    case 'customers/redact': {
      const body = parse(CustomerRedactPayload, topic, payload);
      return { kind: 'customer_redact', shopId, customer: identity(body.customer, body.orders_to_redact) };
    }
    case 'shop/redact':
      parse(ShopRedactPayload, topic, payload);
      return { kind: 'shop_redact', shopId };
  }
}

/** What of the request we keep once it is handled: ids only, so the request itself holds no personal data. */
export function requestWithoutPersonalData(request: PrivacyRequest): Record<string, unknown> {
  if (request.kind === 'shop_redact') return { kind: request.kind, shopId: request.shopId };
  return { kind: request.kind, shopId: request.shopId, customerId: request.customer.customerId, orderIds: request.customer.orderIds };
}
