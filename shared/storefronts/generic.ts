// Our own webhook format, for storefronts we have no connector for (documented for integrators in
// GENERIC.md): a signed envelope `{id, type, occurredAt, data}` whose `data` is the normalized
// model itself, money already in minor units. The envelope is checked by `GenericEnvelope`; `data`
// by `normalizeGeneric`, against the normalized schemas, with errors naming the field
// (`order.placed: data.lines[0].unitPrice.amount: ...`).
//
// What we fill in: `shopId` (everywhere) and `platform` come from the shop the signature matched,
// whatever `data` says, so one shop cannot write into another; `sourceUpdatedAt` defaults to
// `occurredAt`; `order.cancelled` defaults `cancelledAt` to `occurredAt`; `shipment.delivered`
// defaults `shipmentStatus` to `delivered` and `deliveredAt` to `occurredAt`; nested fulfillments
// and refunds default `orderId` to the order's; a missing customer locale is the shop's language.
import * as z from 'zod';
import { EntityId, IsoDateTime } from '../events/common.ts';
import { cleanLocale } from './fields.ts';
import { NormalizedCustomer, NormalizedFulfillment, NormalizedOrder, NormalizedRefund, validated, type NormalizedDelivery } from './normalized.ts';
import { MappingError } from './read.ts';

export const genericTypes = [
  'order.placed',
  'order.updated',
  'order.cancelled',
  'shipment.created',
  'shipment.updated',
  'shipment.delivered',
  'refund.recorded',
  'customer.updated',
] as const;
export const GenericEventType = z.enum(genericTypes);
export type GenericEventType = z.infer<typeof GenericEventType>;

export const GenericEnvelope = z.object({
  id: EntityId.describe('Unique id of the event: retries of the same event reuse it'),
  type: GenericEventType,
  occurredAt: IsoDateTime.describe('When it happened on the storefront (UTC)'),
  data: z.record(z.string(), z.unknown()).describe('The order, shipment, refund or customer, in the normalized model'),
});
export type GenericEnvelope = z.infer<typeof GenericEnvelope>;

export interface GenericContext {
  shopId: string;
  defaultLocale?: string;
}

type Data = Record<string, unknown>;

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Each element that is an object, with `defaults` under it and `forced` over it. */
function eachWith(value: unknown, defaults: Data, forced: Data): unknown {
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? { ...defaults, ...item, ...forced } : item)) : value;
}

function withLocale(customer: unknown, context: GenericContext): unknown {
  if (!isRecord(customer) || customer.locale !== undefined) return customer;
  const locale = cleanLocale(context.defaultLocale);
  return locale === undefined ? customer : { ...customer, locale };
}

function orderData(envelope: GenericEnvelope, context: GenericContext): Data {
  const { data, occurredAt, type } = envelope;
  const shop = { shopId: context.shopId };
  const owner = typeof data.orderId === 'string' ? { orderId: data.orderId } : {};
  return {
    sourceUpdatedAt: occurredAt,
    ...(type === 'order.cancelled' ? { cancelledAt: occurredAt, cancelReason: 'other' } : {}),
    ...data,
    ...shop,
    platform: 'generic',
    customer: withLocale(data.customer, context),
    fulfillments: eachWith(data.fulfillments, { ...owner, sourceUpdatedAt: occurredAt }, shop),
    refunds: eachWith(data.refunds, owner, shop),
  };
}

function fulfillmentData(envelope: GenericEnvelope, context: GenericContext): Data {
  const { data, occurredAt, type } = envelope;
  const delivered = type === 'shipment.delivered' ? { shipmentStatus: 'delivered', deliveredAt: occurredAt } : {};
  return { sourceUpdatedAt: occurredAt, ...delivered, ...data, shopId: context.shopId };
}

function parseEnvelope(envelope: unknown): GenericEnvelope {
  const type = isRecord(envelope) && typeof envelope.type === 'string' ? envelope.type : 'generic';
  if (type !== 'generic' && !GenericEventType.safeParse(type).success) {
    throw new MappingError('unsupported_topic', type, 'type', `not one of ${genericTypes.join(', ')}`);
  }
  return validated(GenericEnvelope, envelope, type);
}

/**
 * Maps one generic envelope (parsed JSON; checked here whether or not the caller parsed it with
 * GenericEnvelope) to the normalized model. Throws MappingError naming the field.
 */
export function normalizeGeneric(envelope: unknown, context: GenericContext): NormalizedDelivery {
  const parsed = parseEnvelope(envelope);
  const { type, data } = parsed;
  switch (type) {
    case 'order.placed':
    case 'order.updated':
    case 'order.cancelled': {
      return { kind: 'order', order: validated(NormalizedOrder, orderData(parsed, context), type, ['data']) };
    }
    case 'shipment.created':
    case 'shipment.updated':
    case 'shipment.delivered': {
      if (type === 'shipment.updated' && data.shipmentStatus === undefined) throw new MappingError('missing_field', type, 'data.shipmentStatus', 'is required');
      return { kind: 'fulfillment', fulfillment: validated(NormalizedFulfillment, fulfillmentData(parsed, context), type, ['data']) };
    }
    case 'refund.recorded':
      return { kind: 'refund', refund: validated(NormalizedRefund, { ...data, shopId: context.shopId }, type, ['data']) };
    case 'customer.updated': {
      const customer = { sourceUpdatedAt: parsed.occurredAt, ...(withLocale(data, context) as Data), shopId: context.shopId, platform: 'generic' };
      return { kind: 'customer', customer: validated(NormalizedCustomer, customer, type, ['data']) };
    }
  }
}
