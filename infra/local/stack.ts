// Starts the whole system locally from the synthesized CDK template: stand-ins for DynamoDB, SQS,
// SES, EventBridge, Scheduler, SMS and Secrets Manager, the template's functions in worker threads,
// the HTTP API, and a fake WooCommerce store on it.
import { mkdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Activity } from './activity.ts';
import { LocalIssuer } from './auth/issuer.ts';
import { LocalClock } from './clock.ts';
import { Dispatcher } from './dispatcher.ts';
import { LocalEventBus, type BusJournalEntry } from './eventbridge/bus.ts';
import { Journal } from './journal.ts';
import { FaultPlan, faultSettingsFromEnv } from './faults/plan.ts';
import { LambdaRuntime } from './lambda/runtime.ts';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SqsPoller } from './mappings/sqs-poller.ts';
import { StreamPoller } from './mappings/stream-poller.ts';
import { PersistentMap } from './persistent-map.ts';
import { createTemplateSchedules, LocalScheduler, type TemplateScheduleWiring } from './scheduler/index.ts';
import { LocalSecretsManager } from './secrets/index.ts';
import { startDynamoDbLocal, ensureTables } from './services/dynamodb.ts';
import { resolvePort } from './services/ports.ts';
import { startSesLocal } from './services/ses.ts';
import { ensureQueues, localAccountId, localQueueUrl, startSqsLocal } from './services/sqs.ts';
import { SqsJournal } from './services/sqs-journal.ts';
import { LocalSmsSink } from './sms.ts';
import { LocalTopics } from './sns.ts';
import { buildLocalModel, type LocalModel, type LocalSecret } from './template/model.ts';
import { synthesize, type SynthResult } from './template/synth.ts';
import { createFrontDoor } from './front-door.ts';
import { demoShopsSeed } from './demo-shops.ts';
import { scheduleDelivery } from './scheduler-delivery.ts';
import { createSettle } from './settle.ts';
import { FakeWooCommerce } from './woocommerce/index.ts';
import { FakeStorefront } from './storefront/index.ts';
import { FakePayments } from './payments/index.ts';
import { LocalUsage } from './usage/counters.ts';
import { dynamoDbUsageProxy, sesUsageProxy } from './usage/proxy.ts';

export interface LocalStackOptions {
  projectRoot: string;
  /** The API's port; the stand-ins take the next seven. 0 picks free ports for everything. */
  port?: number;
  /**
   * Keep DynamoDB data, secret values, the issuer's key, queued messages, undelivered events,
   * schedules and the clock under `dataDir` across restarts, a hard kill included (the default for `npm start`).
   */
  persist?: boolean;
  /** Where persistent mode keeps its state; default `<projectRoot>/.local`. */
  dataDir?: string;
  /**
   * The first value of each Secrets Manager secret in the template (`undefined`: the template's
   * SecretString, else a generated one). Called at start with the stack's endpoints.
   */
  secretSeeds?: (secret: LocalSecret, endpoints: LocalEndpoints) => string | undefined;
  /**
   * When the clock jumps, the template's rate schedules and scheduled rules fire at the first and
   * last occurrence of each stretch in which nothing else fires (the default), instead of at every
   * occurrence (false: faithful, but a 14-day jump runs a 15-minute job 1344 times).
   */
  catchUpTemplateSchedules?: boolean;
  /** Receives the stack's own messages and every function log line. */
  log?: (line: string) => void;
  region?: string;
  /** Events the bus keeps for `/_local/events` (default 10,000); a burst benchmark counts more. */
  eventArchiveLimit?: number;
}

export interface LocalEndpoints {
  api: string;
  eventbridge: string;
  scheduler: string;
  sqs: string;
  dynamodb: string;
  sesv2: string;
  sms: string;
  secretsmanager: string;
}

