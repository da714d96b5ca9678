// What the local stack's AWS stand-ins were asked to do, counted the way AWS bills it, so a
// benchmark can price a day of a store. Counted in the stack's layers (front door, Lambda runtime,
// bus, scheduler, SQS, proxies in front of DynamoDB and SES, SMS sink), never in handlers.

/** Billable request chunk sizes: EventBridge and SQS bill a request per started 64 KB. */
const billingChunkBytes = 64 * 1024;

export const chunks64k = (bytes: number): number => Math.max(1, Math.ceil(bytes / billingChunkBytes));

export interface LambdaUsage {
  invocations: number;
  /** Billed duration (each invocation rounded up to 1 ms) × configured memory. */
  gbSeconds: number;
  byFunction: Record<string, { invocations: number; billedMs: number; memoryMb: number }>;
}

export interface UsageSnapshot {
  /** Local clock (simulated) and wall time covered by the counters, since start or the last reset. */
  since: { clock: string; wall: string };
  until: { clock: string; wall: string };
  clockSpanMs: number;
  api: { requests: number };
  lambda: LambdaUsage;
  /** Custom events (entries in 64 KB chunks) put by functions and schedules; aws.* service events are free. */
  eventbridge: { putEventsCalls: number; events: number };
  /** Schedules fired (template schedules and one-off timers) and the schedule API calls. */
  scheduler: { invocations: number; createCalls: number; updateCalls: number; deleteCalls: number; otherCalls: number };
  /**
   * SQS requests in 64 KB chunks. `emptyReceives` are the local poller's, an artefact of its 1 s
   * polls: the cost model prices Lambda's own idle polling instead (see bench/cost.ts).
   */
  sqs: { sendRequests: number; messagesSent: number; receiveRequests: number; emptyReceives: number; deleteRequests: number; changeVisibilityRequests: number; mappedQueues: number };
  /**
   * From ConsumedCapacity (ReturnConsumedCapacity TOTAL, asked by the proxy in front of DynamoDB
   * Local on every function request; TOTAL includes the index writes, as in AWS); a write refused by its condition still bills 1 WRU in AWS
   * and DynamoDB Local reports none, so it is counted as 1.
   */
  dynamodb: { requests: number; readUnits: number; writeUnits: number; failedConditionalWrites: number };
  /** SES bills per recipient. */
  ses: { sendRequests: number; emails: number };
  sms: { messages: number; segments: number };
}

const readOperations = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const writeOperations = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems', 'ExecuteStatement', 'BatchExecuteStatement', 'ExecuteTransaction']);

export const isDynamoDataOperation = (operation: string) => readOperations.has(operation) || writeOperations.has(operation);

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/** Read and write units of one DynamoDB response (`ConsumedCapacity` is one object or a list). */
export function dynamoUnits(operation: string, status: number, response: { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[]; __type?: string } | undefined): { read: number; write: number; failedConditionalWrite: boolean } {
  if (status >= 400) {
    const conditional = (response?.__type ?? '').endsWith('ConditionalCheckFailedException') || (response?.__type ?? '').endsWith('TransactionCanceledException');
    return conditional && writeOperations.has(operation) ? { read: 0, write: 1, failedConditionalWrite: true } : { read: 0, write: 0, failedConditionalWrite: false };
  }
  const consumed = response?.ConsumedCapacity;
  const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let read = 0;
  let write = 0;
  for (const entry of list) {
    if (entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined) {
      read += entry.ReadCapacityUnits ?? 0;
      write += entry.WriteCapacityUnits ?? 0;
    } else if (writeOperations.has(operation)) write += entry.CapacityUnits ?? 0;
    else read += entry.CapacityUnits ?? 0;
  }
  return { read, write, failedConditionalWrite: false };
}

/** Recipients of an SESv2 SendEmail request (SES bills each one as an email). */
export function sesRecipients(request: { Destination?: { ToAddresses?: string[]; CcAddresses?: string[]; BccAddresses?: string[] } } | undefined): number {
  const destination = request?.Destination;
  const count = (destination?.ToAddresses?.length ?? 0) + (destination?.CcAddresses?.length ?? 0) + (destination?.BccAddresses?.length ?? 0);
  return Math.max(1, count);
}

export class LocalUsage {
  private counters = LocalUsage.empty();
  private sinceClock: Date;
  private sinceWall = new Date();

  constructor(private readonly deps: { now(): Date; mappedQueues(): number }) {
    this.sinceClock = deps.now();
  }

  private static empty() {
    return {
      api: { requests: 0 },
      lambda: { invocations: 0, gbSeconds: 0, byFunction: {} } as LambdaUsage,
      eventbridge: { putEventsCalls: 0, events: 0 },
      scheduler: { invocations: 0, createCalls: 0, updateCalls: 0, deleteCalls: 0, otherCalls: 0 },
      sqs: { sendRequests: 0, messagesSent: 0, receiveRequests: 0, emptyReceives: 0, deleteRequests: 0, changeVisibilityRequests: 0 },
      dynamodb: { requests: 0, readUnits: 0, writeUnits: 0, failedConditionalWrites: 0 },
      ses: { sendRequests: 0, emails: 0 },
      sms: { messages: 0, segments: 0 },
    };
  }

