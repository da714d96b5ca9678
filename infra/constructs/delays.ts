import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { eventPatternFor } from '../../shared/events/define.ts';
import { OrderCancelled, OrderPlaced, OrderUpdated } from '../../shared/events/orders.ts';
import { ShipmentCreated, ShipmentDelivered, ShipmentUpdated } from '../../shared/events/shipments.ts';
import { TimerFired } from '../../shared/events/timers.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

export interface DelaysProps {
  readonly backbone: Backbone;
  /** The shops secret: each shop's time zone, locale, duty team address and delay settings. */
  readonly shopsSecret: ISecret;
}

/**
 * Order-delay alerts: one consumer watches every order from its order and shipment events, sets
 * ship-by, deliver-by and stalled-tracking timers (through the timer keeper), and when one fires
 * or a carrier reports an exception, records the delay, apologises to the customer and alerts the
 * duty team, all in one transaction with the watch.
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
  }
}
