import { Duration } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { getPrivacyExport, listPrivacyExports } from '../../shared/api/routes.ts';
import type { Backbone } from './backbone.ts';
import type { DeadLetterDesk } from './dead-letter-desk.ts';
import type { Ingest } from './ingest.ts';
import { WorkQueue } from './queues.ts';

export interface PrivacyProps {
  readonly backbone: Backbone;
  /** The receiver queues Shopify's privacy webhooks here; the shops secret names each shop's duty team. */
  readonly ingest: Ingest;
  /** The ops API's authorizer. */
  readonly authorizer: IHttpRouteAuthorizer;
  /** Re-drives a quarantined privacy request back to this capability's queue. */
  readonly deadLetterDesk: DeadLetterDesk;
}

/**
 * Shopify's mandatory privacy webhooks (`customers/data_request`, `customers/redact`,
 * `shop/redact`): one consumer that exports or erases, and the ops routes of the exports.
 */
export class Privacy extends Construct {
  constructor(scope: Construct, id: string, { backbone, ingest, authorizer, deadLetterDesk }: PrivacyProps) {
    super(scope, id);
    // An erasure reads the whole state table: minutes, not seconds, on a large shop.
    const timeout = Duration.minutes(15);
    const requests = new WorkQueue(this, 'RequestQueue', { visibilityTimeout: Duration.minutes(16), maxReceiveCount: 5 });
    ingest.receiver.fn.addEnvironment('PRIVACY_QUEUE_URL', requests.queue.queueUrl);
    requests.queue.grantSendMessages(ingest.receiver.fn);
    deadLetterDesk.redrivePrivacyRequestsTo(requests);

    const tables = { STATE_TABLE_NAME: backbone.stateTable.tableName, JOURNAL_TABLE_NAME: backbone.journalTable.tableName };
    const consumer = backbone.newFunction(this, 'Requests', {
      entry: 'functions/privacy/requests.ts',
      service: 'privacy',
      description: 'Exports or erases a customer’s data, or erases a shop, on Shopify’s privacy webhooks',
      timeout,
      memorySize: 1024,
      environment: { ...tables, SHOPS_SECRET_ARN: ingest.shopsSecret.secretArn },
    });
    backbone.grantState(consumer, 'readWrite');
    backbone.journalTable.grantReadWriteData(consumer.fn);
    ingest.shopsSecret.grantRead(consumer.fn);
    // One request at a time per poller: each scans the tables.
    backbone.consumeQueue(requests, consumer, 1);

    const exports = backbone.newFunction(this, 'Exports', {
      entry: 'functions/privacy/exports.ts',
      service: 'privacy',
      description: 'Ops API: customer data exports (supervisors)',
      timeout: Duration.seconds(10),
      environment: tables,
    });
    backbone.grantState(exports, 'read');
    for (const route of [listPrivacyExports, getPrivacyExport]) backbone.addAuthorizedRoute(route, exports.fn, authorizer);
  }
}
