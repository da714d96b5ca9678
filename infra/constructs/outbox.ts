import { Duration } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Construct } from 'constructs';
import { outboxKeyPrefix } from '../../shared/outbox/outbox-item.ts';
import type { Backbone } from './backbone.ts';
import { DeadLetterQueue } from './queues.ts';

/**
 * The outbox relay: publishes the events that capabilities write next to their state changes
 * (one transaction), from the state table's stream, so state and events never diverge.
 */
export class Outbox extends Construct {
  constructor(scope: Construct, id: string, { backbone }: { backbone: Backbone }) {
    super(scope, id);
    const relay = backbone.newFunction(this, 'Relay', {
      entry: 'functions/outbox/relay.ts',
      service: 'outbox',
      description: 'Publishes outbox items from the state table stream to the event bus',
      timeout: Duration.seconds(30),
      publishesEvents: true,
    });
    const deadLetters = new DeadLetterQueue(this, 'DeadLetters');
    deadLetters.redrive = { why: 'A stream failure names a range of the state table stream, not the events; the outbox items stay in the table for 7 days to re-publish' };
    relay.fn.addEventSource(
      new DynamoEventSource(backbone.stateTable, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 10,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters.queue),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { pk: { S: FilterRule.beginsWith(outboxKeyPrefix) } } },
          }),
        ],
      }),
    );
  }
}
