// Lambda's SQS event source mapping, locally: long-polls the queue, invokes the function with an
// SQS-shaped batch, deletes what succeeded and leaves failures for redelivery (and, after the
// queue's maxReceiveCount, its dead-letter queue).
import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import type { Activity } from '../activity.ts';
import { matchesEventPattern, type EventPattern } from '../eventbridge/pattern.ts';
import type { FaultPlan } from '../faults/plan.ts';
import type { LambdaRuntime } from '../lambda/runtime.ts';
import type { LocalEventSourceMapping, LocalQueue } from '../template/model.ts';
import { Gate } from './gate.ts';

export interface SqsPollerOptions {
  mapping: LocalEventSourceMapping;
  queue: LocalQueue;
  sqs: SQSClient;
  runtime: LambdaRuntime;
  activity: Activity;
  region: string;
  /** Seconds before a failed message is visible again. Lambda waits for the visibility timeout; locally we retry sooner. */
  retryVisibilitySeconds?: number;
  /** The local fault plan: a ReceiveMessage may fail (as SQS answers 5xx now and then). */
  faults?: FaultPlan;
  log(message: string): void;
}

function toRecord(message: Message, queue: LocalQueue, region: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId!,
    receiptHandle: message.ReceiptHandle!,
    body: message.Body ?? '',
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? 'local',
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
        name,
        { stringValue: value.StringValue, binaryValue: value.BinaryValue ? Buffer.from(value.BinaryValue).toString('base64') : undefined, stringListValues: [], binaryListValues: [], dataType: value.DataType ?? 'String' },
      ]),
    ),
    md5OfBody: message.MD5OfBody ?? '',
    eventSource: 'aws:sqs',
    eventSourceARN: queue.arn,
    awsRegion: region,
  };
}

/** Lambda filters on the record, with `body` parsed when it is JSON. */
function passesFilters(record: SQSRecord, filters: EventPattern[]): boolean {
  if (filters.length === 0) return true;
  let body: unknown = record.body;
  try {
    body = JSON.parse(record.body);
  } catch {
    // Plain-text bodies are matched as strings.
  }
  return filters.some((filter) => matchesEventPattern(filter, { ...record, body } as unknown as Record<string, unknown>));
}

class InjectedReceiveFault extends Error {}

export class SqsPoller {
  private running = true;
  private readonly gate = new Gate();
  private readonly loops: Promise<void>[] = [];
  private inFlightBatches = 0;

  constructor(private readonly options: SqsPollerOptions) {}

  get mapping(): LocalEventSourceMapping {
    return this.options.mapping;
  }

  start(concurrency = 2): void {
    for (let i = 0; i < concurrency; i++) this.loops.push(this.loop());
  }

  /** Stops taking new batches (the queue or stream keeps them) until `resume`. */
  pause(): void {
    this.gate.pause();
  }

  resume(): void {
    this.gate.resume();
  }

  async stop(): Promise<void> {
    this.resume();
    this.running = false;
    await Promise.allSettled(this.loops);
  }

  /** True when the queue holds nothing, visible or in flight, and no batch is being handled. */
  async idle(): Promise<boolean> {
    if (this.inFlightBatches > 0) return false;
    const { Attributes = {} } = await this.options.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: this.options.queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
      }),
    );
    return Object.values(Attributes).every((count) => count === '0');
  }

  private async loop(): Promise<void> {
    while (this.running) {
      await this.gate.pass();
      try {
        const messages = await this.receive();
        if (messages.length === 0) continue;
        // A receive already waiting when `pause` was called holds its batch until `resume`.
        await this.gate.pass();
        this.inFlightBatches++;
        await this.options.activity.track(this.handle(messages), `${this.options.mapping.functionName} batch from its queue`).finally(() => this.inFlightBatches--);
      } catch (error) {
        if (!this.running) return;
        // Injected faults are counted by the plan (GET /_local/faults), not logged one by one.
        const injected = error instanceof InjectedReceiveFault;
        if (!injected) this.options.log(`SQS poller for ${this.options.mapping.functionName} failed: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, injected ? 100 : 500));
      }
    }
  }

  private async receive(): Promise<Message[]> {
    const { mapping, queue, sqs } = this.options;
    const batch: Message[] = [];
    const windowEnds = Date.now() + mapping.batchingWindowSeconds * 1000;
    do {
      const fault = this.options.faults?.pick('sqs');
      if (fault) {
        this.options.faults!.count(fault);
        // Nothing was received: the messages stay on the queue for the next poll.
        if (batch.length > 0) break;
        throw new InjectedReceiveFault('Injected fault: ReceiveMessage failed with InternalError (500)');
      }
      const { Messages = [] } = await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queue.url,
          MaxNumberOfMessages: Math.min(10, mapping.batchSize - batch.length),
          WaitTimeSeconds: batch.length === 0 ? 1 : 0,
          MessageSystemAttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      batch.push(...Messages);
      if (Messages.length === 0) break;
    } while (this.running && batch.length < mapping.batchSize && Date.now() < windowEnds);
    return batch;
  }

  private async handle(messages: Message[]): Promise<void> {
    const { mapping, queue, runtime, region } = this.options;
    const records = messages.map((message) => toRecord(message, queue, region));
    const filters = mapping.filterPatterns as EventPattern[];
    const selected = records.filter((record) => passesFilters(record, filters));
    // Lambda deletes messages its filters reject.
    const rejected = records.filter((record) => !selected.includes(record));
    let failed: SQSRecord[] = [];
    if (selected.length > 0) {
      const result = await runtime.invoke(mapping.functionName, { Records: selected }, 'sqs');
      if (!result.ok) {
        failed = selected;
      } else if (mapping.reportBatchItemFailures) {
        const failures = (result.result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined)?.batchItemFailures ?? [];
        const ids = new Set(failures.map((failure) => failure.itemIdentifier));
        failed = selected.filter((record) => ids.has(record.messageId));
      }
    }
    await this.settle([...rejected, ...selected.filter((record) => !failed.includes(record))], failed);
  }

  private async settle(succeeded: SQSRecord[], failed: SQSRecord[]): Promise<void> {
    const { sqs, queue } = this.options;
    for (let i = 0; i < succeeded.length; i += 10) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: queue.url,
          Entries: succeeded.slice(i, i + 10).map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
        }),
      );
    }
    for (let i = 0; i < failed.length; i += 10) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: queue.url,
          Entries: failed.slice(i, i + 10).map((record, index) => ({
            Id: String(index),
            ReceiptHandle: record.receiptHandle,
            VisibilityTimeout: this.options.retryVisibilitySeconds ?? 1,
          })),
        }),
      );
    }
  }
}
