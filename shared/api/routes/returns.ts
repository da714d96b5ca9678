// Customer return requests: a customer names the order (number and email, as at portal sign-in)
// and the lines to return; the shop's policy decides each line at once. A request whose lines are
// all accepted is approved by policy; any refused line refuses the request (422) naming the rule.
import * as z from 'zod';
import { CustomerRef, EmailAddress, EntityId, IsoDateTime, Money, ShopId } from '../../events/common.ts';
import { ItemCondition, ReturnReason } from '../../events/returns.ts';
import { refusalRules } from '../../returns/eligibility.ts';
import { OfferResolution } from '../../returns/policy.ts';
import { CaseLine, CaseOwner, CaseTimer, HistoryEntry, ReturnStatus } from '../../returns/case.ts';
import { ExchangeProgress, PriceDifference } from '../../returns/exchange.ts';
import { CarrierStatus } from '../../returns/shipment.ts';
import { defineRoute } from '../define.ts';
import { Cursor, page } from '../schemas.ts';
import { limit, shopQuery } from './common.ts';
import { CustomerOrderNumber } from '../schemas-customer.ts';
import { CustomerTierView, QueueSort } from '../schemas-queue.ts';

export const ReturnRequestLineInput = z.object({
  lineItemId: EntityId.describe('The storefront’s line item id (`lineId` of the customer order)'),
  quantity: z.int().positive().max(10_000),
  reason: ReturnReason,
  resolution: OfferResolution.describe('What the customer asks for; `keep` only when the policy offers it'),
  exchangeVariantId: EntityId.optional().describe('The replacement variant, for an exchange'),
  photos: z.array(z.url().max(500)).max(10).optional().describe('Photo URLs; some reasons require one'),
  comment: z.string().trim().max(500).optional().describe('The customer’s words about this line'),
});

export const ReturnRequestInput = z
  .object({
    shopId: ShopId.optional().describe('The shop the order was placed at; needed only when the deployment serves several shops with an order of this number and email'),
    orderNumber: CustomerOrderNumber,
    email: EmailAddress.describe('The email address on the order (any case)'),
    lines: z.array(ReturnRequestLineInput).min(1).max(100),
    comment: z.string().trim().max(1000).optional(),
  })
  .superRefine((body, ctx) => {
    body.lines.forEach((line, index) => {
      if (line.resolution === 'exchange' && !line.exchangeVariantId) ctx.addIssue({ code: 'custom', path: ['lines', index, 'exchangeVariantId'], message: 'an exchange needs the replacement variant' });
    });
  })
  .meta({ id: 'ReturnRequest' });

export const CustomerReturnLine = z.object({
  lineItemId: EntityId,
  quantity: z.int().positive(),
  returnReason: ReturnReason.describe('Why the customer returns it (the request line’s `reason`)'),
  resolution: OfferResolution,
  exchangeVariantId: EntityId.optional(),
  exchange: z
    .object({ variantId: EntityId, title: z.string(), unitPrice: Money.describe('One unit of the replacement'), priceDifference: PriceDifference.describe('For all units: what the customer pays (`charge`) or gets back (`refund`)') })
    .optional()
    .describe('For an exchange: the replacement and the price difference'),
  decision: z.enum(['accepted', 'refused']),
  reason: z
    .object({ rule: z.enum(refusalRules), message: z.string().describe('Why, in the customer’s language') })
    .optional()
    .describe('When refused: the policy rule and its reason'),
});

export const CustomerReturn = z
  .object({
    id: EntityId,
    status: ReturnStatus,
    orderNumber: z.string(),
    createdAt: IsoDateTime,
    lines: z.array(CustomerReturnLine),
    shipBy: IsoDateTime.optional().describe('When approved and the items must come back: hand the parcel to the carrier by then'),
    tracking: z.object({ carrierCode: z.string().optional(), trackingNumber: z.string() }).optional().describe('The return parcel, once its tracking number is known'),
  })
  .meta({ id: 'CustomerReturn', description: 'A return as its customer sees it' });

