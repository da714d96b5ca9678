// The return case: the stored state of one return, from request to resolution. Pure domain
// types; shared/returns/lifecycle.ts is the only thing that moves a case, and every move bumps
// `version` so the store can write it conditionally (`version = :expected`): of two concurrent
// actions on the same version, exactly one applies.
import * as z from 'zod';
import { roles } from '../api/define.ts';
import { CustomerRef, EmailAddress, EntityId, IsoDateTime, ShopId } from '../events/common.ts';
import { ItemCondition, ReturnReason } from '../events/returns.ts';
import { ExchangeProgress, LineExchange } from './exchange.ts';
import { CarrierStatus } from './shipment.ts';

export const ReturnStatus = z.enum(['requested', 'approved', 'rejected', 'awaiting_shipment', 'in_transit', 'received', 'inspected', 'resolved', 'cancelled', 'expired']);
export type ReturnStatus = z.infer<typeof ReturnStatus>;

/** Statuses a case never leaves. `rejected` is not one: a supervisor may still approve it. */
export const finalStatuses: readonly ReturnStatus[] = ['resolved', 'cancelled', 'expired'];

/** Per line: `keep` is a returnless outcome (the customer keeps the item and is refunded). */
export const LineResolution = z.enum(['refund', 'store_credit', 'exchange', 'keep']);
export type LineResolution = z.infer<typeof LineResolution>;

export const CaseLine = z.object({
  lineItemId: EntityId,
  quantity: z.int().positive().max(10_000),
  reason: ReturnReason,
  resolution: LineResolution,
  exchangeVariantId: EntityId.optional(),
  exchange: LineExchange.optional().describe('The replacement and the price difference, for an exchange'),
  photos: z.array(z.url().max(500)).max(10).optional(),
  condition: ItemCondition.optional().describe('Set at inspection'),
  restock: z.boolean().optional().describe('Set at inspection: false means written off'),
  restocked: z
    .object({ at: IsoDateTime, adjustmentId: EntityId.optional(), skipped: z.string().max(300).optional() })
    .optional()
    .describe('The restock on the storefront after inspection: its adjustment, or why it was not made'),
});
export type CaseLine = z.infer<typeof CaseLine>;

export const CaseOwner = z.object({ sub: z.string().min(1).max(200), email: EmailAddress.optional() });
export type CaseOwner = z.infer<typeof CaseOwner>;

/**
 * Who performs a command. Staff carry their identity-provider subject and role (roles are
 * checked by the lifecycle); the event catalogue's `Actor` is derived from this.
 */
export const CaseActor = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), sub: z.string().min(1).max(100), email: EmailAddress.optional(), role: z.enum(roles) }),
  z.object({ kind: z.literal('customer'), id: EntityId }),
  z.object({ kind: z.literal('integration'), id: EntityId }),
  z.object({ kind: z.literal('system') }),
]);
export type CaseActor = z.infer<typeof CaseActor>;

export const HistoryEntry = z.object({
  at: IsoDateTime,
  action: z.string().min(1).max(50).describe('The command: approve, shipped, reassign...'),
  from: ReturnStatus,
  to: ReturnStatus.describe('Same as from for non-moving actions (reminder, reassignment)'),
  actor: CaseActor,
  reason: z.string().max(1000).optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const CaseTimerKind = z.enum(['return_reminder', 'return_expiry']);
export type CaseTimerKind = z.infer<typeof CaseTimerKind>;

/** A Scheduler timer the case currently expects; any other id that fires is stale. */
export const CaseTimer = z.object({
  timerId: z.string().regex(/^[0-9a-zA-Z._-]{1,64}$/),
  kind: CaseTimerKind,
  dueAt: IsoDateTime,
  step: z.int().positive().optional().describe('Reminder number, 1-based'),
});
export type CaseTimer = z.infer<typeof CaseTimer>;

export const ReturnCase = z.object({
  id: EntityId,
  shopId: ShopId,
  orderId: EntityId,
  orderNumber: z.string().min(1).max(50),
  customer: CustomerRef,
  status: ReturnStatus,
  lines: z.array(CaseLine).min(1).max(100),
  owner: CaseOwner.optional(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  version: z.int().nonnegative(),
  deadlines: z.object({ shipBy: IsoDateTime.optional(), slaDueAt: IsoDateTime }),
  tracking: z
    .object({
      carrierCode: z.string().max(40).optional(),
      trackingNumber: z.string().max(100).optional(),
      status: CarrierStatus.optional().describe('The carrier’s latest news of the parcel'),
      statusAt: IsoDateTime.optional().describe('When that happened, as the carrier says'),
    })
    .optional(),
  history: z.array(HistoryEntry),
  timers: z.array(CaseTimer).describe('The current reminder and expiry timers'),
  exchange: ExchangeProgress.optional().describe('What was done on the storefront for the exchange lines'),
});
export type ReturnCase = z.infer<typeof ReturnCase>;
