// The AWS JSON protocol as the SDK speaks it: `POST /` with `X-Amz-Target: <Service>.<Operation>`,
// errors as `{ "__type": ..., "message": ... }` with a 4xx/5xx status.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../activity.ts';

export class AwsServiceError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly statusCode = 400,
  ) {
    super(message);
  }
}

export type AwsJsonOperation = (input: Record<string, any>) => Promise<unknown> | unknown;

export function awsJsonHandler(servicePrefix: string, contentType: string, operations: Record<string, AwsJsonOperation>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': crypto.randomUUID() });
      res.end(JSON.stringify(body));
    };
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const [prefix, operationName] = target.split('.');
      const operation = prefix === servicePrefix && operationName ? operations[operationName] : undefined;
      if (req.method !== 'POST' || !operation) {
        throw new AwsServiceError('UnknownOperationException', `The local stack does not implement ${target || `${req.method} ${req.url}`}`);
      }
      const raw = (await readBody(req)).toString('utf8');
      let input: Record<string, any>;
      try {
        input = raw ? JSON.parse(raw) : {};
      } catch {
        throw new AwsServiceError('SerializationException', 'The request body is not valid JSON');
      }
      send(200, (await operation(input)) ?? {});
    } catch (error) {
      if (error instanceof AwsServiceError) return send(error.statusCode, { __type: error.type, message: error.message });
      send(500, { __type: 'InternalException', message: (error as Error).message });
    }
  };
}