  /** Starts counting afresh (a benchmark resets after its warm-up). */
  reset(): void {
    this.counters = LocalUsage.empty();
    this.sinceClock = this.deps.now();
    this.sinceWall = new Date();
  }

  snapshot(): UsageSnapshot {
    const untilClock = this.deps.now();
    const copy = structuredClone(this.counters);
    return {
      since: { clock: this.sinceClock.toISOString(), wall: this.sinceWall.toISOString() },
      until: { clock: untilClock.toISOString(), wall: new Date().toISOString() },
      clockSpanMs: untilClock.getTime() - this.sinceClock.getTime(),
      ...copy,
      lambda: { ...copy.lambda, gbSeconds: round(copy.lambda.gbSeconds) },
      dynamodb: { ...copy.dynamodb, readUnits: round(copy.dynamodb.readUnits), writeUnits: round(copy.dynamodb.writeUnits) },
      sqs: { ...copy.sqs, mappedQueues: this.deps.mappedQueues() },
    };
  }

  apiRequest(): void {
    this.counters.api.requests++;
  }

  invocation(functionName: string, memoryMb: number, durationMs: number): void {
    const billedMs = Math.max(1, Math.ceil(durationMs));
    const { lambda } = this.counters;
    lambda.invocations++;
    lambda.gbSeconds += (billedMs / 1000) * (memoryMb / 1024);
    const entry = (lambda.byFunction[functionName] ??= { invocations: 0, billedMs: 0, memoryMb });
    entry.invocations++;
    entry.billedMs += billedMs;
  }

  putEvents(entries: { Source?: string; Detail?: string; DetailType?: string }[]): void {
    const custom = entries.filter((entry) => !(entry.Source ?? '').startsWith('aws.'));
    if (custom.length === 0) return;
    this.counters.eventbridge.putEventsCalls++;
    for (const entry of custom) {
      this.counters.eventbridge.events += chunks64k(Buffer.byteLength(entry.Detail ?? '') + Buffer.byteLength(entry.DetailType ?? '') + Buffer.byteLength(entry.Source ?? ''));
    }
  }

  scheduleFired(): void {
    this.counters.scheduler.invocations++;
  }

  /** One request to the Scheduler API: `POST|PUT|DELETE /schedules/<name>` create, update, delete. */
  schedulerApiCall(method: string, pathname: string): void {
    const scheduler = this.counters.scheduler;
    const isSchedule = /^\/schedules\/[^/]+$/.test(pathname);
    if (isSchedule && method === 'POST') scheduler.createCalls++;
    else if (isSchedule && method === 'PUT') scheduler.updateCalls++;
    else if (isSchedule && method === 'DELETE') scheduler.deleteCalls++;
    else scheduler.otherCalls++;
  }

  /** One SQS API request (JSON protocol action), with its request and response bodies. */
  sqsRequest(action: string, request: Record<string, unknown> | undefined, response: Record<string, unknown> | undefined): void {
    const sqs = this.counters.sqs;
    switch (action) {
      case 'SendMessage':
        sqs.sendRequests += chunks64k(Buffer.byteLength(String(request?.MessageBody ?? '')));
        sqs.messagesSent++;
        return;
      case 'SendMessageBatch': {
        const entries = (request?.Entries as { MessageBody?: string }[] | undefined) ?? [];
        sqs.sendRequests += chunks64k(entries.reduce((sum, entry) => sum + Buffer.byteLength(entry.MessageBody ?? ''), 0));
        sqs.messagesSent += entries.length;
        return;
      }
      case 'ReceiveMessage': {
        const messages = (response?.Messages as unknown[] | undefined) ?? [];
        if (messages.length === 0) sqs.emptyReceives++;
        else sqs.receiveRequests++;
        return;
      }
      case 'DeleteMessage':
      case 'DeleteMessageBatch':
        sqs.deleteRequests++;
        return;
      case 'ChangeMessageVisibility':
      case 'ChangeMessageVisibilityBatch':
        sqs.changeVisibilityRequests++;
        return;
      default:
      // Queue creation and attribute reads are the local stack's own set-up and settling.
    }
  }

  dynamodbRequest(operation: string, status: number, response: Parameters<typeof dynamoUnits>[2]): void {
    if (!isDynamoDataOperation(operation)) return;
    const units = dynamoUnits(operation, status, response);
    const dynamodb = this.counters.dynamodb;
    dynamodb.requests++;
    dynamodb.readUnits += units.read;
    dynamodb.writeUnits += units.write;
    if (units.failedConditionalWrite) dynamodb.failedConditionalWrites++;
  }

  emailSent(recipients: number): void {
    this.counters.ses.sendRequests++;
    this.counters.ses.emails += recipients;
  }

  smsSent(segments: number): void {
    this.counters.sms.messages++;
    this.counters.sms.segments += segments;
  }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;
