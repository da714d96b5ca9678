// SQS through fauxqs, bound to 127.0.0.1, with the template's queues and redrive policies.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateQueueCommand, SQSClient, type QueueAttributeName } from '@aws-sdk/client-sqs';
import type { LocalQueue } from '../template/model.ts';
import type { SqsJournal } from './sqs-journal.ts';

export interface SqsLocal {
  url: string;
  client: SQSClient;
  stop(): Promise<void>;
}

export const localAccountId = '000000000000';

/** The URL fauxqs gives a queue when requests reach it at 127.0.0.1:port. */
export function localQueueUrl(port: number, name: string): string {
  return `http://127.0.0.1:${port}/${localAccountId}/${name}`;
}

export async function startSqsLocal(options: {
  port: number;
  projectRoot: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Sees every SQS JSON-protocol request and its response (usage counting). */
  observe?(action: string, request: Record<string, unknown> | undefined, response: Record<string, unknown> | undefined): void;
  /** Persistent mode: journals accepted and deleted messages before SQS answers (see SqsJournal). */
  journal?: SqsJournal;
}): Promise<SqsLocal> {
  const dist = path.join(options.projectRoot, 'node_modules', 'fauxqs', 'dist');
  const { buildApp } = await import(pathToFileURL(path.join(dist, 'app.js')).href);
  // fauxqs names queues `sqs.<region>.localhost`, which does not resolve everywhere. A store with
  // no host builds queue URLs from the request's Host header instead: 127.0.0.1:<port>.
  const { SqsStore } = await import(pathToFileURL(path.join(dist, 'sqs', 'sqsStore.js')).href);
  const sqsStore = new SqsStore();
  sqsStore.host = '';
  const app = buildApp({ logger: false, defaultRegion: options.region, stores: { sqsStore } });
  if (options.observe || options.journal) {
    const observe = (action: string, request: Record<string, unknown> | undefined, response: Record<string, unknown> | undefined, ok: boolean) => {
      options.observe?.(action, request, response);
      options.journal?.observe(action, request, response, ok);
    };
    app.addHook('onSend', (request: { headers: Record<string, unknown>; body: unknown }, reply: { statusCode: number }, payload: unknown, done: () => void) => {
      const target = String(request.headers['x-amz-target'] ?? '');
      if (target.startsWith('AmazonSQS.')) {
        let response: Record<string, unknown> | undefined;
        try {
          response = typeof payload === 'string' && payload ? JSON.parse(payload) : undefined;
        } catch {
          response = undefined;
        }
        observe(target.slice('AmazonSQS.'.length), request.body as Record<string, unknown> | undefined, response, reply.statusCode < 300);
      }
      done();
    });
  }
  await app.listen({ port: options.port, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${options.port}`;
  // Every mapped queue's poller holds two long polls open (45 queues here): with the SDK's default 50
  // sockets, sends, deletes and settle's checks queued behind them for up to a second each.
  const client = new SQSClient({ endpoint: url, region: options.region, credentials: options.credentials, requestHandler: { httpAgent: new http.Agent({ keepAlive: true, maxSockets: 1024 }) } });
  return { url, client, stop: () => app.close() };
}

/** Creates the queues, dead-letter queues first so redrive policies can name them. */
export async function ensureQueues(client: SQSClient, queues: LocalQueue[]): Promise<void> {
  const ordered = [...queues].sort((a, b) => Number(Boolean(a.redrive)) - Number(Boolean(b.redrive)));
  for (const queue of ordered) {
    const attributes: Partial<Record<QueueAttributeName, string>> = {
      VisibilityTimeout: String(queue.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(queue.retentionSeconds),
    };
    if (queue.fifo) attributes.FifoQueue = 'true';
    if (queue.redrive) attributes.RedrivePolicy = JSON.stringify(queue.redrive);
    await client.send(new CreateQueueCommand({ QueueName: queue.name, Attributes: attributes }));
  }
}
