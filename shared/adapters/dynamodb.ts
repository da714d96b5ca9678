import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

let documentClient: DynamoDBDocumentClient | undefined;

/** One document client per execution environment; endpoints come from the SDK's standard settings. */
export function dynamoDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** Whether a write failed on its condition (alone, or as part of a cancelled transaction). */
export function isConditionFailure(error: unknown): boolean {
  const { name, message } = error as Error;
  return name === 'ConditionalCheckFailedException' || (name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(message));
}
