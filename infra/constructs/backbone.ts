import { CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpApi, HttpStage, type HttpMethod, type IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule, type EventPattern } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import type { Route } from '../../shared/api/define.ts';
import { AppFunction, type AppFunctionProps } from './app-function.ts';
import { addQueueSource, DeadLetterQueue, WorkQueue } from './queues.ts';

const webhookAccessReason = 'Storefronts cannot send tokens; every delivery is authenticated by its HMAC signature with the shop secret.';

/** How long an undeliverable event is retried by EventBridge before it goes to the dead-letter queue. */
const ruleRetry = { retryAttempts: 8, maxEventAge: Duration.hours(4) };

/**
 * What every capability shares: the event bus (with an archive for replays), the state tables,
 * the HTTP API, and helpers that apply the platform's rules to new functions, queues and rules:
 * every queue and every rule target gets a dead-letter queue.
 */
export class Backbone extends Construct {
  readonly bus: EventBus;
  /** Single-table business state (orders, cases, returns...); its stream feeds the outbox relay. */
  readonly stateTable: TableV2;
  /** Every canonical event, per subject, for timelines in the ops console. */
  readonly journalTable: TableV2;
  /** Powertools idempotency records: one per processed request, expiring. */
  readonly idempotencyTable: TableV2;
  readonly httpApi: HttpApi;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bus = new EventBus(this, 'Bus', { description: 'Canonical after-sales events' });
    this.bus.archive('Archive', {
      description: 'Every canonical event, kept for replays',
      eventPattern: { source: [{ prefix: 'aftersales.' }] as unknown as string[] },
      retention: Duration.days(365),
    });

