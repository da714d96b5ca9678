import { CfnElement, Duration, SecretValue, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { receiveGenericWebhook, receiveShopifyWebhook, receiveWooCommerceWebhook } from '../../shared/api/routes.ts';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { DeadLetterQueue } from './queues.ts';
import { Construct } from 'constructs';
import type { AppFunction } from './app-function.ts';
import type { Backbone } from './backbone.ts';
import { WorkQueue } from './queues.ts';

/**
 * Storefront webhooks: a fast receiver (verify, deduplicate, keep the raw delivery, enqueue, 2xx)
 * and a normalizer that maps deliveries to canonical events and order and customer state.
 */
export class Ingest extends Construct {
  /** The shops of this deployment, with their webhook secrets and storefront API credentials. */
  readonly shopsSecret: Secret;
  /** Stored deliveries waiting to be mapped; re-driven quarantined deliveries go back here. */
  readonly deliveryQueue: WorkQueue;
  /** The webhook receiver: other constructs give it the queues of the topics they handle (privacy). */
  readonly receiver: AppFunction;

  constructor(scope: Construct, id: string, { backbone }: { backbone: Backbone }) {
    super(scope, id);
    this.shopsSecret = new Secret(this, 'Shops', {
      description: 'Shops served by this deployment: {"shops": [...]} as documented in the README',
      // Not a secret yet: the merchant replaces it with their shops and webhook secrets.
      secretStringValue: SecretValue.unsafePlainText('{"shops":[]}'),
    });
    Validations.of(this.shopsSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason: 'Webhook secrets are issued by the storefront; merchants rotate them there and list the previous one during the change (two are accepted).',
    });

    const deliveries = new WorkQueue(this, 'DeliveryQueue', { visibilityTimeout: Duration.seconds(180), maxReceiveCount: 5 });
    this.deliveryQueue = deliveries;
    const environment = {
      STATE_TABLE_NAME: backbone.stateTable.tableName,
      SHOPS_SECRET_ARN: this.shopsSecret.secretArn,
    };

    const receiver = backbone.newFunction(this, 'Receive', {
      entry: 'functions/ingest/receive.ts',
      service: 'ingest',
      description: 'Verifies, deduplicates, stores and enqueues storefront webhooks',
      // Shopify wants an answer within 5 seconds; more memory is more CPU for HMAC and gzip.
      timeout: Duration.seconds(5),
      memorySize: 1024,
      environment: { ...environment, DELIVERY_QUEUE_URL: deliveries.queue.queueUrl },
    });
    this.receiver = receiver;
    backbone.grantState(receiver, 'readWrite');
    deliveries.queue.grantSendMessages(receiver.fn);
    this.shopsSecret.grantRead(receiver.fn);
    for (const route of [receiveShopifyWebhook, receiveWooCommerceWebhook, receiveGenericWebhook]) backbone.addPublicRoute(route, receiver.fn);

    const normalizer = backbone.newFunction(this, 'Normalize', {
      entry: 'functions/ingest/normalize.ts',
      service: 'ingest',
      description: 'Maps stored deliveries to canonical events and order and customer state',
      timeout: Duration.seconds(30),
      environment,
    });
    backbone.grantState(normalizer, 'readWrite');
    this.shopsSecret.grantRead(normalizer.fn);
    backbone.consumeQueue(deliveries, normalizer, 10);

    // WooCommerce never retries a failed delivery: read recently changed orders every 15 minutes.
    // Failed schedule deliveries and failed runs (after Lambda's two retries) both land here.
    const reconcileFailures = new DeadLetterQueue(this, 'ReconcileDeadLetters');
    reconcileFailures.redrive = { why: 'The next reconciliation, 15 minutes later, reads the same changes again' };
    const reconciler = backbone.newFunction(this, 'ReconcileWooCommerce', {
      entry: 'functions/ingest/reconcile-woocommerce.ts',
      service: 'ingest',
      description: 'Recovers WooCommerce order changes whose webhooks were lost',
      timeout: Duration.minutes(5),
      environment: { ...environment, DELIVERY_QUEUE_URL: deliveries.queue.queueUrl },
      deadLetterQueue: reconcileFailures.queue,
    });
    backbone.grantState(reconciler, 'readWrite');
    deliveries.queue.grantSendMessages(reconciler.fn);
    this.shopsSecret.grantRead(reconciler.fn);
    const schedulerRole = new Role(this, 'ReconcileSchedulerRole', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    new Schedule(this, 'ReconcileSchedule', {
      description: 'WooCommerce reconciliation',
      schedule: ScheduleExpression.rate(Duration.minutes(15)),
      target: new LambdaInvoke(reconciler.fn, { role: schedulerRole, deadLetterQueue: reconcileFailures.queue, retryAttempts: 2, maxEventAge: Duration.minutes(15) }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(reconciler.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      reason: 'Scheduler may invoke any version of the one reconciliation function.',
    });
  }
}
