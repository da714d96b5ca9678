// Lambda's DynamoDB Streams event source mapping, locally: reads every shard of the table's stream
// from DynamoDB Local, applies the mapping's filters, invokes in order, bisects a failing batch,
// and after the retry limit sends a failure record to the on-failure destination.
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Activity } from '../activity.ts';
import type { Dispatcher } from '../dispatcher.ts';
import { matchesEventPattern, type EventPattern } from '../eventbridge/pattern.ts';
import type { LambdaRuntime } from '../lambda/runtime.ts';
import type { LocalEventSourceMapping, LocalTable } from '../template/model.ts';
import { Gate } from './gate.ts';

export interface StreamPollerOptions {
  mapping: LocalEventSourceMapping;
  table: LocalTable;
  dynamo: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  runtime: LambdaRuntime;
  dispatcher: Dispatcher;
  activity: Activity;
  region: string;
  log(message: string): void;
  /** Last sequence number handled per `<stream>/<shard>`, kept across restarts in persistent mode. */
  checkpoints: Map<string, string>;
  pollIntervalMs?: number;
}

function toLambdaRecord(record: StreamRecord, sourceArn: string, region: string): DynamoDBRecord {
  const change = record.dynamodb!;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: sourceArn,
    dynamodb: {
      ApproximateCreationDateTime: change.ApproximateCreationDateTime ? Math.floor(new Date(change.ApproximateCreationDateTime).getTime() / 1000) : undefined,
      Keys: change.Keys as never,
      NewImage: change.NewImage as never,
      OldImage: change.OldImage as never,
      SequenceNumber: change.SequenceNumber,
      SizeBytes: change.SizeBytes,
      StreamViewType: change.StreamViewType as never,
    },
  };
}

export class StreamPoller {
  private running = true;
  private readonly gate = new Gate();
  private loop?: Promise<void>;
  private readonly iterators = new Map<string, string | undefined>();
  /** Woken after each full pass over the shards with whether that pass found records. */
  private cycleWaiters: ((sawRecords: boolean) => void)[] = [];
  /** Cuts the pause between passes short: someone waits for a pass. */
  private wake?: () => void;

  constructor(private readonly options: StreamPollerOptions) {}

  get mapping(): LocalEventSourceMapping {
    return this.options.mapping;
  }

  start(): void {
    this.loop = this.run().catch((error) => {
      this.running = false;
      this.options.log(`LOST: the stream poller for ${this.options.mapping.functionName} stopped: ${(error as Error).message}`);
    });
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
    for (const wake of this.cycleWaiters.splice(0)) wake(false);
    this.wake?.();
    await this.loop?.catch(() => undefined);
  }

  /** Idle when a pass over every shard that started after this call found no records. */
  async idle(): Promise<boolean> {
    if (!this.running) return true;
    // The pass under way may have started before the caller's writes: wait for the next full one.
    // Each wait starts the next pass at once instead of after the pause: settling is on the clock's path.
    await this.nextPass();
    return !(await this.nextPass());
  }

  private nextPass(): Promise<boolean> {
    const pass = new Promise<boolean>((resolve) => this.cycleWaiters.push(resolve));
    this.wake?.();
    return pass;
  }

