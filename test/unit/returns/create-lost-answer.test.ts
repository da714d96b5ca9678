// A return created by a transaction that applied but whose answer was lost: the SDK retries it,
// the retry fails on its conditions, and the store must not call that a concurrent request (found
// by reading the code under the fault plan: the customer would be told 409 for a return that exists).
import { GetCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { ConcurrentReturnError, ReturnStore } from '../../../shared/adapters/return-store.ts';
import type { ReturnCase } from '../../../shared/returns/case.ts';

const returnCase = { id: 'ret_1', shopId: 'demo-shop', orderId: '1001', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z', customer: {} } as unknown as ReturnCase;

function table(stored: boolean) {
  return {
    async send(command: unknown) {
      if (command instanceof TransactWriteCommand) {
        throw Object.assign(new Error('Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed, ConditionalCheckFailed]'), { name: 'TransactionCanceledException' });
      }
      if (command instanceof GetCommand) return { Item: stored ? { case: returnCase } : undefined };
      throw new Error('unexpected command');
    },
  } as unknown as DynamoDBDocumentClient;
}

describe('creating a return case', () => {
  it('succeeds when its own write is already stored', async () => {
    await expect(new ReturnStore(table(true), 'state').create(returnCase, 0, [])).resolves.toBeUndefined();
  });

  it('reports a concurrent request when the case is not stored', async () => {
    await expect(new ReturnStore(table(false), 'state').create(returnCase, 0, [])).rejects.toThrow(ConcurrentReturnError);
  });
});
