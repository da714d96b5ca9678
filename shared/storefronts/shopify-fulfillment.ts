// Shopify fulfillments (the Fulfillment resource of `fulfillments/create|update`, and the
// `fulfillments` embedded in orders) to NormalizedFulfillment.
//
// `shipment_status` is the carrier tracking status Shopify keeps on the fulfillment. Its values
// (`confirmed`, `label_printed`, `label_purchased`, `attempted_delivery`, `ready_for_pickup`,
// `in_transit`, `out_for_delivery`, `delivered`, `failure`, and in newer versions
// `carrier_picked_up`, `picked_up`, `delayed`) map onto the catalogue's ShipmentStatus; what the
// mapping loses goes to `statusDetail`. Values we do not know leave the status unset rather than
// failing: Shopify adds statuses, and a fulfillment is worth recording without one.
//
// The payload has no delivery time: `updated_at` of the delivery carrying `delivered` is the best
// we have, so it becomes `deliveredAt`. Shopify gives no estimated delivery on the fulfillment.
import type { ShipmentStatus } from '../events/shipments.ts';
import { carrierFrom, cleanTrackingNumber, cleanTrackingUrl, distinct } from './fields.ts';
import { FulfillmentStatus, type NormalizedFulfillment } from './normalized.ts';
import type { Field } from './read.ts';

const shipmentStatuses: Readonly<Record<string, { status: ShipmentStatus; detail?: string }>> = {
  confirmed: { status: 'label_created', detail: 'Confirmed by the carrier' },
  label_printed: { status: 'label_created', detail: 'Label printed' },
  label_purchased: { status: 'label_created', detail: 'Label purchased' },
  carrier_picked_up: { status: 'in_transit', detail: 'Picked up by the carrier' },
  in_transit: { status: 'in_transit' },
  delayed: { status: 'in_transit', detail: 'Delayed' },
  out_for_delivery: { status: 'out_for_delivery' },
  attempted_delivery: { status: 'failure', detail: 'Delivery attempted' },
  ready_for_pickup: { status: 'available_for_pickup' },
  picked_up: { status: 'delivered', detail: 'Picked up by the customer' },
  delivered: { status: 'delivered' },
  failure: { status: 'failure' },
};

/** The catalogue status for a Shopify `shipment_status` (case-insensitive), if it has one. */
export function shopifyShipmentStatus(value: string): { status: ShipmentStatus; detail?: string } | undefined {
  return shipmentStatuses[value.toLowerCase()];
}

export function shopifyFulfillment(fulfillment: Field, shopId: string, orderId?: string): NormalizedFulfillment {
  fulfillment.required();
  const statusField = fulfillment.get('status');
  const parsed = FulfillmentStatus.safeParse(statusField.string().toLowerCase());
  const status = parsed.success ? parsed.data : statusField.invalid('a fulfillment status (pending, open, success, cancelled, error, failure)');

  const shipment = fulfillment.get('shipment_status').optString();
  const mapped = shipment === undefined ? undefined : shopifyShipmentStatus(shipment);
  const createdAt = fulfillment.get('created_at').datetime();
  const sourceUpdatedAt = fulfillment.get('updated_at').optDatetime() ?? createdAt;

  const trackingNumbers = distinct([
    ...fulfillment.get('tracking_numbers').items().map((item) => cleanTrackingNumber(item.optString())),
    cleanTrackingNumber(fulfillment.get('tracking_number').optString()),
  ]);
  const trackingUrls = distinct([
    ...fulfillment.get('tracking_urls').items().map((item) => cleanTrackingUrl(item.optString())),
    cleanTrackingUrl(fulfillment.get('tracking_url').optString()),
  ]);

  const lines = fulfillment
    .get('line_items')
    .items()
    .map((item) => ({ lineId: item.get('id').id(), quantity: item.get('quantity').int() }))
    .filter((line) => line.quantity > 0);

  return {
    shopId,
    fulfillmentId: fulfillment.get('id').id(),
    orderId: fulfillment.get('order_id').optId() ?? orderId ?? fulfillment.get('order_id').id(),
    status,
    shipmentStatus: mapped?.status,
    statusDetail: mapped?.detail,
    carrier: carrierFrom(fulfillment.get('tracking_company').optString()),
    trackingNumbers,
    trackingUrls,
    lines,
    createdAt,
    sourceUpdatedAt,
    deliveredAt: mapped?.status === 'delivered' ? sourceUpdatedAt : undefined,
  };
}
