import { Duration } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { getDelayMetrics, listDelayedOrders } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';

export interface DelayDeskProps {
  readonly backbone: Backbone;
  /** The ops API's authorizer. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/** The ops routes of the delay flow: delayed orders and the delay measures (read-only). */
export class DelayDesk extends Construct {
  constructor(scope: Construct, id: string, { backbone, authorizer }: DelayDeskProps) {
    super(scope, id);
    const desk = backbone.newFunction(this, 'Desk', {
      entry: 'functions/delays/ops.ts',
      service: 'delays',
      description: 'Ops API delay desk: delayed orders with filters, delay measures',
      // The measures read up to five thousand orders and their watches: as long as the API waits.
      timeout: Duration.seconds(29),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(desk, 'read');
    for (const route of [listDelayedOrders, getDelayMetrics]) backbone.addAuthorizedRoute(route, desk.fn, authorizer);
  }
}
