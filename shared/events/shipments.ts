// Shipments of orders and their tracking, from storefront fulfillments and carrier updates.
import * as z from 'zod';
import { CountryCode, CustomerRef, EntityId, IsoDateTime, LineQuantity, Tracking } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const ShipmentStatus = z.enum([
  'label_created',
  'in_transit',
  'out_for_delivery',
  'available_for_pickup',
  'delivered',
  'failure',
  'returned_to_sender',
  'customs_hold',
  'lost',
]);
export type ShipmentStatus = z.infer<typeof ShipmentStatus>;

const shipmentRef = {
  shipmentId: EntityId,
  orderId: EntityId,
  customer: CustomerRef.optional().describe('Set when the normaliser knows it; otherwise look the order up'),
  tracking: Tracking,
};

const exampleBase = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  shipmentId: '4412345678901',
  orderId: '5012345678901',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
  tracking: { carrier: { code: 'ups', name: 'UPS', service: 'Ground' }, trackingNumber: '1Z999AA10123456784', trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784' },
};

export const ShipmentCreated = defineEvent({
  source: eventSource.shipments,
  detailType: 'ShipmentCreated',
  version: 1,
  description: 'Items of an order were handed to a carrier (a storefront fulfillment).',
  detail: {
    ...shipmentRef,
    lines: z.array(LineQuantity).min(1).max(250),
    estimatedDeliveryAt: IsoDateTime.optional(),
    destinationCountry: CountryCode.optional(),
  },
  example: {
    ...exampleBase,
    occurredAt: '2024-05-02T14:00:00Z',
    lines: [{ lineId: '13012345678901', quantity: 1 }],
    estimatedDeliveryAt: '2024-05-06T20:00:00Z',
    destinationCountry: 'US',
  },
});

export const ShipmentUpdated = defineEvent({
  source: eventSource.shipments,
  detailType: 'ShipmentUpdated',
  version: 1,
  description: 'The carrier reported a tracking update. `occurredAt` is the carrier event time.',
  detail: {
    ...shipmentRef,
    status: ShipmentStatus,
    previousStatus: ShipmentStatus.optional(),
    statusDetail: z.string().max(500).optional().describe('Carrier message, e.g. "Addressee not available"'),
    location: z.object({ city: z.string().max(100).optional(), region: z.string().max(100).optional(), countryCode: CountryCode.optional() }).optional(),
    estimatedDeliveryAt: IsoDateTime.optional(),
  },
  example: {
    ...exampleBase,
    occurredAt: '2024-05-04T07:12:00Z',
    status: 'customs_hold',
    previousStatus: 'in_transit',
    statusDetail: 'Held by customs: awaiting documents',
    location: { city: 'Louisville', region: 'KY', countryCode: 'US' },
    estimatedDeliveryAt: '2024-05-08T20:00:00Z',
  },
});

export const ShipmentDelivered = defineEvent({
  source: eventSource.shipments,
  detailType: 'ShipmentDelivered',
  version: 1,
  description: 'A shipment reached the customer. `occurredAt` is the delivery time. Follows the ShipmentUpdated with status delivered.',
  detail: {
    ...shipmentRef,
    lines: z.array(LineQuantity).max(250).optional(),
    deliverBy: IsoDateTime.optional().describe('Promised delivery time, when the order had one'),
    late: z.boolean().optional().describe('Delivered after deliverBy'),
  },
  example: { ...exampleBase, occurredAt: '2024-05-06T16:45:00Z', deliverBy: '2024-05-08T23:59:59Z', late: false },
});