export const createReturn = defineRoute({
  method: 'post',
  path: '/returns',
  operationId: 'createReturn',
  summary: 'Request a return',
  description:
    'The order number and the email on the order identify the customer, as at portal sign-in; `shopId` may be left out when only one shop of the deployment has an order with this number and email (else 400 asks for it). Each line is decided by the shop’s return policy; when every line is accepted the return is approved at once (201). When any line is refused nothing is created and the answer is 422: `errors` names each refused line (`body.lines[i]`) as `<rule>: <message in the customer’s language>`, and `detail` names the first rule.',
  tags: ['Returns'],
  access: { kind: 'public', reason: 'Customers request a return with their order number and the email on the order, which authenticate them as at portal sign-in.' },
  request: { body: ReturnRequestInput },
  responses: {
    201: { description: 'The return, with the decision per line', schema: CustomerReturn },
    400: { description: 'Invalid request; or, without `shopId`, several shops have an order with this number and email (`body.shopId`)' },
    404: { description: 'No order of the shop (of any shop, without `shopId`) has this number and email' },
    409: { description: 'Another request for the same order was made at the same moment: retry' },
    422: { description: 'The policy refuses at least one line: `errors` names each refused line and its rule' },
    503: { description: 'The shop’s exchange service did not answer, so exchange lines cannot be checked: retry' },
  },
});

export const getReturn = defineRoute({
  method: 'get',
  path: '/returns/{id}',
  operationId: 'getReturn',
  summary: 'Get one of my returns',
  description: 'A return of the session’s shop requested with the session’s email.',
  tags: ['Returns'],
  access: { kind: 'customer' },
  request: { params: z.object({ id: EntityId }) },
  responses: {
    200: { description: 'The return', schema: CustomerReturn },
    404: { description: 'No return with this id belongs to the session’s email' },
  },
});

// ---- Ops: the returns desk ---------------------------------------------------------------------

/** The policy rules a rejection may name (the ReturnRejected event's `reason`). */
export const ReturnRejectionRule = z.enum(['outside_window', 'final_sale', 'item_not_eligible', 'used_or_damaged', 'order_not_delivered', 'fraud_risk', 'other']);

const caseParams = z.object({ caseId: EntityId.describe('Id of the return case') });
const shopOfCase = z.object({ shopId: shopQuery });

export const ReturnCaseView = z
  .object({
    id: EntityId,
    shopId: ShopId,
    orderId: EntityId,
    orderNumber: z.string(),
    customer: CustomerRef,
    status: ReturnStatus,
    lines: z.array(CaseLine),
    owner: CaseOwner.optional().describe('The agent handling it: the first one who acted, or whom it was reassigned to'),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: z.int().nonnegative().describe('Pass as `expectedVersion` to act only on what you saw'),
    deadlines: z.object({ shipBy: IsoDateTime.optional(), slaDueAt: IsoDateTime }),
    tracking: z
      .object({ carrierCode: z.string().optional(), trackingNumber: z.string().optional(), status: CarrierStatus.optional().describe('The carrier’s latest news of the parcel'), statusAt: IsoDateTime.optional() })
      .optional(),
    history: z.array(HistoryEntry),
    timers: z.array(CaseTimer),
    slaBreached: z.boolean().describe('The shop owes the next step and the handling SLA has passed'),
    exchange: ExchangeProgress.optional().describe('What was done on the storefront for the exchange lines: reservations, replacement order, charges'),
    tier: CustomerTierView.nullable().optional().describe('In lists: the customer’s VIP tier now (null when none)'),
  })
  .meta({ id: 'ReturnCase', description: 'A return case as ops see it' });

const transitionErrors = {
  403: { description: 'Your role may not do this (approving a rejected return needs a supervisor)' },
  404: { description: 'No return with this id in the shop' },
  409: { description: '`invalid_transition`: not allowed from the current status; or someone changed the case at the same moment' },
};

export const listReturns = defineRoute({
  method: 'get',
  path: '/ops/returns',
  operationId: 'listReturns',
  summary: 'List return cases',
  description: 'The shop’s return cases, newest first, or by `sort` (every case of a shop has the same handling SLA from its creation, so `sla` reads oldest first). Filters apply to each page read, so a page may hold fewer than `limit`: follow `nextCursor`. Each case carries its customer’s tier.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'viewer' },
  request: {
    query: z.object({
      shopId: shopQuery,
      status: ReturnStatus.optional(),
      reason: ReturnReason.optional().describe('Cases with at least one line for this reason'),
      olderThanHours: z.coerce.number().int().min(1).max(24 * 365).optional().describe('Created at least this many hours ago'),
      slaBreached: z.enum(['true', 'false']).optional().describe('Only cases past (true) or within (false) their handling SLA'),
      customerId: EntityId.optional().describe('Only this customer’s cases'),
      sort: QueueSort.default('newest'),
      limit,
      cursor: Cursor.optional(),
    }),
  },
  responses: { 200: { description: 'A page of return cases', schema: page(ReturnCaseView, 'ReturnCasePage') } },
});

