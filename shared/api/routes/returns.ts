// Customer return requests: a customer names the order (number and email, as at portal sign-in)
// and the lines to return; the shop's policy decides each line at once. A request whose lines are
// all accepted is approved by policy; any refused line refuses the request (422) naming the rule.
import { z } from 'zod';
import { EmailAddress, EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { ReturnReason } from '../../events/returns.ts';
import { refusalRules } from '../../returns/eligibility.ts';
import { OfferResolution } from '../../returns/policy.ts';
import { ReturnStatus } from '../../returns/case.ts';
import { defineRoute } from '../define.ts';
import { CustomerOrderNumber } from '../schemas-customer.ts';

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
    shopId: ShopId.describe('The shop the order was placed at, as for portal sign-in'),
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
  })
  .meta({ id: 'CustomerReturn', description: 'A return as its customer sees it' });

export const createReturn = defineRoute({
  method: 'post',
  path: '/returns',
  operationId: 'createReturn',
  summary: 'Request a return',
  description:
    'The order number and the email on the order identify the customer, as at portal sign-in. Each line is decided by the shop’s return policy; when every line is accepted the return is approved at once (201). When any line is refused nothing is created and the answer is 422: `errors` names each refused line (`body.lines[i]`) as `<rule>: <message in the customer’s language>`, and `detail` names the first rule.',
  tags: ['Returns'],
  access: { kind: 'public', reason: 'Customers request a return with their order number and the email on the order, which authenticate them as at portal sign-in.' },
  request: { body: ReturnRequestInput },
  responses: {
    201: { description: 'The return, with the decision per line', schema: CustomerReturn },
    404: { description: 'No order of the shop has this number and email' },
    409: { description: 'Another request for the same order was made at the same moment: retry' },
    422: { description: 'The policy refuses at least one line: `errors` names each refused line and its rule' },
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
