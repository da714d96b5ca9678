import { Duration } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { getCampaignResults, getCampaignSettings, previewNudges, updateCampaignSettings } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';

export interface NudgesProps {
  readonly backbone: Backbone;
  /** The ops API's authorizer, for the campaign routes. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * Repeat-purchase nudges, win-back and VIP tiers. So far the ops side: a shop's campaign settings
 * (read, published as versions by a supervisor), a preview of the coming nudges and the results.
 * The planner, the sender and the tier keeper join here.
 */
export class Nudges extends Construct {
  constructor(scope: Construct, id: string, { backbone, authorizer }: NudgesProps) {
    super(scope, id);

    const campaigns = backbone.newFunction(this, 'Campaigns', {
      entry: 'functions/nudges/campaigns.ts',
      service: 'nudges',
      description: 'Ops API campaigns: settings (read, publish a version), preview of the coming nudges, results',
      // A preview reads up to 2000 orders with their customers and returns: as long as the API waits.
      timeout: Duration.seconds(29),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(campaigns, 'readWrite');
    for (const route of [getCampaignSettings, updateCampaignSettings, previewNudges, getCampaignResults]) backbone.addAuthorizedRoute(route, campaigns.fn, authorizer);
  }
}
