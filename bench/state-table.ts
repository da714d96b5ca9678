// The local stack's state table, read directly by the suites that check what the receiver stored.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { LocalStack } from '../infra/local/stack.ts';

/** The state table's name and a client for DynamoDB Local; `destroy()` the client when done. */
export function stateTable(stack: LocalStack): { name: string; client: DynamoDBClient } {
  const table = stack.model.tables.find((candidate) => candidate.logicalId.startsWith('BackboneStateTable'));
  if (!table) throw new Error('The template has no BackboneStateTable');
  const client = new DynamoDBClient({ endpoint: stack.endpoints.dynamodb, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  return { name: table.name, client };
}
