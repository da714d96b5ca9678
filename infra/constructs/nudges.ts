import { Duration } from 'aws-cdk-lib';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { dryRunCampaignSettings, getCampaignResults, getCampaignSettings, previewNudges, updateCampaignSettings } from '../../shared/api/routes.ts';
import { eventPatternFor } from '../../shared/events/define.ts';
import { OrderCancelled, OrderPlaced, OrderUpdated } from '../../shared/events/orders.ts';
import { RefundIssued, RefundRecorded, StoreCreditIssued } from '../../shared/events/refunds.ts';
import { CaseOpened, CaseResolved } from '../../shared/events/cases.ts';
import { SurveyAnswered } from '../../shared/events/surveys.ts';
import { ShipmentDelivered } from '../../shared/events/shipments.ts';
import { TimerFired } from '../../shared/events/timers.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface NudgesProps {
  readonly backbone: Backbone;
  /** The ops API's authorizer, for the campaign routes. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** The shops secret: each shop's time zone, locale, storefront and discount service. */
  readonly shopsSecret: ISecret;
}

/**
 * Repeat-purchase nudges, win-back and VIP tiers: a shop's campaign settings (read, published as
 * versions by a supervisor), a preview of the coming nudges and the results; the planner (order
 * news to planned nudges and timers) and the sender (due timers to messages or suppressions).
 */
export class Nudges extends Construct {
  constructor(scope: Construct, id: string, { backbone, authorizer, shopsSecret }: NudgesProps) {
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
    for (const route of [getCampaignSettings, updateCampaignSettings, dryRunCampaignSettings, previewNudges, getCampaignResults]) backbone.addAuthorizedRoute(route, campaigns.fn, authorizer);

    // The planner: each order change plans replenishment nudges (a timer each), cancels those of an
    // order cancelled or refunded, and moves the customer's one win-back timer.
    const planner = backbone.newFunction(this, 'Planner', {
      entry: 'functions/nudges/planner.ts',
      service: 'nudges',
      description: 'Plans replenishment nudges on delivery and moves the win-back timer on every order',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(planner, 'readWrite');
    const orderNews = new WorkQueue(this, 'OrderQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'OrderRule', eventPatternFor(OrderPlaced, OrderUpdated, OrderCancelled, ShipmentDelivered, RefundRecorded), orderNews, planner);

    // The sender: a nudge's timer fired; send, wait out quiet hours, or suppress with the reason.
    const sender = backbone.newFunction(this, 'Sender', {
      entry: 'functions/nudges/send.ts',
      service: 'nudges',
      description: 'Sends due nudges (replenishment, win-back steps) or records why not',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(sender, 'readWrite');
    shopsSecret.grantRead(sender.fn);
    const fired = new WorkQueue(this, 'TimerQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'TimerRule', { ...eventPatternFor(TimerFired), detail: { kind: ['nudge', 'winback'] } }, fired, sender);

    // The tier keeper: orders and refunds (the storefront's and ours) recompute the customer's VIP
    // tier and attribute new orders to nudges; survey answers and support cases are recorded per
    // customer for the suppression rules.
    const tierKeeper = backbone.newFunction(this, 'TierKeeper', {
      entry: 'functions/nudges/tiers.ts',
      service: 'nudges',
      description: 'Recomputes VIP tiers on orders and refunds (thank-you on upgrade), attributes orders to nudges, records survey scores and support cases per customer',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
    });
    backbone.grantState(tierKeeper, 'readWrite');
    const tierNews = new WorkQueue(this, 'TierQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'TierRule', eventPatternFor(OrderPlaced, OrderUpdated, OrderCancelled, RefundRecorded, RefundIssued, StoreCreditIssued, SurveyAnswered, CaseOpened, CaseResolved), tierNews, tierKeeper);
  }
}
