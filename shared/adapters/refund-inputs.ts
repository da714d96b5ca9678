// What the refund engine decides an inspected return from, read from the state table: the order as
// stored, its ledger, the customer's history, the shop's refund rules and return policy. The decide
// step (functions/refunds/decide.ts) and the refund rules' dry run (functions/refunds/rules.ts)
// read them here, so a dry run decides exactly as the decide step would.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ReturnDecisionInput } from '../refunds/return-decision.ts';
import type { RefundRules } from '../refunds/rules.ts';
import { decisionIdOfClaim } from '../refunds/claim-offer.ts';
import type { ReturnCase } from '../returns/case.ts';
import { orderOfState } from '../returns/policy-publication.ts';
import type { ReturnPolicy } from '../returns/policy.ts';
import type { NormalizedOrder } from '../storefronts/normalized.ts';
import { CustomerHistoryReader } from './customer-history.ts';
import { IngestStore } from './ingest-store.ts';
import { RefundLedgerStore } from './refund-ledger-store.ts';
import { currentRefundRules } from './refund-rules-store.ts';
import { ReturnStore } from './return-store.ts';

/** Everything but the return itself, the decision time and the event id. */
export type ReturnRefundInputs = Omit<ReturnDecisionInput, 'returnCase' | 'now' | 'eventId'>;

/** What the caller already read, shared by many returns (a dry run reads the orders, rules and policy once). */
export interface KnownInputs {
  order?: NormalizedOrder;
  rules?: RefundRules;
  returnPolicy?: ReturnPolicy;
}

export class RefundInputsReader {
  private readonly ingest: IngestStore;
  private readonly ledger: RefundLedgerStore;
  private readonly returns: ReturnStore;
  private readonly history: CustomerHistoryReader;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {
    this.ingest = new IngestStore(client, tableName);
    this.ledger = new RefundLedgerStore(client, tableName);
    this.returns = new ReturnStore(client, tableName);
    this.history = new CustomerHistoryReader(client, tableName);
  }

  /**
   * A parcel claim's inputs, read as a return's are (order, ledger, the customer's history with the
   * claim itself not counted, rules, policy): the claim stands in for the return.
   */
  async ofParcelClaim(claim: { claimId: string; shopId: string; orderId: string; customer: ReturnCase['customer']; createdAt: string }): Promise<ReturnRefundInputs> {
    const { claimId, ...rest } = claim;
    // The claims index keeps a parcel claim under its decision id: leave that one out of the history.
    return this.ofReturn({ ...rest, id: decisionIdOfClaim(claimId) });
  }

  /** What a claim is decided from; the claim is a return case, or a parcel claim shaped like one. */
  async ofReturn(returnCase: Pick<ReturnCase, 'id' | 'shopId' | 'orderId' | 'customer' | 'createdAt'>, known: KnownInputs = {}): Promise<ReturnRefundInputs> {
    const { shopId, orderId } = returnCase;
    const order = known.order ?? orderOfState(await this.ingest.order(shopId, orderId));
    if (!order) throw new Error(`Order ${shopId}/${orderId} of return ${returnCase.id} not found`);
    const [summary, history, rules, returnPolicy] = await Promise.all([
      this.ledger.open(shopId, orderId),
      // Before this return: not itself, nor anything the customer claimed after it (a dry run decides old returns again).
      this.history.before(shopId, returnCase.customer.id, { id: returnCase.id, orderId, createdAt: returnCase.createdAt }),
      known.rules ?? currentRefundRules(this.client, this.tableName, shopId),
      known.returnPolicy ?? this.returns.policy(shopId),
    ]);
    return {
      order,
      ...(summary ? { ledger: { paid: summary.paid, refunded: summary.refunded, credited: summary.credited } } : {}),
      history,
      rules,
      returnPolicy,
    };
  }
}
