// Delivers a payload to whatever an ARN in the template names (a function, a queue or a bus), with
// the retries and dead-letter queues the template gives; nothing is dropped silently.
import { SendMessageCommand, type SQSClient, type MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { Activity } from './activity.ts';
import type { LambdaRuntime, Trigger } from './lambda/runtime.ts';
import type { LocalQueue, LocalFunction } from './template/model.ts';

export interface FailureContext {
  /** Attributes EventBridge or Scheduler put on a dead-lettered message. */
  attributes: Record<string, string>;
  deadLetterArn?: string;
  maxRetryAttempts: number;
}

export interface PutEventsEntry {
  Source: string;
  DetailType: string;
  Detail: string;
  EventBusName?: string;
  Resources?: string[];
  Time?: Date | string;
}

export class Dispatcher {
  private readonly queuesByArn: Map<string, LocalQueue>;
  private readonly functionsByArn: Map<string, LocalFunction>;
  /** Set once the bus exists: targets may be other buses. */
  putEvents?: (entries: PutEventsEntry[]) => Promise<void>;

  constructor(
    private readonly deps: {
      runtime: LambdaRuntime;
      sqs: SQSClient;
      queues: LocalQueue[];
      functions: LocalFunction[];
      activity: Activity;
      log(message: string): void;
      /** Pause between local retries; AWS waits minutes, locally we keep it short. */
      retryDelayMs?: number;
    },
  ) {
    this.queuesByArn = new Map(deps.queues.map((queue) => [queue.arn, queue]));
    this.functionsByArn = new Map(deps.functions.map((fn) => [fn.arn, fn]));
  }

  queueUrl(arn: string): string {
    const queue = this.queuesByArn.get(arn);
    if (!queue) throw new Error(`No queue with ARN ${arn} in the template`);
    return queue.url;
  }

  async sendToQueue(arn: string, body: string, attributes: Record<string, string> = {}): Promise<void> {
    const MessageAttributes: Record<string, MessageAttributeValue> = Object.fromEntries(
      Object.entries(attributes).map(([name, value]) => [name, { DataType: 'String', StringValue: value.slice(0, 1024) || '-' }]),
    );
    await this.deps.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl(arn), MessageBody: body, MessageAttributes }));
  }

  /**
   * An asynchronous Lambda invocation: retried as the function's event invoke config says, then
   * sent to its failure destination, or else to the caller's dead-letter queue.
   */
  async invokeAsync(arn: string, event: unknown, trigger: Trigger, fallbackDeadLetterArn?: string): Promise<void> {
    const fn = this.functionsByArn.get(arn) ?? this.deps.functions.find((candidate) => candidate.name === arn);
    if (!fn) throw new Error(`No function with ARN ${arn} in the template`);
    let lastError = '';
    let requestId = '';
    for (let attempt = 0; attempt <= fn.asyncRetryAttempts; attempt++) {
      if (attempt > 0) await this.pause();
      const result = await this.deps.runtime.invoke(fn.name, event, trigger);
      if (result.ok) return;
      requestId = result.requestId;
      lastError = `${result.error.errorType}: ${result.error.errorMessage}`;
    }
    const deadLetterArn = fn.asyncFailureArn ?? fallbackDeadLetterArn;
    if (!deadLetterArn) {
      this.deps.log(`LOST: ${fn.name} failed an asynchronous ${trigger} invocation and has no dead-letter queue: ${lastError}`);
      return;
    }
    await this.sendToQueue(deadLetterArn, JSON.stringify(event), {
      RequestID: requestId,
      ErrorCode: '200',
      ErrorMessage: lastError,
    });
  }

  /**
   * Delivers `payload` to `arn`. Delivery failures are retried up to `maxRetryAttempts` times, then
   * the payload goes to `deadLetterArn` with the reason.
   */
  deliver(arn: string, payload: unknown, trigger: Trigger, failure: FailureContext): Promise<void> {
    return this.deps.activity.track(this.deliverNow(arn, payload, trigger, failure), `${trigger} delivery to ${arn.split(':').pop()}`);
  }

  private async deliverNow(arn: string, payload: unknown, trigger: Trigger, failure: FailureContext): Promise<void> {
    let lastError = '';
    for (let attempt = 0; attempt <= failure.maxRetryAttempts; attempt++) {
      if (attempt > 0) await this.pause();
      try {
        if (this.functionsByArn.has(arn)) return await this.invokeAsync(arn, payload, trigger, failure.deadLetterArn);
        if (this.queuesByArn.has(arn)) return await this.sendToQueue(arn, typeof payload === 'string' ? payload : JSON.stringify(payload));
        throw new Error(`The local stack cannot deliver to ${arn}`);
      } catch (error) {
        lastError = (error as Error).message;
        // An unknown target will not become known by retrying.
        if (lastError.startsWith('The local stack cannot')) break;
      }
    }
    if (!failure.deadLetterArn) {
      this.deps.log(`LOST: delivery to ${arn} failed and has no dead-letter queue: ${lastError}`);
      return;
    }
    await this.sendToQueue(failure.deadLetterArn, typeof payload === 'string' ? payload : JSON.stringify(payload), {
      ...failure.attributes,
      ERROR_MESSAGE: lastError,
      TARGET_ARN: arn,
    });
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, this.deps.retryDelayMs ?? 200));
  }
}
