// The shop's refund rules through the ops API, as the return policy (return-policy.ts): anyone on
// the desk reads the rules in effect; a supervisor tries a draft on the inspected returns of the
// shop's latest orders (dry run, nothing written) and publishes it as the next version,
// conditionally on the version they read, with an audit record.
import * as z from 'zod';
import { EntityId, IsoDateTime, Money, ShopId, SignedMoney } from '../../events/common.ts';
import { DecisionKind, ResolutionKind, RefundTiming, RuleCode } from '../../refunds/decision.ts';
import { RefundRules } from '../../refunds/rules.ts';
import { maxDryRunOrders } from '../../returns/policy-publication.ts';
import { defineRoute, roles } from '../define.ts';
import { shopQuery } from './common.ts';

const shopOfRules = z.object({ shopId: shopQuery });

const invalidRules = { description: 'The request is invalid: `errors` names each offending field, such as `body.rules.approval.autoApproveUpTo`' };

export const RefundRulesVersionView = z
  .object({
    shopId: ShopId,
    version: z.int().nonnegative().describe('The published version in effect; 0: the default rules, never published. Pass as `expectedVersion` to publish the next one'),
    rules: RefundRules.describe('The rules every refund decision of the shop is taken by'),
    publishedAt: IsoDateTime.optional(),
    publishedBy: z.object({ sub: z.string(), email: z.string().optional(), role: z.enum(roles) }).optional().describe('The supervisor who published them'),
    reason: z.string().optional().describe('Why they were published, as their publisher said'),
  })
  .meta({ id: 'RefundRulesVersion', description: 'A shop’s refund rules in effect, and who published them' });

export const getRefundRules = defineRoute({
  method: 'get',
  path: '/ops/refunds/rules',
  operationId: 'getRefundRules',
  summary: 'Get the refund rules',
  description: 'The refund rules the shop decides refunds with, their version (0 while the shop has published none and the default applies) and who published them.',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'viewer' },
  request: { query: shopOfRules },
  responses: { 200: { description: 'The rules in effect', schema: RefundRulesVersionView } },
});

export const updateRefundRules = defineRoute({
  method: 'put',
  path: '/ops/refunds/rules',
  operationId: 'updateRefundRules',
  summary: 'Publish refund rules',
  description:
    'Publishes `rules` as the next version, only if the shop is still at `expectedVersion`: a refund decided from then on uses them. Every version is kept, and the publication is in the audit trail (subject `policy` `refunds`) with the rules it changed and the reason. The rules’ own `version` is set to the version published; each decision names it.',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfRules,
    body: z
      .object({
        rules: RefundRules.describe('The whole rule set, as GET answers it; defaults apply to omitted settings'),
        expectedVersion: z.int().nonnegative().describe('The `version` you read: publishing fails with 409 if another was published since'),
        reason: z.string().trim().min(3).max(500).describe('Why, for the audit trail'),
      })
      .meta({ id: 'PublishRefundRulesRequest' }),
  },
  responses: {
    200: { description: 'The rules published, now in effect', schema: RefundRulesVersionView },
    400: invalidRules,
    403: { description: 'Publishing refund rules needs the supervisor role' },
    409: { description: 'Another version was published since `expectedVersion`: read the rules again' },
  },
});

export const RefundDecisionOutcome = z
  .object({
    kind: DecisionKind,
    proposedKind: ResolutionKind.optional().describe('For manual review: what the engine would have done'),
    amount: Money.optional().describe('What the customer would receive'),
    needsSupervisor: z.boolean(),
    options: z.array(ResolutionKind).describe('The resolutions offered, in rank order'),
    refundAt: RefundTiming,
    fired: z.array(RuleCode).describe('The rules that fired'),
  })
  .meta({ id: 'RefundDecisionOutcome', description: 'What matters of a refund decision when two rule sets are compared' });

export const RefundRulesDryRun = z
  .object({
    shopId: ShopId,
    currentVersion: z.int().nonnegative().describe('The version in effect, compared with the draft'),
    draftVersion: z.int().positive().describe('The version the draft would become if published now'),
    evaluatedAt: IsoDateTime.describe('Both rule sets decide as of this instant'),
    totals: z.object({
      orders: z.int().nonnegative().describe('Orders looked at: the shop’s latest, up to the number asked'),
      claims: z.int().nonnegative().describe('Inspected returns decided again'),
      changed: z.int().nonnegative().describe('Decisions the draft takes differently'),
      becomeManualReview: z.int().nonnegative(),
      leaveManualReview: z.int().nonnegative(),
      amountDelta: z.array(SignedMoney).describe('Per currency: what the draft would give back more (negative: less) than the rules in effect'),
    }),
    changes: z.array(
      z.object({
        decisionId: EntityId,
        orderId: EntityId,
        returnId: EntityId,
        changed: z.array(z.enum(['kind', 'amount', 'needsSupervisor', 'options', 'timing'])).describe('What differs'),
        before: RefundDecisionOutcome.describe('Under the rules in effect'),
        after: RefundDecisionOutcome.describe('Under the draft'),
      }),
    ),
  })
  .meta({ id: 'RefundRulesDryRun', description: 'The refund decisions draft rules would take differently from the rules in effect' });

export const dryRunRefundRules = defineRoute({
  method: 'post',
  path: '/ops/refunds/rules/dry-run',
  operationId: 'dryRunRefundRules',
  summary: 'Try draft refund rules',
  description:
    'Decides again the refund of every inspected return among the shop’s latest orders (newest first, `orders` of them), under the rules in effect and under the draft, from what the decision step reads (the order, its ledger, the customer’s history, the return policy) as of now, and lists the decisions taken differently: before, after and the rules that fired. Nothing is written.',
  tags: ['Refunds'],
  access: { kind: 'ops', role: 'supervisor' },
  request: {
    query: shopOfRules,
    body: z
      .object({
        rules: RefundRules.describe('The draft; its `version` is ignored'),
        orders: z.int().min(1).max(maxDryRunOrders).default(100).describe(`How many of the shop’s latest orders to look at (1 to ${maxDryRunOrders}, default 100)`),
      })
      .meta({ id: 'RefundRulesDryRunRequest' }),
  },
  responses: {
    200: { description: 'The summary and every decision taken differently', schema: RefundRulesDryRun },
    400: invalidRules,
    403: { description: 'Trying draft refund rules needs the supervisor role' },
  },
});
