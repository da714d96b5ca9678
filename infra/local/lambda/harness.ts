// Runs inside a worker thread, one per warm execution environment: loads the bundled handler once,
// then serves invocations from the parent, like the Lambda runtime interface client.
import '../quiet-warnings.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { followClock } from '../clock.ts';

export interface HarnessData {
  modulePath: string;
  exportName: string;
  clockBuffer: SharedArrayBuffer;
}
export interface InvokeMessage {
  requestId: string;
  event: unknown;
  context: { functionName: string; functionVersion: string; invokedFunctionArn: string; memoryLimitInMB: string; logGroupName: string; logStreamName: string };
  timeoutMs: number;
  traceId: string;
}
/** Sent once the handler module is loaded (or failed to load): Lambda's init phase is over. */
export interface ReadyMessage {
  ready: true;
}
export type InvokeReply =
  | { requestId: string; ok: true; result: unknown }
  | { requestId: string; ok: false; error: { errorType: string; errorMessage: string; stack?: string } };

type Handler = (event: unknown, context: object, callback?: (error: unknown, result?: unknown) => void) => unknown;

const data = workerData as HarnessData;
followClock(data.clockBuffer);

const loaded: Promise<Handler> = import(pathToFileURL(data.modulePath).href).then((mod) => {
  const handler = mod[data.exportName];
  if (typeof handler !== 'function') throw new Error(`${data.modulePath} does not export a function named ${data.exportName}`);
  return handler as Handler;
});
// The init phase has its own time limit in Lambda: the runtime starts the invocation's timeout only now.
void loaded.then(
  () => parentPort!.postMessage({ ready: true } satisfies ReadyMessage),
  () => parentPort!.postMessage({ ready: true } satisfies ReadyMessage),
);

function call(handler: Handler, event: unknown, context: object): Promise<unknown> {
  // Callback-style handlers take three parameters; everything else returns a promise or value.
  if (handler.length >= 3) {
    return new Promise((resolve, reject) => {
      const maybe = handler(event, context, (error, result) => (error ? reject(error) : resolve(result)));
      if (maybe && typeof (maybe as Promise<unknown>).then === 'function') (maybe as Promise<unknown>).then(resolve, reject);
    });
  }
  return Promise.resolve(handler(event, context));
}

parentPort!.on('message', async (message: InvokeMessage) => {
  const startedAt = performance.now();
  process.env._X_AMZN_TRACE_ID = message.traceId;
  const context = {
    ...message.context,
    awsRequestId: message.requestId,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, Math.round(message.timeoutMs - (performance.now() - startedAt))),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
  let reply: InvokeReply;
  try {
    const handler = await loaded;
    reply = { requestId: message.requestId, ok: true, result: await call(handler, message.event, context) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    reply = { requestId: message.requestId, ok: false, error: { errorType: err.name, errorMessage: err.message, stack: err.stack } };
  }
  try {
    parentPort!.postMessage(reply);
  } catch {
    // A result that cannot be cloned is an error Lambda would report as well.
    parentPort!.postMessage({ requestId: message.requestId, ok: false, error: { errorType: 'Runtime.MarshalError', errorMessage: 'Unable to marshal the response' } });
  }
});
