import { Duration } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { getKpis } from '../../shared/api/routes.ts';
import { eventPatternFor } from '../../shared/events/define.ts';
import { DelayDetected } from '../../shared/events/delays.ts';
import { NotificationSent } from '../../shared/events/notifications.ts';
import { NudgeConverted, NudgeSent } from '../../shared/events/nudges.ts';
import { OrderPlaced } from '../../shared/events/orders.ts';
import { RefundIssued, StoreCreditIssued } from '../../shared/events/refunds.ts';
import { ReturnApproved, ReturnRejected, ReturnRequested, ReturnResolved } from '../../shared/events/returns.ts';
import { SurveyAnswered } from '../../shared/events/surveys.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface KpisProps {
  readonly backbone: Backbone;
  /** The ops API's authorizer. */
  readonly authorizer: IHttpRouteAuthorizer;
}

/**
 * The service team's KPIs: a rollup that adds every counted event to its shop's per-day counters
 * (once per event), and the ops route `getKpis` that sums a period's days, so reading never scans.
 */
export class Kpis extends Construct {
  constructor(scope: Construct, id: string, { backbone, authorizer }: KpisProps) {
    super(scope, id);
    const environment = { STATE_TABLE_NAME: backbone.stateTable.tableName };
    const rollup = backbone.newFunction(this, 'Rollup', {
      entry: 'functions/ops/kpis.ts',
      service: 'ops',
      description: 'Adds orders, returns, refunds, surveys, delays and nudges to the per-shop, per-day KPI counters',
      timeout: Duration.seconds(20),
      environment,
    });
    backbone.grantState(rollup, 'readWrite');
    const events = new WorkQueue(this, 'EventQueue', { visibilityTimeout: Duration.seconds(120), maxReceiveCount: 5 });
    const counted = eventPatternFor(OrderPlaced, ReturnRequested, ReturnApproved, ReturnRejected, ReturnResolved, RefundIssued, StoreCreditIssued, SurveyAnswered, DelayDetected, NotificationSent, NudgeSent, NudgeConverted);
    backbone.subscribeQueue(this, 'EventRule', counted, events, rollup, 25);

    const api = backbone.newFunction(this, 'Api', {
      entry: 'functions/ops/kpis-api.ts',
      service: 'ops',
      description: 'Ops API KPIs: sums the per-day counters of a period',
      memorySize: 256,
      environment,
    });
    backbone.grantState(api, 'read');
    backbone.addAuthorizedRoute(getKpis, api.fn, authorizer);
  }
}
