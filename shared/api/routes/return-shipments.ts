// Return shipment tracking: the customer tells us the tracking number of the parcel they sent, and
// label providers and carriers send its news, signed like the generic webhook. Both move the case
// through shared/returns/lifecycle.ts; shared/returns/shipment.ts decides what carrier news means.
import * as z from 'zod';
import { EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { ReturnStatus } from '../../returns/case.ts';
import { CarrierStatus } from '../../returns/shipment.ts';
import { genericSignatureHeader } from '../../webhooks/signatures.ts';
import { defineRoute } from '../define.ts';
import { CustomerReturn } from './returns.ts';

const TrackingNumber = z.string().trim().min(4).max(60).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'must be letters, digits, spaces or dashes').describe('As printed on the label or receipt; case and spaces do not matter');
const CarrierCode = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'must be letters, digits, dashes or underscores').toLowerCase().describe('The carrier: ups, usps, dhl_express, colissimo...');

export const recordReturnShipment = defineRoute({
  method: 'post',
  path: '/returns/{id}/shipment',
  operationId: 'recordReturnShipment',
  summary: 'Tell us the return parcel is on its way',
  description:
    'The customer gives the tracking number of the parcel they sent. An approved return becomes `awaiting_shipment` and reminders stop; the ship-by date stays, and the carrier’s first scan moves the return to `in_transit`. Giving the same number again changes nothing; another number replaces it.',
  tags: ['Returns'],
  access: { kind: 'customer' },
  request: {
    params: z.object({ id: EntityId }),
    body: z.object({ carrierCode: CarrierCode.optional(), trackingNumber: TrackingNumber }).meta({ id: 'ReturnShipmentRequest' }),
  },
  responses: {
    200: { description: 'The return, with its tracking', schema: CustomerReturn },
    404: { description: 'No return with this id belongs to the session’s email' },
    409: { description: 'The return is past waiting for the parcel (already in transit, received, cancelled...)' },
  },
});

export const CarrierTrackingUpdate = z
  .object({
    trackingNumber: TrackingNumber,
    carrierCode: CarrierCode.optional(),
    status: CarrierStatus,
    occurredAt: IsoDateTime.describe('When the carrier saw it'),
    description: z.string().trim().max(500).optional().describe('The carrier’s own words, kept on the case history'),
  })
  .meta({ id: 'CarrierTrackingUpdate' });

export const CarrierTrackingAck = z
  .object({
    status: z.enum(['applied', 'ignored']).describe('`applied`: the return moved or its history grew; `ignored`: nothing to do (unknown number, repeat, or a step already past)'),
    returnId: EntityId.optional(),
    returnStatus: ReturnStatus.optional(),
    detail: z.string().optional().describe('Why it was ignored'),
  })
  .meta({ id: 'CarrierTrackingAck' });

export const receiveCarrierTracking = defineRoute({
  method: 'post',
  path: '/webhooks/carriers/{shopId}',
  operationId: 'receiveCarrierTracking',
  summary: 'Receive a return parcel tracking update',
  description:
    'For label providers and carriers (or a tracking aggregator): the news of a return parcel, signed like the generic webhook with the shop’s webhook secret. The first scan of a return waiting for its parcel moves it to `in_transit` (`ReturnShipped`; reminders and expiry stop); later news is kept on its history. `delivered` means it reached the warehouse, which still records the receipt. Repeats, and news the parcel is already past, change nothing.',
  tags: ['Webhooks'],
  access: { kind: 'webhook' },
  request: {
    params: z.object({ shopId: ShopId }),
    headers: z.object({ [genericSignatureHeader]: z.string().describe('`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` with the shop’s webhook secret, as for the generic webhook') }),
    body: CarrierTrackingUpdate,
  },
  responses: {
    200: { description: 'Applied to the return', schema: CarrierTrackingAck },
    202: { description: 'Authentic, nothing to do: no return has this tracking number, or the return is already past this news', schema: CarrierTrackingAck },
    400: { description: 'Invalid body: `errors` names each field' },
    401: { description: 'Unknown shop, or a missing, expired or forged signature' },
    409: { description: 'The return changed at the same moment: retry' },
  },
});
