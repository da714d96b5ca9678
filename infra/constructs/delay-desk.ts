import { Duration } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { dryRunDelaySettings, getDelayMetrics, getDelaySettings, listDelayedOrders, updateDelaySettings } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';

export interface DelayDeskProps {
  readonly backbone: Backbone;
  /** The ops API's authorizer. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** The shops secret: each shop's time zone and the delay settings of its config (in effect until one is published). */
  readonly shopsSecret: ISecret;
}

/** The ops routes of the delay flow: delayed orders and the delay measures (read-only); the delay settings (versioned, supervisors publish). */
export class DelayDesk extends Construct {
  constructor(scope: Construct, id: string, { backbone, authorizer, shopsSecret }: DelayDeskProps) {
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

    const settings = backbone.newFunction(this, 'Settings', {
      entry: 'functions/delays/settings.ts',
      service: 'delays',
      description: 'Ops API delay settings: read, dry-run a draft on the latest open orders, publish a version',
      // A dry run reads up to a thousand orders and their watches.
      timeout: Duration.seconds(29),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(settings, 'readWrite');
    shopsSecret.grantRead(settings.fn);
    for (const route of [getDelaySettings, updateDelaySettings, dryRunDelaySettings]) backbone.addAuthorizedRoute(route, settings.fn, authorizer);
  }
}