  private async run(): Promise<void> {
    const { dynamo, table } = this.options;
    const described = await dynamo.send(new DescribeTableCommand({ TableName: table.name }));
    const streamArn = described.Table?.LatestStreamArn;
    if (!streamArn) {
      this.options.log(`LOST: table ${table.name} has no stream in DynamoDB Local; ${this.options.mapping.functionName} will not run`);
      this.running = false;
      return;
    }
    while (this.running) {
      await this.gate.pass();
      let sawRecords = false;
      try {
        await this.discoverShards(streamArn);
        for (const [shardId, iterator] of this.iterators) {
          if (!iterator || !this.running) continue;
          const records = await this.read(streamArn, shardId, iterator);
          if (records.length === 0) continue;
          sawRecords = true;
          await this.options.activity.track(this.handle(records), `${this.options.mapping.functionName} batch from its stream`);
          this.options.checkpoints.set(`${streamArn}/${shardId}`, records.at(-1)!.dynamodb!.SequenceNumber!);
        }
      } catch (error) {
        if (!this.running) return;
        sawRecords = true;
        this.options.log(`Stream poller for ${this.options.mapping.functionName} failed: ${(error as Error).message}`);
      }
      for (const wake of this.cycleWaiters.splice(0)) wake(sawRecords);
      if (this.cycleWaiters.length > 0) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollIntervalMs ?? 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Reads a shard; a closed shard's iterator becomes undefined and it is not read again. */
  private async read(streamArn: string, shardId: string, iterator: string): Promise<StreamRecord[]> {
    try {
      const { Records = [], NextShardIterator } = await this.options.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      this.iterators.set(shardId, NextShardIterator);
      return Records;
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
      // An expired iterator or a trimmed checkpoint: start over from what the shard still holds.
      this.iterators.set(shardId, await this.iterator(streamArn, shardId, 'TRIM_HORIZON'));
      return [];
    }
  }

  private async discoverShards(streamArn: string): Promise<void> {
    const { StreamDescription } = await this.options.streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      if (this.iterators.has(shard.ShardId!)) continue;
      // Like Lambda, resume after the last record handled; a shard never handled is read from its start.
      const checkpoint = this.options.checkpoints.get(`${streamArn}/${shard.ShardId}`);
      this.iterators.set(shard.ShardId!, await this.iterator(streamArn, shard.ShardId!, checkpoint ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', checkpoint));
    }
  }

  private async iterator(streamArn: string, shardId: string, type: 'TRIM_HORIZON' | 'AFTER_SEQUENCE_NUMBER', sequenceNumber?: string): Promise<string | undefined> {
    const { ShardIterator } = await this.options.streams.send(
      new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }),
    );
    return ShardIterator;
  }

  private async handle(records: StreamRecord[]): Promise<void> {
    const { mapping, table, region } = this.options;
    const converted = records.map((record) => toLambdaRecord(record, table.streamArn!, region));
    const filters = mapping.filterPatterns as EventPattern[];
    const selected = filters.length
      ? converted.filter((record) => filters.some((filter) => matchesEventPattern(filter, record as unknown as Record<string, unknown>)))
      : converted;
    for (let i = 0; i < selected.length; i += mapping.batchSize) await this.invokeWithRetries(selected.slice(i, i + mapping.batchSize));
  }

  /** Retries a failing batch, bisecting it (as BisectBatchOnFunctionError does) down to single records. */
  private async invokeWithRetries(batch: DynamoDBRecord[], attempt = 0): Promise<void> {
    const { mapping, runtime } = this.options;
    const result = await runtime.invoke(mapping.functionName, { Records: batch }, 'dynamodb');
    let failedFrom = -1;
    if (!result.ok) failedFrom = 0;
    else if (mapping.reportBatchItemFailures) {
      const failures = (result.result as { batchItemFailures?: { itemIdentifier: string }[] } | undefined)?.batchItemFailures ?? [];
      const positions = failures.map((failure) => batch.findIndex((record) => record.dynamodb?.SequenceNumber === failure.itemIdentifier));
      failedFrom = positions.length ? Math.min(...positions.map((p) => (p < 0 ? 0 : p))) : -1;
    }
    if (failedFrom < 0) return;
    // Streams keep order: everything from the first failure is retried.
    const remaining = batch.slice(failedFrom);
    if (attempt >= mapping.maximumRetryAttempts) {
      await this.sendToFailureDestination(remaining, result.ok ? 'Partial batch failure' : `${result.error.errorType}: ${result.error.errorMessage}`);
      return;
    }
    if (mapping.bisectBatchOnError && remaining.length > 1) {
      const middle = Math.ceil(remaining.length / 2);
      await this.invokeWithRetries(remaining.slice(0, middle), attempt + 1);
      await this.invokeWithRetries(remaining.slice(middle), attempt + 1);
      return;
    }
    await this.invokeWithRetries(remaining, attempt + 1);
  }

  private async sendToFailureDestination(records: DynamoDBRecord[], reason: string): Promise<void> {
    const { mapping, dispatcher, table, log } = this.options;
    const first = records[0]!.dynamodb!;
    const last = records.at(-1)!.dynamodb!;
    if (!mapping.onFailureArn) {
      log(`LOST: ${mapping.functionName} gave up on ${records.length} stream records and has no on-failure destination: ${reason}`);
      return;
    }
    // Lambda sends the batch's location in the stream, not the records themselves.
    await dispatcher.sendToQueue(
      mapping.onFailureArn,
      JSON.stringify({
        requestContext: { condition: 'RetryAttemptsExhausted', functionArn: mapping.functionName, approximateInvokeCount: mapping.maximumRetryAttempts + 1 },
        responseContext: { functionError: reason },
        DDBStreamBatchInfo: {
          shardId: 'local',
          startSequenceNumber: first.SequenceNumber,
          endSequenceNumber: last.SequenceNumber,
          approximateArrivalOfFirstRecord: first.ApproximateCreationDateTime,
          approximateArrivalOfLastRecord: last.ApproximateCreationDateTime,
          batchSize: records.length,
          streamArn: table.streamArn,
        },
      }),
    );
  }
}
