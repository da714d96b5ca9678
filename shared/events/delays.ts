// Order delays: detected from missed promises (ship-by, deliver-by timers) or carrier tracking.
import * as z from 'zod';
import { CustomerRef, EntityId, IsoDateTime } from './common.ts';
import { defineEvent, eventSource } from './define.ts';

export const DelayReason = z.enum([
  'not_shipped_in_time',
  'delivery_overdue',
  'tracking_stalled',
  'carrier_exception',
  'customs_hold',
  'delivery_failed',
  'lost_in_transit',
  'returned_to_sender',
]);
export type DelayReason = z.infer<typeof DelayReason>;

export const DelaySeverity = z.enum(['low', 'medium', 'high', 'critical']);
export type DelaySeverity = z.infer<typeof DelaySeverity>;

const delayRef = { delayId: EntityId, orderId: EntityId, shipmentId: EntityId.optional(), customer: CustomerRef };

const ex = {
  version: 1 as const,
  shopId: 'acme-outdoor',
  delayId: 'dly_01HXB1',
  orderId: '5012345678901',
  shipmentId: '4412345678901',
  customer: { id: '7012345678901', email: 'ada@example.com', firstName: 'Ada', locale: 'en-US' },
};

export const DelayDetected = defineEvent({
  source: eventSource.delays,
  detailType: 'DelayDetected',
  version: 1,
  description: 'An order will miss, or has missed, what the customer was promised.',
  detail: {
    ...delayRef,
    orderNumber: z.string().min(1).max(50).optional(),
    reason: DelayReason,
    severity: DelaySeverity,
    promisedBy: IsoDateTime.optional().describe('The ship-by or deliver-by time missed'),
    estimatedAt: IsoDateTime.optional().describe('Latest estimate of shipping or delivery'),
    overdueMinutes: z.int().nonnegative().optional(),
    detectedBy: z.enum(['timer', 'tracking', 'staff']),
  },
  example: {
    ...ex,
    occurredAt: '2024-05-09T00:00:00Z',
    orderNumber: '#1001',
    reason: 'delivery_overdue',
    severity: 'medium',
    promisedBy: '2024-05-08T23:59:59Z',
    estimatedAt: '2024-05-10T20:00:00Z',
    overdueMinutes: 1,
    detectedBy: 'timer',
  },
});

export const DelayResolved = defineEvent({
  source: eventSource.delays,
  detailType: 'DelayResolved',
  version: 1,
  description: 'A detected delay ended.',
  detail: {
    ...delayRef,
    resolution: z.enum(['shipped', 'delivered', 'tracking_resumed', 'order_cancelled', 'refunded', 'reshipped', 'dismissed']),
    durationMinutes: z.int().nonnegative().optional().describe('Since DelayDetected'),
  },
  example: { ...ex, occurredAt: '2024-05-10T18:00:00Z', resolution: 'delivered', durationMinutes: 2520 },
});
