import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { eventPatternFor } from '../../shared/events/define.ts';
import { TimerFired } from '../../shared/events/timers.ts';
import { ReturnApproved, ReturnCancelled, ReturnExpired, ReturnInspected } from '../../shared/events/returns.ts';
import { WorkQueue } from './queues.ts';
import { approveReturn, createReturn, getReturn, getReturnCase, listReturns, reassignReturn, recordInspection, recordReturnReceipt, rejectReturn } from '../../shared/api/routes.ts';
import { dryRunReturnPolicy, getReturnPolicy, updateReturnPolicy } from '../../shared/api/routes.ts';
import { receiveCarrierTracking, recordReturnShipment } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';

export interface ReturnsProps {
  readonly backbone: Backbone;
  /** The customer portal's session key: customers read their returns with the portal session. */
  readonly sessionSecret: ISecret;
  /** The shops secret: each shop's time zone, in which return windows end. */
  readonly shopsSecret: ISecret;
  /** The ops API's authorizer, for the returns desk routes. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * Customer returns: a customer requests a return with the order number and its email; the shop's
 * policy decides each line, an accepted request is approved at once, and the case, its events and
 * customer messages are written in one transaction (the outbox publishes them). Ops work the cases
 * on the returns desk routes (approve, reject, receipt, inspection), each a versioned transition.
 */
export class Returns extends Construct {
  constructor(scope: Construct, id: string, { backbone, sessionSecret, shopsSecret, authorizer }: ReturnsProps) {
    super(scope, id);

    const customer = backbone.newFunction(this, 'Customer', {
      entry: 'functions/returns/customer.ts',
      service: 'returns',
      description: 'Customer returns: request a return, read own returns',
      environment: {
        STATE_TABLE_NAME: backbone.stateTable.tableName,
        CUSTOMER_SESSION_SECRET_ARN: sessionSecret.secretArn,
        SHOPS_SECRET_ARN: shopsSecret.secretArn,
      },
    });
    backbone.grantState(customer, 'readWrite');
    sessionSecret.grantRead(customer.fn);
    shopsSecret.grantRead(customer.fn);

    backbone.addPublicRoute(createReturn, customer.fn);
    backbone.addCustomerRoute(getReturn, customer.fn);
    backbone.addCustomerRoute(recordReturnShipment, customer.fn);

    const desk = backbone.newFunction(this, 'Desk', {
      entry: 'functions/returns/ops.ts',
      service: 'returns',
      description: 'Ops API returns desk: list, read, approve, reject, receipt, inspection, reassign',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(desk, 'readWrite');
    for (const route of [listReturns, getReturnCase, approveReturn, rejectReturn, recordReturnReceipt, recordInspection, reassignReturn]) backbone.addAuthorizedRoute(route, desk.fn, authorizer);

    // The reminder ladder and expiry of approved returns (set through the timer keeper).
    const timers = backbone.newFunction(this, 'Timers', {
      entry: 'functions/returns/timers.ts',
      service: 'returns',
      description: 'Reminds customers of approved returns not yet sent, and expires them at the ship-by date',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(timers, 'readWrite');
    const fired = new WorkQueue(this, 'TimerQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'TimerRule', { ...eventPatternFor(TimerFired), detail: { kind: ['return_reminder', 'return_expiry'] } }, fired, timers);

    // The return policy: read it, try a draft on the latest orders, publish a version (supervisor).
    const policy = backbone.newFunction(this, 'Policy', {
      entry: 'functions/returns/policy.ts',
      service: 'returns',
      description: 'Ops API return policy: read, dry run on the latest orders, publish a version',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(policy, 'readWrite');
    shopsSecret.grantRead(policy.fn);
    for (const route of [getReturnPolicy, updateReturnPolicy, dryRunReturnPolicy]) backbone.addAuthorizedRoute(route, policy.fn, authorizer);

    // Return parcel news from label providers and carriers, signed with the shop's webhook secret.
    const carrierTracking = backbone.newFunction(this, 'CarrierTracking', {
      entry: 'functions/returns/carrier-tracking.ts',
      service: 'returns',
      description: 'Carrier and label-scan updates of return parcels: ships return cases, keeps later news on their history',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(carrierTracking, 'readWrite');
    shopsSecret.grantRead(carrierTracking.fn);
    backbone.addPublicRoute(receiveCarrierTracking, carrierTracking.fn);

    // Exchanges on the storefront: reserve at approval, the replacement order, charges, the resolution.
    const exchanges = backbone.newFunction(this, 'Exchanges', {
      entry: 'functions/returns/exchanges.ts',
      service: 'returns',
      description: 'Exchanges: reserves replacements, creates replacement orders, charges price differences, resolves exchange returns',
      timeout: Duration.seconds(30),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(exchanges, 'readWrite');
    shopsSecret.grantRead(exchanges.fn);
    const exchangeWork = new WorkQueue(this, 'ExchangeQueue', { visibilityTimeout: Duration.seconds(180), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'ExchangeRule', eventPatternFor(ReturnApproved, ReturnInspected, ReturnExpired, ReturnCancelled), exchangeWork, exchanges);
  }
}
