// Counting proxies the functions reach DynamoDB Local and the SES sink through (their
// AWS_ENDPOINT_URL_* point here): each request is forwarded unchanged except that DynamoDB is asked
// for ConsumedCapacity, and each exchange is reported to LocalUsage. The stack's own clients and
// tests keep the direct endpoints, so only the system's own work is counted.
import http from 'node:http';
import { gunzipSync } from 'node:zlib';
import { readBody } from '../activity.ts';
import type { FaultPlan } from '../faults/plan.ts';
import { isDynamoDataOperation, sesRecipients, type LocalUsage } from './counters.ts';

interface Exchange {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

interface ProxyBehaviour {
  /** The body to forward instead of the request's own. */
  rewrite?(request: Exchange): Buffer | undefined;
  observe(request: Exchange, status: number, response: Buffer): void;
  /** A fault to inject (local fault plan): answer instead of forwarding, forward and lose the answer, or hang. */
  inject?(request: Exchange): InjectedFault | undefined;
}

type InjectedFault =
  | { when: 'instead' | 'after'; status: number; body: unknown }
  /** Never answers; the connection is dropped after `ms` (the client's own timeout should fire first). */
  | { when: 'hang'; ms: number };

function sendFault(res: http.ServerResponse, fault: { status: number; body: unknown }): void {
  if (res.headersSent) return;
  const body = JSON.stringify(fault.body);
  res.writeHead(fault.status, { 'content-type': 'application/x-amz-json-1.0', 'content-length': String(Buffer.byteLength(body)), 'x-amzn-requestid': 'local-fault' });
  res.end(body);
}

function parseJson(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8'));
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function startCountingProxy(target: string, behaviour: ProxyBehaviour): Promise<{ url: string; stop(): Promise<void> }> {
  const upstream = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const server = http.createServer(async (req, res) => {
    try {
      const request: Exchange = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body: await readBody(req) };
      const fault = behaviour.inject?.(request);
      if (fault?.when === 'instead') return sendFault(res, fault);
      if (fault?.when === 'hang') {
        const timer = setTimeout(() => res.destroy(), fault.ms);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      const body = behaviour.rewrite?.(request) ?? request.body;
      // The body is forwarded whole: hop-by-hop framing headers must not contradict its length.
      const { 'transfer-encoding': _framing, connection: _connection, expect: _expect, ...endToEnd } = req.headers;
      const headers = { ...endToEnd, host: upstream.host, 'content-length': String(body.length) };
      const forwarded = http.request({ host: upstream.hostname, port: upstream.port, method: request.method, path: request.path, headers, agent }, (upstreamRes) => {
        const chunks: Buffer[] = [];
        upstreamRes.on('data', (chunk: Buffer) => chunks.push(chunk));
        upstreamRes.on('end', () => {
          const raw = Buffer.concat(chunks);
          const { 'transfer-encoding': _chunked, connection: _kept, ...responseHeaders } = upstreamRes.headers;
          // Applied upstream, but the caller is told it failed: what a retry must cope with.
          if (fault?.when === 'after') sendFault(res, fault);
          else res.writeHead(upstreamRes.statusCode ?? 502, { ...responseHeaders, 'content-length': String(raw.length) });
          if (fault?.when !== 'after') res.end(raw);
          try {
            const plain = upstreamRes.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
            behaviour.observe(request, upstreamRes.statusCode ?? 502, plain);
          } catch {
            // Counting must never break the exchange it observes.
          }
        });
      });
      forwarded.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `Upstream ${target} failed: ${error.message}` }));
      });
      forwarded.end(body);
    } catch (error) {
      if (!res.headersSent) res.writeHead((error as { statusCode?: number }).statusCode ?? 500);
      res.end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as import('node:net').AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        stop: () => new Promise((done) => { agent.destroy(); server.closeAllConnections(); server.close(() => done()); }),
      });
    });
  });
}

const dynamoOperation = (headers: http.IncomingHttpHeaders) => String(headers['x-amz-target'] ?? '').split('.').pop() ?? '';

/** In front of DynamoDB Local: asks every data request for its total ConsumedCapacity (DynamoDB Local does not check signatures). */
export function dynamoDbUsageProxy(target: string, usage: LocalUsage, faults?: FaultPlan) {
  return startCountingProxy(target, {
    inject(request) {
      if (!faults || !isDynamoDataOperation(dynamoOperation(request.headers))) return undefined;
      const kind = faults.pick('dynamodb');
      if (!kind) return undefined;
      faults.count(kind);
      if (kind === 'dynamodb-throttle') {
        return { when: 'instead', status: 400, body: { __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException', message: 'Injected fault: the level of configured provisioned throughput for the table was exceeded' } };
      }
      const body = { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: `Injected fault: internal server error${kind === 'dynamodb-lost-answer' ? ' (the request was applied)' : ''}` };
      return { when: kind === 'dynamodb-lost-answer' ? 'after' : 'instead', status: 500, body };
    },
    rewrite(request) {
      const operation = dynamoOperation(request.headers);
      if (!isDynamoDataOperation(operation)) return undefined;
      const input = parseJson(request.body);
      if (!input || input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') return undefined;
      return Buffer.from(JSON.stringify({ ...input, ReturnConsumedCapacity: 'TOTAL' }));
    },
    observe(request, status, response) {
      usage.dynamodbRequest(dynamoOperation(request.headers), status, parseJson(response));
    },
  });
}

/** In front of the SES sink: SendEmail (per recipient) and SendBulkEmail (per entry). */
export function sesUsageProxy(target: string, usage: LocalUsage, faults?: FaultPlan) {
  return startCountingProxy(target, {
    inject(request) {
      if (!faults || request.method !== 'POST' || !request.path.startsWith('/v2/email/outbound-')) return undefined;
      const kind = faults.pick('ses');
      if (!kind) return undefined;
      faults.count(kind);
      if (kind === 'ses-timeout') return { when: 'hang', ms: 60_000 };
      return { when: 'instead', status: 503, body: { __type: 'ServiceUnavailable', message: 'Injected fault: service unavailable' } };
    },
    observe(request, status, _response) {
      if (request.method !== 'POST' || status >= 300) return;
      const pathname = request.path.split('?')[0];
      if (pathname === '/v2/email/outbound-emails') usage.emailSent(sesRecipients(parseJson(request.body)));
      else if (pathname === '/v2/email/outbound-bulk-emails') usage.emailSent(((parseJson(request.body)?.BulkEmailEntries as unknown[] | undefined) ?? []).length);
    },
  });
}
