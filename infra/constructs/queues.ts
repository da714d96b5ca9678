import { Duration, Validations } from 'aws-cdk-lib';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption, type IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/**
 * Lets `fn` consume a queue. SQS event source mappings take no on-failure destination (that is for
 * streams): a message that keeps failing stays on its queue until `whereFailuresGo` says otherwise.
 */
export function addQueueSource(fn: LambdaFunction, source: SqsEventSource, whereFailuresGo: string): void {
  const before = new Set(fn.node.children);
  fn.addEventSource(source);
  for (const mapping of fn.node.children.filter((child) => !before.has(child))) {
    Validations.of(mapping).acknowledge({ id: 'Serverless::Serverless-LambdaEventSourceMappingDestination', reason: `An SQS event source takes no on-failure destination; ${whereFailuresGo}.` });
  }
}

/** Where a dead message goes back to when ops re-drive it, or why it cannot. */
export type RedriveSpec = { queue: IQueue } | { why: string };

/**
 * A dead-letter queue: kept 14 days (the SQS maximum). The dead-letter desk archives its messages
 * for ops to inspect, re-drive (to `redrive`) or discard.
 */
export class DeadLetterQueue extends Construct {
  readonly queue: Queue;
  redrive: RedriveSpec = { why: 'Nothing was declared to send it back to' };

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    Validations.of(this.queue).acknowledge(
      { id: 'AwsSolutions::AwsSolutions-SQS3', reason: 'This queue is itself a dead-letter queue (rule target, Lambda async or stream on-failure destination).' },
      { id: 'Serverless::Serverless-SQSRedrivePolicy', reason: 'This queue is itself a dead-letter queue: its messages are archived for ops to re-drive or discard, not moved on again.' },
    );
  }
}

export interface WorkQueueProps {
  /** At least six times the consumer's timeout, as AWS recommends for Lambda event sources. */
  readonly visibilityTimeout: Duration;
  /** Receives before a message moves to the dead-letter queue. */
  readonly maxReceiveCount?: number;
}

/** A buffer between producers and a consumer, with its own dead-letter queue. */
export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: DeadLetterQueue;

  constructor(scope: Construct, id: string, props: WorkQueueProps) {
    super(scope, id);
    this.deadLetters = new DeadLetterQueue(this, 'DeadLetters');
    this.queue = new Queue(this, 'Queue', {
      visibilityTimeout: props.visibilityTimeout,
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      deadLetterQueue: { queue: this.deadLetters.queue, maxReceiveCount: props.maxReceiveCount ?? 5 },
    });
    // Both a consumer's failures and EventBridge's failed deliveries to this queue land there with
    // the message the consumer expects, so a re-drive sends it back here.
    this.deadLetters.redrive = { queue: this.queue };
  }
}
