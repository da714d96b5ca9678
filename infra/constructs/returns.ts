import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { approveReturn, createReturn, getReturn, getReturnCase, listReturns, reassignReturn, recordInspection, recordReturnReceipt, rejectReturn } from '../../shared/api/routes.ts';
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

    const desk = backbone.newFunction(this, 'Desk', {
      entry: 'functions/returns/ops.ts',
      service: 'returns',
      description: 'Ops API returns desk: list, read, approve, reject, receipt, inspection, reassign',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(desk, 'readWrite');
    for (const route of [listReturns, getReturnCase, approveReturn, rejectReturn, recordReturnReceipt, recordInspection, reassignReturn]) backbone.addAuthorizedRoute(route, desk.fn, authorizer);
  }
}