export interface LocalStack {
  endpoints: LocalEndpoints;
  /** `AWS_ENDPOINT_URL_*` and friends, for SDK clients outside the stack (tests, scripts). */
  clientEnvironment: Record<string, string>;
  model: LocalModel;
  synth: SynthResult;
  clock: LocalClock;
  bus: LocalEventBus;
  scheduler: LocalScheduler;
  sms: LocalSmsSink;
  /** The template's SNS topics: publishing delivers to their subscriptions. */
  topics: LocalTopics;
  secrets: LocalSecretsManager;
  /** The fake WooCommerce stores under `/_local/woocommerce/<store>/`. */
  woocommerce: FakeWooCommerce;
  /** The fake storefront exchange services under `/_local/storefront/<shop>/` (variants, reservations, exchange orders, charges). */
  storefront: FakeStorefront;
  /** The fake payment provider under `/_local/payments/<shop>/` (idempotent refunds; declines, pending answers and timeouts on demand). */
  payments: FakePayments;
  /** The local stand-in for the Cognito user pool: mints tokens at `POST /_local/token`, trusted by JWT authorizers. */
  issuer: LocalIssuer;
  /** The template's schedules and scheduled rules, as created in the local scheduler. */
  templateSchedules: TemplateScheduleWiring;
  runtime: LambdaRuntime;
  /** What the system asked of each AWS stand-in since start or the last reset, counted as AWS bills it (`GET /_local/usage`). */
  usage: LocalUsage;
  /** Fault injection into the system's own traffic (`LOCAL_FAULT_RATE`, `GET/PUT /_local/faults`); off by default. */
  faults: FaultPlan;
  /** What is wired: the mappings with a running poller, for the wiring test and `/_local/wiring`. */
  wiredMappings: string[];
  /** Waits until every delivery, invocation and mapped queue triggered so far is done. */
  settle(timeoutMs?: number): Promise<void>;
  /** Holds every event source mapping (queues and streams keep their messages), e.g. to measure acknowledgement alone. */
  pauseEventSources(): void;
  resumeEventSources(): void;
  stop(): Promise<void>;
}

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as import('node:net').AddressInfo).port));
  });
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? ((line: string) => console.log(line));
  const region = options.region ?? 'us-east-1';
  const localDir = path.join(options.projectRoot, '.local');
  mkdirSync(localDir, { recursive: true });
  const dataDir = path.resolve(options.dataDir ?? localDir);
  mkdirSync(dataDir, { recursive: true });
  const persisted = (file: string) => (options.persist ? path.join(dataDir, file) : undefined);
  const synth = await synthesize(options.projectRoot);

  const base = options.port ?? 3000;
  const portFor = (offset: number, component: string) => resolvePort(base === 0 ? 0 : base + offset, component);
  const [apiPort, eventsPort, schedulerPort, sqsPort, dynamoPort, sesPort, smsPort, secretsPort] = [
    await portFor(0, 'api'),
    await portFor(1, 'eventbridge'),
    await portFor(2, 'scheduler'),
    await portFor(3, 'sqs'),
    await portFor(4, 'dynamodb'),
    await portFor(5, 'sesv2'),
    await portFor(6, 'sms'),
    await portFor(7, 'secretsmanager'),
  ];
  const stoppers: (() => Promise<unknown>)[] = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
  };

  try {
    const clock = new LocalClock(undefined, persisted('clock.json'));
    const sqsJournal = options.persist ? new SqsJournal(persisted('sqs-journal.jsonl')) : undefined;
    const faults = new FaultPlan(faultSettingsFromEnv(process.env));
    const usage = new LocalUsage({ now: () => clock.now(), mappedQueues: () => model.mappings.filter((mapping) => mapping.enabled && mapping.kind === 'sqs').length });
    const [dynamo, sqs, ses] = await Promise.all([
      startDynamoDbLocal({ port: dynamoPort, projectRoot: options.projectRoot, dataDir: persisted('dynamodb'), workDir: localDir, credentials, region }),
      startSqsLocal({ port: sqsPort, projectRoot: options.projectRoot, region, credentials, observe: (action, request, response) => usage.sqsRequest(action, request, response), journal: sqsJournal }),
      startSesLocal(sesPort, { mailFile: persisted('mailbox.jsonl') }),
    ]);
    stoppers.push(dynamo.stop, sqs.stop, ses.stop);
    // The functions reach DynamoDB and SES through counting proxies; everything else uses the direct endpoints.
    const [dynamoProxy, sesProxy] = await Promise.all([dynamoDbUsageProxy(dynamo.url, usage, faults), sesUsageProxy(ses.url, usage, faults)]);
    stoppers.push(dynamoProxy.stop, sesProxy.stop);

    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const model = buildLocalModel(synth.template, {
      stackName: synth.stackName,
      region,
      accountId: localAccountId,
      assemblyDir: synth.assemblyDir,
      queueUrl: (name) => localQueueUrl(sqsPort, name),
      apiUrl,
    });
    await Promise.all([ensureTables(dynamo.client, model.tables), ensureQueues(sqs.client, model.queues)]);
    // Messages a hard kill left in the queues (waiting or in flight) are queued again.
    const requeued = (await sqsJournal?.restore(sqs.client, model.queues)) ?? 0;
    if (requeued > 0) log(`Persisted state: ${requeued} queued messages restored`);

    const endpoints: LocalEndpoints = {
      api: apiUrl,
      eventbridge: `http://127.0.0.1:${eventsPort}`,
      scheduler: `http://127.0.0.1:${schedulerPort}`,
      sqs: sqs.url,
      dynamodb: dynamo.url,
      sesv2: ses.url,
      sms: `http://127.0.0.1:${smsPort}`,
      secretsmanager: `http://127.0.0.1:${secretsPort}`,
    };
    const clientEnvironment: Record<string, string> = {
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
      AWS_ENDPOINT_URL_SQS: endpoints.sqs,
      AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
      AWS_ENDPOINT_URL_SCHEDULER: endpoints.scheduler,
      AWS_ENDPOINT_URL_SESV2: endpoints.sesv2,
      AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2: endpoints.sms,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: endpoints.secretsmanager,
    };

    const activity = new Activity();
    const secrets = new LocalSecretsManager({
      region,
      accountId: localAccountId,
      file: persisted('secrets.json'),
      now: () => clock.now(),
    });
    // Unless told otherwise, the shops secret holds the demo shops the README documents.
    const seed = options.secretSeeds ?? ((secret: LocalSecret, { api }: LocalEndpoints) => demoShopsSeed(api)(secret));
    secrets.ensureTemplateSecrets(model.secrets, (secret) => seed(secret, endpoints));
    const woocommerce = new FakeWooCommerce({ now: () => clock.now() });
    const storefront = new FakeStorefront({ now: () => clock.now() });
    const payments = new FakePayments({ now: () => clock.now(), file: persisted('payments.jsonl') });
    const issuer = new LocalIssuer({ apiUrl, keyFile: persisted('issuer-key.json'), now: () => clock.now() });
    const runtime = new LambdaRuntime({
      functions: model.functions,
      clockBuffer: clock.buffer,
      workDir: path.join(localDir, 'runtime'),
      log: (fn, line) => log(`[${fn}] ${line}`),
      onInvocation: (fn, durationMs) => usage.invocation(fn.name, fn.memoryMb, durationMs),
      faults,
      baseEnvironment: {
        ...clientEnvironment,
        AWS_ENDPOINT_URL_DYNAMODB: dynamoProxy.url,
        AWS_ENDPOINT_URL_SESV2: sesProxy.url,
        // A developer's own ~/.aws settings must not redirect the functions.
        AWS_CONFIG_FILE: path.join(localDir, 'no-aws-config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(localDir, 'no-aws-credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        TZ: 'UTC',
        PATH: process.env.PATH ?? '',
        ...(process.env.NODE_EXTRA_CA_CERTS ? { NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS } : {}),
      },
    });
    stoppers.push(() => runtime.stop());

    const dispatcher = new Dispatcher({ runtime, sqs: sqs.client, queues: model.queues, functions: model.functions, activity, log });
    const bus = new LocalEventBus({ model, dispatcher, now: () => clock.now(), archiveLimit: options.eventArchiveLimit, onPutEvents: (entries) => usage.putEvents(entries), faults, journal: new Journal<BusJournalEntry>(persisted('events-journal.jsonl')) });
    const scheduler = new LocalScheduler({
      clock,
      file: persisted('schedules.json'),
      region,
      accountId: localAccountId,
      groups: model.scheduleGroups,
      deliver: (schedule) => {
        usage.scheduleFired();
        return activity.track(scheduleDelivery(schedule, { bus, dispatcher }), `schedule ${schedule.GroupName}/${schedule.Name}`);
      },
      onDeadLetter: (schedule, error) =>
        dispatcher.sendToQueue(schedule.Target.DeadLetterConfig!.Arn!, schedule.Target.Input ?? '{}', {
          ERROR_CODE: 'TargetDeliveryFailed',
          ERROR_MESSAGE: error.message,
          SCHEDULE_ARN: schedule.Arn,
          TARGET_ARN: schedule.Target.Arn,
        }),
    });
    const templateSchedules = createTemplateSchedules({ scheduler, model, dispatcher, log, catchUp: options.catchUpTemplateSchedules });
    const sms = new LocalSmsSink({ now: () => clock.now(), onSent: (segments) => usage.smsSent(segments), faults });
    const topics = new LocalTopics({ topics: model.topics, dispatcher, now: () => clock.now(), log });

    const queuesByArn = new Map(model.queues.map((queue) => [queue.arn, queue]));
    const pollers = model.mappings
      .filter((mapping) => mapping.enabled && mapping.kind === 'sqs')
      .map((mapping) => {
        const queue = queuesByArn.get(mapping.sourceArn);
        if (!queue) throw new Error(`Event source mapping ${mapping.logicalId} reads ${mapping.sourceArn}, which is not in the template`);
        return new SqsPoller({ mapping, queue, sqs: sqs.client, runtime, activity, region, log, faults });
      });
    const tablesByStream = new Map(model.tables.filter((table) => table.streamArn).map((table) => [table.streamArn!, table]));
    const streams = new DynamoDBStreamsClient({ endpoint: dynamo.url, region, credentials });
    const checkpoints = new PersistentMap(persisted('stream-checkpoints.json'));
    const streamPollers = model.mappings
      .filter((mapping) => mapping.enabled && mapping.kind === 'dynamodb')
      .map((mapping) => {
        const table = tablesByStream.get(mapping.sourceArn);
        if (!table) throw new Error(`Event source mapping ${mapping.logicalId} reads ${mapping.sourceArn}, which is not a table stream in the template`);
        return new StreamPoller({ mapping, table, dynamo: dynamo.client, streams, runtime, dispatcher, activity, region, log, checkpoints });
      });
    const allPollers = [...pollers, ...streamPollers];

    const settle = createSettle({ activity, runtime, pollers: allPollers });

    const servers: [http.Server, number][] = [
      [http.createServer((req, res) => void bus.handle(req, res)), eventsPort],
      [
        http.createServer((req, res) => {
          usage.schedulerApiCall(req.method ?? 'GET', new URL(req.url ?? '/', 'http://scheduler.local').pathname);
          void scheduler.handle(req, res);
        }),
        schedulerPort,
      ],
      [http.createServer((req, res) => void sms.handle(req, res)), smsPort],
      [http.createServer((req, res) => void secrets.handle(req, res)), secretsPort],
    ];
    const wiredMappings = allPollers.map((poller) => poller.mapping.logicalId);
    const stack: LocalStack = {
      endpoints, clientEnvironment, model, synth, clock, bus, scheduler, sms, topics, secrets, woocommerce, storefront, payments, issuer, templateSchedules, runtime, usage, faults, wiredMappings, settle, stop: stopAll,
      pauseEventSources: () => allPollers.forEach((poller) => poller.pause()),
      resumeEventSources: () => allPollers.forEach((poller) => poller.resume()),
    };
    servers.push([createFrontDoor(stack), apiPort]);
    // What a hard kill interrupted is delivered again (persistent mode; at least once, as AWS does).
    const redelivered = bus.recover();
    void activity.track(scheduler.recover(), 'interrupted schedule firings').then(
      (refired) => refired > 0 && log(`Persisted state: ${refired} interrupted schedule firings delivered again`),
      (error: Error) => log(`[scheduler] interrupted firings could not be delivered again: ${error.message}`),
    );
    if (redelivered > 0) log(`Persisted state: ${redelivered} undelivered events delivered again`);
    for (const [server, port] of servers) {
      await listen(server, port);
      stoppers.push(() => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }));
    }
    for (const poller of allPollers) poller.start();
    stoppers.push(() => Promise.all(allPollers.map((poller) => poller.stop())));
    scheduler.startTicker(1000);
    stoppers.push(async () => scheduler.stop());
    return stack;
  } catch (error) {
    await stopAll();
    throw error;
  }
}
