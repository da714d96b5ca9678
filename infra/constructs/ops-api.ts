import { Duration, Stack } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { Backbone } from './backbone.ts';
import { getCustomer, getEventCatalogue, getOpenApiDocument, getOpsHealth, getOrder, getOrderTimeline, listAuditRecords, listCustomers, listNotifications, listOrders } from '../../shared/api/routes.ts';
import { DeadLetterDesk } from './dead-letter-desk.ts';
import { OpsAuth } from './ops-auth.ts';
import { DeadLetterQueue, WorkQueue } from './queues.ts';
import type { AppFunction } from './app-function.ts';

export interface OpsApiProps {
  readonly backbone: Backbone;
  /** Where re-driven quarantined deliveries go. */
  readonly deliveryQueue: WorkQueue;
}

/**
 * The ops side: the journal that builds every entity's timeline from the bus, the public events
 * catalogue, and the authenticated ops routes (Cognito groups as roles, checked at the gateway and
 * again in the handler).
 */
export class OpsApi extends Construct {
  readonly auth: OpsAuth;
  private readonly reader: AppFunction;
  readonly deadLetters: DeadLetterDesk;

  constructor(scope: Construct, id: string, { backbone, deliveryQueue }: OpsApiProps) {
    super(scope, id);

    const journal = backbone.newFunction(this, 'Journal', {
      entry: 'functions/ops/journal.ts',
      service: 'ops',
      description: 'Writes every canonical event to the timelines of the entities it names',
      environment: { JOURNAL_TABLE_NAME: backbone.journalTable.tableName },
      timeout: Duration.seconds(20),
    });
    backbone.journalTable.grantWriteData(journal.fn);
    const journalQueue = new WorkQueue(this, 'JournalQueue', {
      visibilityTimeout: Duration.seconds(120),
      maxReceiveCount: 3,
    });
    backbone.subscribeQueue(this, 'JournalRule', { source: [{ prefix: 'aftersales.' }] as unknown as string[] }, journalQueue, journal, 25);

    const catalogue = backbone.newFunction(this, 'Catalogue', {
      entry: 'functions/ops/catalogue.ts',
      service: 'ops',
      description: 'Serves the canonical event catalogue with JSON Schemas',
      memorySize: 256,
    });
    backbone.addPublicRoute(getEventCatalogue, catalogue.fn);

    const openApi = backbone.newFunction(this, 'OpenApi', {
      entry: 'functions/ops/openapi.ts',
      service: 'ops',
      description: 'Serves the OpenAPI document',
      memorySize: 256,
    });
    backbone.addPublicRoute(getOpenApiDocument, openApi.fn);

    this.auth = new OpsAuth(this, 'Auth');
    const reader = backbone.newFunction(this, 'Read', {
      entry: 'functions/ops/api.ts',
      service: 'ops',
      description: 'Ops API read routes: orders, customers, timelines, audit, health',
      environment: { STATE_TABLE_NAME: backbone.stateTable.tableName, JOURNAL_TABLE_NAME: backbone.journalTable.tableName },
    });
    backbone.grantState(reader, 'read');
    this.reader = reader;
    backbone.journalTable.grantReadData(reader.fn);
    for (const route of [listOrders, getOrder, getOrderTimeline, listCustomers, getCustomer, getOpsHealth, listAuditRecords, listNotifications]) {
      backbone.addAuthorizedRoute(route, reader.fn, this.auth.authorizer);
    }
    this.deadLetters = new DeadLetterDesk(this, 'DeadLetters', { backbone, authorizer: this.auth.authorizer, deliveryQueue });
  }

  /** Archives every dead-letter queue of `scope` for ops and reports it in GET /ops/health; call once the stack is complete. */
  watchDeadLetters(scope: Construct): void {
    this.deadLetters.watchDeadLetters(scope);
    const queues = scope.node.findAll().filter((node): node is DeadLetterQueue => node instanceof DeadLetterQueue);
    for (const { queue } of queues) queue.grant(this.reader.fn, 'sqs:GetQueueAttributes');
    this.reader.fn.addEnvironment(
      'DEAD_LETTER_QUEUES',
      Stack.of(this).toJsonString(queues.map((dlq) => ({ name: dlq.node.path.split('/').slice(1).join('/'), url: dlq.queue.queueUrl }))),
    );
  }
}
