// Persistent mode for the local SQS (fauxqs keeps queues in memory only): every accepted message is
// journaled before SendMessage answers, and every deletion after it happened, so the messages a hard
// kill interrupts (waiting, or in flight in a batch) are sent again when the stack starts. As in
// SQS, delivery is at least once: a message handled but not yet deleted comes back.
import { SendMessageCommand, type MessageAttributeValue, type SQSClient } from '@aws-sdk/client-sqs';
import { Journal } from '../journal.ts';
import type { LocalQueue } from '../template/model.ts';

interface SentMessage {
  sent: string;
  queue: string;
  body: string;
  attributes?: Record<string, MessageAttributeValue>;
  groupId?: string;
  deduplicationId?: string;
}

type SqsJournalEntry = SentMessage | { deleted: string } | { purged: string };

type Json = Record<string, any>;

const queueName = (url: unknown) => String(url ?? '').split('/').pop() ?? '';

export class SqsJournal {
  private readonly journal: Journal<SqsJournalEntry>;
  /** Messages accepted and not deleted, by MessageId. */
  private readonly live = new Map<string, SentMessage>();
  /** Receipt handle → MessageId: deletions name handles, the journal names messages. */
  private readonly handles = new Map<string, string>();
  private appended = 0;

  constructor(file: string | undefined) {
    this.journal = new Journal(file);
  }

  /** Sees each SQS request with its response (fauxqs' onSend hook, before the answer leaves). */
  observe(action: string, request: Json | undefined, response: Json | undefined, ok: boolean): void {
    if (!this.journal.enabled || !ok || !request) return;
    switch (action) {
      case 'SendMessage':
        if (response?.MessageId) this.sent(request, response.MessageId, request.QueueUrl);
        break;
      case 'SendMessageBatch': {
        const ids = new Map<string, string>((response?.Successful ?? []).map((entry: Json) => [entry.Id, entry.MessageId]));
        for (const entry of request.Entries ?? []) if (ids.has(entry.Id)) this.sent(entry, ids.get(entry.Id)!, request.QueueUrl);
        break;
      }
      case 'ReceiveMessage':
        for (const message of response?.Messages ?? []) this.handles.set(message.ReceiptHandle, message.MessageId);
        break;
      case 'DeleteMessage':
        this.deleted(request.ReceiptHandle);
        break;
      case 'DeleteMessageBatch': {
        const done = new Set((response?.Successful ?? []).map((entry: Json) => entry.Id));
        for (const entry of request.Entries ?? []) if (done.has(entry.Id)) this.deleted(entry.ReceiptHandle);
        break;
      }
      case 'PurgeQueue': {
        const queue = queueName(request.QueueUrl);
        for (const [id, message] of this.live) if (message.queue === queue) this.live.delete(id);
        this.write({ purged: queue });
        break;
      }
    }
  }

  /**
   * Sends again every message a previous run accepted and did not delete (call once the queues
   * exist, before anything polls them), then starts a fresh journal from what is live.
   */
  async restore(client: SQSClient, queues: LocalQueue[]): Promise<number> {
    const previous = this.journal.read();
    if (previous.length === 0) return 0;
    const pending = new Map<string, SentMessage>();
    for (const entry of previous) {
      if ('sent' in entry) pending.set(entry.sent, entry);
      else if ('deleted' in entry) pending.delete(entry.deleted);
      else for (const [id, message] of pending) if (message.queue === entry.purged) pending.delete(id);
    }
    const urls = new Map(queues.map((queue) => [queue.name, queue.url]));
    // Sent through the local SQS, so each is journaled again under its new MessageId.
    for (const message of pending.values()) {
      const url = urls.get(message.queue);
      if (!url) continue;
      await client.send(
        new SendMessageCommand({ QueueUrl: url, MessageBody: message.body, MessageAttributes: message.attributes, MessageGroupId: message.groupId, MessageDeduplicationId: message.deduplicationId }),
      );
    }
    this.compact();
    return pending.size;
  }

  private sent(entry: Json, messageId: string, queueUrl: unknown): void {
    const message: SentMessage = {
      sent: messageId,
      queue: queueName(queueUrl),
      body: String(entry.MessageBody ?? ''),
      ...(entry.MessageAttributes && Object.keys(entry.MessageAttributes).length ? { attributes: entry.MessageAttributes } : {}),
      ...(entry.MessageGroupId ? { groupId: entry.MessageGroupId } : {}),
      ...(entry.MessageDeduplicationId ? { deduplicationId: entry.MessageDeduplicationId } : {}),
    };
    this.live.set(messageId, message);
    this.write(message);
  }

  private deleted(receiptHandle: string | undefined): void {
    const id = receiptHandle ? this.handles.get(receiptHandle) : undefined;
    if (!id) return;
    this.handles.delete(receiptHandle!);
    if (this.live.delete(id)) this.write({ deleted: id });
  }

  private write(entry: SqsJournalEntry): void {
    this.journal.append(entry);
    // Keeps the file about the size of what is live, not of everything ever sent.
    if (++this.appended > 2 * this.live.size + 1000) this.compact();
  }

  private compact(): void {
    this.journal.rewrite([...this.live.values()]);
    this.appended = this.live.size;
  }
}
