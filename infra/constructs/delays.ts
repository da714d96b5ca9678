import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Construct } from 'constructs';
import { receiveHelpdeskTicket } from '../../shared/api/routes.ts';
import { eventPatternFor } from '../../shared/events/define.ts';
import { OpsActionRecorded } from '../../shared/events/ops.ts';
import { OrderCancelled, OrderPlaced, OrderUpdated } from '../../shared/events/orders.ts';
import { ParcelClaimFiled } from '../../shared/events/refunds.ts';
import { ReturnRequested } from '../../shared/events/returns.ts';
import { ShipmentCreated, ShipmentDelivered, ShipmentUpdated } from '../../shared/events/shipments.ts';
import { TimerFired } from '../../shared/events/timers.ts';
import type { Backbone } from './backbone.ts';
import { DeadLetterQueue, WorkQueue } from './queues.ts';

export interface DelaysProps {
  readonly backbone: Backbone;
  /** The shops secret: each shop's time zone, locale, duty team address and delay settings. */
  readonly shopsSecret: ISecret;
}

/**
 * Order-delay alerts: one consumer watches every order from its order and shipment events, sets
 * ship-by, deliver-by and stalled-tracking timers (through the timer keeper), and when one fires
 * or a carrier reports an exception, records the delay, apologises to the customer and alerts the
 * duty team, all in one transaction with the watch; the ladder files parcel claims and a courtesy
 * discount is created on the storefront. A daily digest of open delays goes to each duty team;
 * customers' own claims, returns and helpdesk tickets record their first contact. Publishing new
 * delay settings re-plans the shop's open orders under them.
 */
export class Delays extends Construct {
  constructor(scope: Construct, id: string, { backbone, shopsSecret }: DelaysProps) {
    super(scope, id);
    const watch = backbone.newFunction(this, 'Watch', {
      entry: 'functions/delays/watch.ts',
      service: 'delays',
      description: 'Watches orders for delays: deadlines and timers, detection, customer apologies and ops alerts',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(watch, 'readWrite');
    shopsSecret.grantRead(watch.fn);

    const orderNews = new WorkQueue(this, 'OrderQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'OrderRule', eventPatternFor(OrderPlaced, OrderUpdated, OrderCancelled, ShipmentCreated, ShipmentUpdated, ShipmentDelivered), orderNews, watch);
    // The delay flow's own timers; ladder and courtesy timers fire as deliver_by.
    const fired = new WorkQueue(this, 'TimerQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'TimerRule', { ...eventPatternFor(TimerFired), detail: { kind: ['ship_by', 'deliver_by', 'tracking_stalled'] } }, fired, watch);
    // The customer asking themselves (a parcel claim, a return): the first contact, for "told first".
    const contacts = new WorkQueue(this, 'ContactQueue', { visibilityTimeout: Duration.seconds(60), maxReceiveCount: 8 });
    backbone.subscribeQueue(this, 'ContactRule', eventPatternFor(ParcelClaimFiled, ReturnRequested), contacts, watch);

    // New delay settings published through the ops API: the shop's open orders re-planned under them.
    const replan = backbone.newFunction(this, 'Replan', {
      entry: 'functions/delays/replan.ts',
      service: 'delays',
      description: 'Re-plans the deadlines and timers of a shop’s open orders after new delay settings are published',
      timeout: Duration.minutes(2),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(replan, 'readWrite');
    shopsSecret.grantRead(replan.fn);
    const published = new WorkQueue(this, 'SettingsQueue', { visibilityTimeout: Duration.minutes(12), maxReceiveCount: 5 });
    backbone.subscribeQueue(this, 'SettingsRule', { ...eventPatternFor(OpsActionRecorded), detail: { action: ['delaySettings.publish'] } }, published, replan, 1);

    // A helpdesk ticket about an order: the first contact too, signed with the shop's webhook secret.
    const helpdesk = backbone.newFunction(this, 'Helpdesk', {
      entry: 'functions/delays/helpdesk.ts',
      service: 'delays',
      description: 'Helpdesk tickets about an order: records the customer’s first contact on its delay watch',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
    });
    backbone.grantState(helpdesk, 'readWrite');
    shopsSecret.grantRead(helpdesk.fn);
    backbone.addPublicRoute(receiveHelpdeskTicket, helpdesk.fn);

    // The duty team's daily digest. rate() rather than cron(): each shop has its own time zone
    // anyway, and the local stack runs rate schedules on its clock (it does not evaluate cron).
    // Failed schedule deliveries and failed runs (after Lambda's two retries) both land here.
    const digestFailures = new DeadLetterQueue(this, 'DigestDeadLetters');
    digestFailures.redrive = { why: 'The next day’s digest lists the same open delays again' };
    const digest = backbone.newFunction(this, 'Digest', {
      entry: 'functions/delays/digest.ts',
      service: 'delays',
      description: 'Daily digest of open delays per shop, grouped by reason and carrier, to the duty team',
      timeout: Duration.minutes(2),
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, SHOPS_SECRET_ARN: shopsSecret.secretArn },
      deadLetterQueue: digestFailures.queue,
    });
    backbone.grantState(digest, 'readWrite');
    shopsSecret.grantRead(digest.fn);
    const schedulerRole = new Role(this, 'DigestSchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'DigestSchedule', {
      description: 'Daily digest of open delays',
      schedule: ScheduleExpression.rate(Duration.days(1)),
      target: new LambdaInvoke(digest.fn, { role: schedulerRole, deadLetterQueue: digestFailures.queue, retryAttempts: 2, maxEventAge: Duration.hours(1) }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(digest.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Scheduler may invoke any version of the one digest function.',
    });
  }
}
