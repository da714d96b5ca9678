// Parcel claims: a parcel that did not arrive whole (not delivered, damaged in transit, wrong or
// missing item), claimed by its customer (portal session) or by an agent. The claim is accepted at
// once (202) and decided by the refund engine from its event; when the decision offers a choice
// the customer reads the options and picks one here.
import * as z from 'zod';
import { EntityId, IsoDateTime, LineQuantity, Money } from '../../events/common.ts';
import { ParcelClaimKindName } from '../../events/refunds.ts';
import { ResolutionKind } from '../../refunds/decision.ts';
import { DecisionStatus } from '../../refunds/decision-record.ts';
import { defineRoute } from '../define.ts';
import { CustomerOrderNumber } from '../schemas-customer.ts';
import { shopQuery } from './common.ts';

const claimDetails = {
  kind: ParcelClaimKindName,
  lines: z.array(LineQuantity).min(1).max(100).optional().describe('The lines and units concerned (`lineId` of the order); absent: the whole parcel'),
  comment: z.string().trim().max(1000).optional(),
  photos: z.array(z.url().max(500)).max(10).optional().describe('Photo URLs (damage, wrong item)'),
};

export const FileParcelClaimRequest = z.object({ orderNumber: CustomerOrderNumber, ...claimDetails }).meta({ id: 'FileParcelClaimRequest' });

export const FileOpsParcelClaimRequest = z
  .object({ ...claimDetails, reason: z.string().trim().min(1).max(1000).describe('Why the agent files it (kept in the audit trail)') })
  .meta({ id: 'FileOpsParcelClaimRequest' });

export const ParcelClaimAccepted = z
  .object({
    claimId: EntityId,
    decisionId: EntityId.describe('The decision the engine will write for this claim'),
    statusUrl: z.string().describe('Where to read the decision: the claim’s offer for a customer, the decision explanation for ops'),
  })
  .meta({ id: 'ParcelClaimAccepted' });

export const ClaimOffer = z
  .object({
    decisionId: EntityId,
    orderNumber: z.string(),
    claimKind: ParcelClaimKindName,
    status: DecisionStatus.describe('`awaiting_customer` until a choice is made; then the decision’s progress'),
    options: z.array(
      z.object({
        kind: ResolutionKind,
        rank: z.int().positive(),
        recommended: z.boolean(),
        amount: Money.optional().describe('What it gives back; absent for a replacement'),
        bonus: Money.optional(),
        requiresItemBack: z.boolean(),
        why: z.string(),
      }),
    ),
    recommended: ResolutionKind.optional().describe('Applies when no choice is made by `expiresAt`'),
    expiresAt: IsoDateTime.optional(),
    choice: z.object({ kind: ResolutionKind, by: z.enum(['customer', 'expiry']), at: IsoDateTime }).optional().describe('The option taken, once chosen'),
  })
  .meta({ id: 'ClaimOffer', description: 'A parcel claim’s decision as its customer sees it: the options, recommended first' });

export const fileParcelClaim = defineRoute({
  method: 'post',
  path: '/claims',
  operationId: 'fileParcelClaim',
  summary: 'Report a parcel that did not arrive whole',
  description:
    'For an order placed with the session’s email: not delivered, damaged in transit, wrong item or missing item. Accepted at once (202) and decided shortly after; when there is a choice of resolutions, the customer gets a message listing them and reads them at `statusUrl`.',
  tags: ['Claims'],
  access: { kind: 'customer' },
  request: { body: FileParcelClaimRequest },
  responses: {
    202: { description: 'The claim is filed and will be decided', schema: ParcelClaimAccepted },
    404: { description: 'No order with this number was placed with the session’s email' },
    422: { description: 'The order contradicts the claim: `errors` names each line (`body.lines[i].lineId` not on the order, `.quantity` above what was ordered)' },
  },
});

export const fileOpsParcelClaim = defineRoute({
  method: 'post',
  path: '/ops/orders/{orderId}/claims',
  operationId: 'fileOpsParcelClaim',
  summary: 'File a parcel claim for a customer',
  description: 'An agent files a claim (e.g. after a phone call), with a reason kept in the audit trail. Decided like a customer’s claim, without asking the customer to choose: the engine’s recommendation is taken, or a person reviews it.',
  tags: ['Claims'],
  access: { kind: 'ops', role: 'agent' },
  request: { params: z.object({ orderId: EntityId }), query: z.object({ shopId: shopQuery }), body: FileOpsParcelClaimRequest },
  responses: {
    202: { description: 'The claim is filed and will be decided', schema: ParcelClaimAccepted },
    404: { description: 'No order with this id in the shop' },
    422: { description: 'The order contradicts the claim: `errors` names each line' },
  },
});

const decisionParams = z.object({ decisionId: EntityId.describe('The `decisionId` the claim was accepted with') });

export const getClaimOffer = defineRoute({
  method: 'get',
  path: '/claims/{decisionId}',
  operationId: 'getClaimOffer',
  summary: 'Read my claim’s options',
  description: 'The decision on one of the session customer’s parcel claims: the options, the recommended one, until when to choose, and the choice once made.',
  tags: ['Claims'],
  access: { kind: 'customer' },
  request: { params: decisionParams },
  responses: {
    200: { description: 'The claim’s offer', schema: ClaimOffer },
    404: { description: 'No claim decision with this id belongs to the session’s email (or it is not decided yet)' },
  },
});

export const chooseClaimResolution = defineRoute({
  method: 'post',
  path: '/claims/{decisionId}/choice',
  operationId: 'chooseClaimResolution',
  summary: 'Choose how my claim is settled',
  description: 'Picks one of the offered options. Once chosen it is executed (a refund, store credit, a replacement) or, when the shop’s rules ask for it, checked by a person first. A choice is made once: choosing again answers 409 naming the first choice.',
  tags: ['Claims'],
  access: { kind: 'customer' },
  request: { params: decisionParams, body: z.object({ kind: ResolutionKind }).meta({ id: 'ClaimChoice' }) },
  responses: {
    200: { description: 'The claim’s offer after the choice', schema: ClaimOffer },
    404: { description: 'No claim decision with this id belongs to the session’s email' },
    409: { description: 'A choice was already made (named), the offer expired, or a person settled the claim' },
    422: { description: '`body.kind` is not one of the options offered' },
  },
});
