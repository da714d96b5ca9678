// The shop's return policy through the ops API: anyone on the desk reads the policy in effect; a
// supervisor tries a draft on the shop's latest orders (dry run, nothing written) and publishes it
// as the next version, conditionally on the version they read, with an audit record.
import * as z from 'zod';
import { EntityId, IsoDateTime, ShopId } from '../../events/common.ts';
import { refusalRules } from '../../returns/eligibility.ts';
import { maxDryRunOrders } from '../../returns/policy-publication.ts';
import { OfferResolution, ReturnPolicy } from '../../returns/policy.ts';
import { defineRoute, roles } from '../define.ts';
import { shopQuery } from './common.ts';

const shopOfPolicy = z.object({ shopId: shopQuery });

const invalidPolicy = { description: 'The request is invalid: `errors` names each offending field, such as `body.policy.windowDays`' };

export const ReturnPolicyVersionView = z
  .object({
    shopId: ShopId,
    version: z.int().nonnegative().describe('The published version in effect; 0: the default policy, never published. Pass as `expectedVersion` to publish the next one'),
    policy: ReturnPolicy.describe('The policy every return request of the shop is decided by'),
    publishedAt: IsoDateTime.optional(),
    publishedBy: z.object({ sub: z.string(), email: z.string().optional(), role: z.enum(roles) }).optional().describe('The supervisor who published it'),
    reason: z.string().optional().describe('Why it was published, as its publisher said'),
  })
  .meta({ id: 'ReturnPolicyVersion', description: 'A shop’s return policy in effect, and who published it' });

export const getReturnPolicy = defineRoute({
  method: 'get',
  path: '/ops/returns/policy',
  operationId: 'getReturnPolicy',
  summary: 'Get the return policy',
  description: 'The return policy the shop decides return requests with, its version (0 while the shop has published none and the default applies) and who published it.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'viewer' },
  request: { query: shopOfPolicy },
  responses: { 200: { description: 'The policy in effect', schema: ReturnPolicyVersionView } },
});

export const updateReturnPolicy = defineRoute({
  method: 'put',
  path: '/ops/returns/policy',
  operationId: 'updateReturnPolicy',
  summary: 'Publish a return policy',
  description:
    'Publishes `policy` as the next version, only if the shop is still at `expectedVersion`: a request decided from then on uses it. Every version is kept, and the publication is in the audit trail (subject `policy` `returns`) with the settings it changed and the reason. The policy’s own `version` is set to the version published.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfPolicy,
    body: z
      .object({
        policy: ReturnPolicy.describe('The whole policy, as GET answers it; defaults apply to omitted settings'),
        expectedVersion: z.int().nonnegative().describe('The `version` you read: publishing fails with 409 if another was published since'),
        reason: z.string().trim().min(3).max(500).describe('Why, for the audit trail'),
      })
      .meta({ id: 'PublishReturnPolicyRequest' }),
  },
  responses: {
    200: { description: 'The policy published, now in effect', schema: ReturnPolicyVersionView },
    400: invalidPolicy,
    403: { description: 'Publishing a policy needs the supervisor role' },
    409: { description: 'Another version was published since `expectedVersion`: read the policy again' },
  },
});

export const ReturnPolicyLineOutcome = z
  .object({
    returnable: z.boolean(),
    maxQuantity: z.int().nonnegative().describe('Units the customer could still return'),
    deadline: IsoDateTime.optional().describe('The end of the return window'),
    resolutions: z.record(z.string(), z.array(OfferResolution)).describe('Resolutions offered per return reason; only reasons with one'),
    rules: z.array(z.enum(refusalRules)).describe('The rules that refuse the line; empty when returnable'),
  })
  .meta({ id: 'ReturnPolicyLineOutcome', description: 'How a policy decides an order line' });

export const ReturnPolicyDryRun = z
  .object({
    shopId: ShopId,
    currentVersion: z.int().nonnegative().describe('The version in effect, compared with the draft'),
    draftVersion: z.int().positive().describe('The version the draft would become if published now'),
    evaluatedAt: IsoDateTime.describe('Both policies decide as of this instant'),
    totals: z.object({
      orders: z.int().nonnegative().describe('Orders evaluated: the shop’s latest, up to the number asked'),
      lines: z.int().nonnegative(),
      changed: z.int().nonnegative().describe('Lines the draft decides differently'),
      becomeReturnable: z.int().nonnegative(),
      becomeNotReturnable: z.int().nonnegative(),
    }),
    changes: z.array(
      z.object({
        orderId: EntityId,
        orderNumber: z.string(),
        lineItemId: EntityId,
        changed: z.array(z.enum(['returnable', 'maxQuantity', 'deadline', 'resolutions'])).describe('What differs'),
        before: ReturnPolicyLineOutcome.describe('Under the policy in effect'),
        after: ReturnPolicyLineOutcome.describe('Under the draft'),
      }),
    ),
  })
  .meta({ id: 'ReturnPolicyDryRun', description: 'The order lines a draft policy would decide differently from the policy in effect' });

export const dryRunReturnPolicy = defineRoute({
  method: 'post',
  path: '/ops/returns/policy/dry-run',
  operationId: 'dryRunReturnPolicy',
  summary: 'Try a draft return policy',
  description:
    'Decides each line of the shop’s latest orders (newest first, `orders` of them) under the policy in effect and under the draft, as of now and counting the units already in returns, and lists the lines decided differently: before, after and the refusal rules. Nothing is written.',
  tags: ['Returns'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfPolicy,
    body: z
      .object({
        policy: ReturnPolicy.describe('The draft; its `version` is ignored'),
        orders: z.int().min(1).max(maxDryRunOrders).default(100).describe(`How many of the shop’s latest orders to evaluate (1 to ${maxDryRunOrders}, default 100)`),
      })
      .meta({ id: 'ReturnPolicyDryRunRequest' }),
  },
  responses: {
    200: { description: 'The summary and every line decided differently', schema: ReturnPolicyDryRun },
    400: invalidPolicy,
    403: { description: 'Trying a draft policy needs the supervisor role' },
  },
});
