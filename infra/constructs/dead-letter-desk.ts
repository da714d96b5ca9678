import { Duration, Stack } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { discardDeadLetter, getDeadLetter, listDeadLetters, redriveDeadLetter } from '../../shared/api/routes.ts';
import type { DeadLetterSource } from '../../shared/ops/dead-letters.ts';
import type { AppFunction } from './app-function.ts';
import type { Backbone } from './backbone.ts';
import { addQueueSource, DeadLetterQueue, type WorkQueue } from './queues.ts';

export interface DeadLetterDeskProps {
  readonly backbone: Backbone;
  readonly authorizer: IHttpRouteAuthorizer;
  /** Where re-driven quarantined deliveries go. */
  readonly deliveryQueue: WorkQueue;
}

/**
 * Where ops handle what could not be processed: an archiver takes the messages off every
 * dead-letter queue into the state table, and the dead-letter routes list, inspect, re-drive and
 * discard them together with quarantined webhook deliveries.
 */
export class DeadLetterDesk extends Construct {
  private readonly archiver: AppFunction;
  private readonly desk: AppFunction;

  constructor(scope: Construct, id: string, { backbone, authorizer, deliveryQueue }: DeadLetterDeskProps) {
    super(scope, id);
    this.archiver = backbone.newFunction(this, 'Archive', {
      entry: 'functions/ops/archive-dead-letters.ts',
      service: 'ops',
      description: 'Archives the messages of every dead-letter queue for ops',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName },
      timeout: Duration.seconds(20),
    });
    backbone.grantState(this.archiver, 'write');

    this.desk = backbone.newFunction(this, 'Desk', {
      entry: 'functions/ops/dead-letters.ts',
      service: 'ops',
      description: 'Ops API dead-letter routes: list, inspect, re-drive, discard',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, DELIVERY_QUEUE_URL: deliveryQueue.queue.queueUrl },
    });
    backbone.grantState(this.desk, 'readWrite');
    deliveryQueue.queue.grantSendMessages(this.desk.fn);
    for (const route of [listDeadLetters, getDeadLetter, redriveDeadLetter, discardDeadLetter]) backbone.addAuthorizedRoute(route, this.desk.fn, authorizer);
  }

  /** Re-drives quarantined Shopify privacy requests to their own consumer's queue rather than the normalizer's. */
  redrivePrivacyRequestsTo(queue: WorkQueue): void {
    this.desk.fn.addEnvironment('PRIVACY_QUEUE_URL', queue.queue.queueUrl);
    queue.queue.grantSendMessages(this.desk.fn);
  }

  /** Archives every dead-letter queue of `scope` and lets the desk re-drive to their queues; call once the stack is complete. */
  watchDeadLetters(scope: Construct): void {
    const queues = scope.node.findAll().filter((node): node is DeadLetterQueue => node instanceof DeadLetterQueue);
    const sources: DeadLetterSource[] = [];
    for (const dlq of queues) {
      addQueueSource(this.archiver.fn, new SqsEventSource(dlq.queue, { batchSize: 10, reportBatchItemFailures: true }), 'a dead letter the archiver fails to take stays on its dead-letter queue (kept 14 days) and is retried');
      const name = dlq.node.path.split('/').slice(1).join('/');
      if ('queue' in dlq.redrive) {
        dlq.redrive.queue.grantSendMessages(this.desk.fn);
        sources.push({ arn: dlq.queue.queueArn, name, redrive: { kind: 'queue', url: dlq.redrive.queue.queueUrl } });
      } else {
        sources.push({ arn: dlq.queue.queueArn, name, redrive: { kind: 'none', why: dlq.redrive.why } });
      }
    }
    this.archiver.fn.addEnvironment('DEAD_LETTER_SOURCES', Stack.of(this).toJsonString(sources));
  }
}