    const tableDefaults = {
      billing: Billing.onDemand(),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    };
    this.stateTable = new TableV2(this, 'StateTable', {
      ...tableDefaults,
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
      dynamoStream: StreamViewType.NEW_AND_OLD_IMAGES,
      globalSecondaryIndexes: [
        {
          indexName: 'gsi1',
          partitionKey: { name: 'gsi1pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi1sk', type: AttributeType.STRING },
        },
        {
          // Orders by shop and normalized order number: customer portal sign-in.
          indexName: 'gsi2',
          partitionKey: { name: 'gsi2pk', type: AttributeType.STRING },
          sortKey: { name: 'gsi2sk', type: AttributeType.STRING },
        },
      ],
    });
    this.journalTable = new TableV2(this, 'JournalTable', {
      ...tableDefaults,
      partitionKey: { name: 'subject', type: AttributeType.STRING },
      sortKey: { name: 'at', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiresAt',
    });
    this.idempotencyTable = new TableV2(this, 'IdempotencyTable', {
      ...tableDefaults,
      deletionProtection: false,
      removalPolicy: RemovalPolicy.DESTROY,
      partitionKey: { name: 'id', type: AttributeType.STRING },
      timeToLiveAttribute: 'expiration',
    });

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Storefront webhooks, the customer API and the ops API',
      createDefaultStage: false,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { rateLimit: 500, burstLimit: 1000 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.jsonWithStandardFields(),
      },
    });
  }

  /**
   * A function with the platform defaults; `EVENT_BUS_NAME` is always set. Only a function that
   * `publishesEvents` itself may put events on the bus: the others publish through the outbox.
   */
  newFunction(scope: Construct, id: string, { publishesEvents = false, ...props }: AppFunctionProps & { publishesEvents?: boolean }): AppFunction {
    const fn = new AppFunction(scope, id, {
      ...props,
      environment: { EVENT_BUS_NAME: this.bus.eventBusName, ...props.environment },
    });
    if (publishesEvents) this.bus.grantPutEventsTo(fn.fn);
    return fn;
  }

  /** Lets `fn` read and/or write the state table, including its indexes. */
  grantState(fn: AppFunction, access: 'read' | 'write' | 'readWrite'): void {
    if (access === 'read') this.stateTable.grantReadData(fn.fn);
    else if (access === 'write') this.stateTable.grantWriteData(fn.fn);
    else this.stateTable.grantReadWriteData(fn.fn);
    const tableId = Stack.of(this).getLogicalId(this.stateTable.node.defaultChild as CfnElement);
    Validations.of(fn).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason: "Queries use the state table's indexes; the wildcard covers that one table's indexes only.",
    });
  }

  /**
   * Routes `method path` on the HTTP API to a function. A route without an authorizer must say why
   * it is public (storefront webhooks verify signatures; the catalogue holds no data).
   */
  addRoute(method: HttpMethod, path: string, fn: IFunction, id: string, access: { publicBecause: string }): void {
    for (const route of this.httpApi.addRoutes({ path, methods: [method], integration: this.integrationOf(fn, id) })) {
      Validations.of(route).acknowledge({ id: 'AwsSolutions::AwsSolutions-APIG4', reason: access.publicBecause });
    }
  }

  /** Routes a declared route to a function behind an authorizer (the ops API's JWT authorizer). */
  addAuthorizedRoute(route: Route, fn: IFunction, authorizer: IHttpRouteAuthorizer): void {
    this.httpApi.addRoutes({ path: route.path, methods: [route.method.toUpperCase() as HttpMethod], integration: this.integrationOf(fn, `${route.operationId}Integration`), authorizer });
  }

  private readonly integrations = new Map<IFunction, HttpLambdaIntegration>();

  /**
   * One integration per function, with one invoke permission for the API (not one per route): a
   * function serving many routes would otherwise cost two resources per route, and the stack is
   * bounded at 500 resources.
   */
  private integrationOf(fn: IFunction, id: string): HttpLambdaIntegration {
    let integration = this.integrations.get(fn);
    if (!integration) {
      integration = new HttpLambdaIntegration(id, fn, { scopePermissionToRoute: false });
      this.integrations.set(fn, integration);
    }
    return integration;
  }

  /** Routes a declared public route; why it is public comes from its definition. */
  addPublicRoute(route: Route, fn: IFunction): void {
    const reason = route.access.kind === 'public' ? route.access.reason : route.access.kind === 'webhook' ? webhookAccessReason : undefined;
    if (!reason) throw new Error(`${route.operationId} is not a public route`);
    this.addRoute(route.method.toUpperCase() as HttpMethod, route.path, fn, `${route.operationId}Integration`, { publicBecause: reason });
  }

  /**
   * Routes a declared customer route with no gateway authorizer: customers have no Cognito
   * identity, the handler verifies the session token it issued.
   */
  addCustomerRoute(route: Route, fn: IFunction): void {
    if (route.access.kind !== 'customer') throw new Error(`${route.operationId} is not a customer route`);
    this.addRoute(route.method.toUpperCase() as HttpMethod, route.path, fn, `${route.operationId}Integration`, {
      publicBecause: 'The handler verifies the customer session token it issued (customers sign in with an order number and its email and have no Cognito identity).',
    });
  }

  /**
   * Events matching `pattern` invoke `fn` asynchronously. Delivery failures go to the rule's
   * dead-letter queue; handler failures are retried twice by Lambda, then go to the same queue.
   */
  subscribeFunction(scope: Construct, id: string, pattern: EventPattern, fn: AppFunction, deadLetters: DeadLetterQueue): Rule {
    return new Rule(scope, id, {
      eventBus: this.bus,
      eventPattern: pattern,
      targets: [new LambdaFunction(fn.fn, { deadLetterQueue: deadLetters.queue, ...ruleRetry })],
    });
  }

  /** `fn` consumes `work` in batches, reporting partial batch failures; `maxConcurrency` caps the pollers (provider rate limits). */
  consumeQueue(work: WorkQueue, fn: AppFunction, batchSize = 10, maxConcurrency?: number): void {
    addQueueSource(
      fn.fn,
      new SqsEventSource(work.queue, { batchSize, maxBatchingWindow: Duration.seconds(1), reportBatchItemFailures: true, ...(maxConcurrency ? { maxConcurrency } : {}) }),
      'a message that keeps failing moves to the work queue’s dead-letter queue (its redrive policy)',
    );
  }

  /**
   * Events matching `pattern` are buffered in `work` and consumed by `fn` in batches with partial
   * batch failures; a message that keeps failing moves to the queue's dead-letter queue.
   */
  subscribeQueue(scope: Construct, id: string, pattern: EventPattern, work: WorkQueue, fn: AppFunction, batchSize = 10, maxConcurrency?: number): Rule {
    this.consumeQueue(work, fn, batchSize, maxConcurrency);
    return new Rule(scope, id, {
      eventBus: this.bus,
      eventPattern: pattern,
      targets: [new SqsQueue(work.queue, { deadLetterQueue: work.deadLetters.queue, ...ruleRetry })],
    });
  }
}
