import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { decideRefund, dryRunRefundRules, getDecisionExplanation, getOrderLedger, getRefundRules, listRefundReviews, updateRefundRules } from '../../shared/api/routes.ts';
import { eventPatternFor } from '../../shared/events/define.ts';
import { ParcelClaimFiled, RefundDecided, RefundRecorded } from '../../shared/events/refunds.ts';
import { TimerFired } from '../../shared/events/timers.ts';
import { chooseClaimResolution, fileOpsParcelClaim, fileParcelClaim, getClaimOffer } from '../../shared/api/routes.ts';
import { ReturnDelivered, ReturnInspected, ReturnShipped } from '../../shared/events/returns.ts';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface RefundsProps {
  readonly backbone: Backbone;
  /** The shops secret: each shop's payment provider. */
  readonly shopsSecret: ISecret;
  /** The ops API's authorizer, for the refunds desk routes. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** The customer portal's session key: customers file parcel claims and choose their resolution with the portal session. */
  readonly sessionSecret: ISecret;
}

/**
 * Refunds and the money they move: the order ledger (every refund and credit conditional on what
 * was paid) and its reconciliation with the refunds storefronts report (RefundRecorded): our own
 * refunds are confirmed, refunds made on the storefront recorded as external refunds. Ops review
 * and explain decisions, and read ledgers, on the refunds desk routes; a supervisor tries and
 * publishes the shop's refund rules on the rules routes.
 */
export class Refunds extends Construct {
  constructor(scope: Construct, id: string, { backbone, shopsSecret, authorizer, sessionSecret }: RefundsProps) {
    super(scope, id);

    const reconcile = backbone.newFunction(this, 'Reconcile', {
      entry: 'functions/refunds/reconcile.ts',
      service: 'refunds',
      description: 'Reconciles storefront refunds (RefundRecorded) with the order ledger',
      timeout: Duration.seconds(20),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(reconcile, 'readWrite');
    const recorded = new WorkQueue(this, 'RecordedQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'RecordedRule', eventPatternFor(RefundRecorded), recorded, reconcile);

    // Each inspected return gets its refund decision (the engine, explained), once.
    const decide = backbone.newFunction(this, 'Decide', {
      entry: 'functions/refunds/decide.ts',
      service: 'refunds',
      description: 'Decides the refund of each inspected return with the shop’s refund rules',
      timeout: Duration.seconds(20),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(decide, 'readWrite');
    const inspected = new WorkQueue(this, 'InspectedQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'InspectedRule', eventPatternFor(ReturnInspected, ReturnShipped, ReturnDelivered), inspected, decide);

    // Approved decisions run their saga: money once, the customer's message, the return resolved.
    const execute = backbone.newFunction(this, 'Execute', {
      entry: 'functions/refunds/execute.ts',
      service: 'refunds',
      description: 'Runs approved refund decisions: refund or credit once, tell the customer, resolve the return',
      timeout: Duration.seconds(60),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(execute, 'readWrite');
    shopsSecret.grantRead(execute.fn);
    // A provider that does not answer holds the message for a retry: give it several minutes.
    const decided = new WorkQueue(this, 'DecidedQueue', { visibilityTimeout: Duration.seconds(360), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'DecidedRule', eventPatternFor(RefundDecided), decided, execute, 5);

    // Parcel claims (customer, ops, the delay ladder) are decided once each; an offer the customer
    // leaves unanswered takes its recommended option when its timer fires.
    const claims = backbone.newFunction(this, 'Claims', {
      entry: 'functions/refunds/claims.ts',
      service: 'refunds',
      description: 'Decides parcel claims (ParcelClaimFiled) and applies the recommended option when a customer does not choose in time',
      timeout: Duration.seconds(20),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(claims, 'readWrite');
    shopsSecret.grantRead(claims.fn);
    const filed = new WorkQueue(this, 'ClaimQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'ClaimRule', eventPatternFor(ParcelClaimFiled), filed, claims);
    const offerTimers = new WorkQueue(this, 'ClaimTimerQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'ClaimTimerRule', { ...eventPatternFor(TimerFired), detail: { kind: ['claim_offer'] } }, offerTimers, claims);

    // Claim routes: customers file claims and choose; agents file them for a customer (audited).
    const claimsApi = backbone.newFunction(this, 'ClaimsApi', {
      entry: 'functions/refunds/claims-api.ts',
      service: 'refunds',
      description: 'Parcel claim routes: file a claim (customer or agent), read its options and choose one (customer)',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, CUSTOMER_SESSION_SECRET_ARN: sessionSecret.secretArn },
    });
    backbone.grantState(claimsApi, 'readWrite');
    sessionSecret.grantRead(claimsApi.fn);
    for (const route of [fileParcelClaim, getClaimOffer, chooseClaimResolution]) backbone.addCustomerRoute(route, claimsApi.fn);
    backbone.addAuthorizedRoute(fileOpsParcelClaim, claimsApi.fn, authorizer);

    // The refunds desk: the review queue, a person's decision (audited), ledgers and explanations.
    const desk = backbone.newFunction(this, 'Desk', {
      entry: 'functions/refunds/ops.ts',
      service: 'refunds',
      description: 'Ops API refunds desk: review queue, approve/override/deny/retry, order ledger, decision explanation',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(desk, 'readWrite');
    for (const route of [listRefundReviews, decideRefund, getOrderLedger, getDecisionExplanation]) backbone.addAuthorizedRoute(route, desk.fn, authorizer);

    // The refund rules: read them, try a draft on the latest inspected returns, publish a version (supervisor).
    const rules = backbone.newFunction(this, 'Rules', {
      entry: 'functions/refunds/rules.ts',
      service: 'refunds',
      description: 'Ops API refund rules: read, dry run on the latest inspected returns, publish a version',
      // A dry run decides up to a thousand orders' returns again: as long as the API waits.
      timeout: Duration.seconds(29),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(rules, 'readWrite');
    for (const route of [getRefundRules, updateRefundRules, dryRunRefundRules]) backbone.addAuthorizedRoute(route, rules.fn, authorizer);
  }
}