export const getReturnCase = defineRoute({
  method: 'get',
  path: '/ops/returns/{caseId}',
  operationId: 'getReturnCase',
  summary: 'Get a return case',
  description: 'The case with its history, owner, timers and SLA flag.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'viewer' },
  request: { params: caseParams, query: shopOfCase },
  responses: { 200: { description: 'The return case', schema: ReturnCaseView }, 404: { description: 'No return with this id in the shop' } },
});

export const approveReturn = defineRoute({
  method: 'post',
  path: '/ops/returns/{caseId}/approve',
  operationId: 'approveReturn',
  summary: 'Approve a return',
  description: 'Approves a requested return (agent), or overrides a rejection (supervisor, with a reason). With `expectedVersion`, only if the case is still at that version.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: caseParams,
    query: shopOfCase,
    body: z.object({ reason: z.string().trim().min(3).max(500).optional().describe('Required to override a rejection'), expectedVersion: z.int().nonnegative().optional() }).meta({ id: 'ApproveReturnRequest' }),
  },
  responses: { 200: { description: 'The approved case', schema: ReturnCaseView }, ...transitionErrors },
});

export const rejectReturn = defineRoute({
  method: 'post',
  path: '/ops/returns/{caseId}/reject',
  operationId: 'rejectReturn',
  summary: 'Reject a return',
  description: 'Rejects a requested return; the reason is sent to the customer and kept in the audit trail.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: caseParams,
    query: shopOfCase,
    body: z.object({ reason: z.string().trim().min(3).max(500).describe('Why, for the customer and the audit trail'), rule: ReturnRejectionRule.optional().describe('The policy rule that applies') }).meta({ id: 'RejectReturnRequest' }),
  },
  responses: { 200: { description: 'The rejected case', schema: ReturnCaseView }, ...transitionErrors },
});

export const recordReturnReceipt = defineRoute({
  method: 'post',
  path: '/ops/returns/{caseId}/receipt',
  operationId: 'recordReturnReceipt',
  summary: 'Record that the return arrived',
  description: 'The parcel reached the warehouse (also without a tracked shipment): reminders and expiry stop.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'agent' },
  request: { params: caseParams, query: shopOfCase, body: z.object({ reason: z.string().trim().max(500).optional() }).meta({ id: 'ReturnReceiptRequest' }) },
  responses: { 200: { description: 'The received case', schema: ReturnCaseView }, ...transitionErrors },
});

export const recordInspection = defineRoute({
  method: 'post',
  path: '/ops/returns/{caseId}/inspection',
  operationId: 'recordInspection',
  summary: 'Record the inspection of a return',
  description: 'One condition per line of the return; damaged, defective, wrong or missing items are written off (`restock: false`).',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: caseParams,
    query: shopOfCase,
    body: z
      .object({ lines: z.array(z.object({ lineItemId: EntityId, condition: ItemCondition, note: z.string().trim().max(500).optional() })).min(1).max(100) })
      .meta({ id: 'ReturnInspectionRequest' }),
  },
  responses: { 200: { description: 'The inspected case', schema: ReturnCaseView }, ...transitionErrors },
});

export const reassignReturn = defineRoute({
  method: 'post',
  path: '/ops/returns/{caseId}/reassign',
  operationId: 'reassignReturn',
  summary: 'Reassign a return',
  description: 'Gives the case to another agent, with a reason for the audit trail.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'agent' },
  request: {
    params: caseParams,
    query: shopOfCase,
    body: z.object({ to: CaseOwner, reason: z.string().trim().min(3).max(500) }).meta({ id: 'ReassignReturnRequest' }),
  },
  responses: { 200: { description: 'The reassigned case', schema: ReturnCaseView }, ...transitionErrors },
});
