// API Gateway HTTP API (payload format 2.0) in front of the template's routes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readBody } from '../activity.ts';
import { authorizeRequest, type JwtAuthorizerContext, type TokenVerifier } from '../auth/authorizer.ts';
import { throttledErrorType, type LambdaRuntime } from '../lambda/runtime.ts';
import type { LocalAuthorizer, LocalRoute } from '../template/model.ts';

interface CompiledRoute {
  route: LocalRoute;
  regex: RegExp;
  params: string[];
  /** More literal characters win, as API Gateway prefers the most specific route. */
  specificity: number;
}

function compile(route: LocalRoute): CompiledRoute {
  const params: string[] = [];
  if (route.path === '$default') return { route, regex: /^.*$/, params, specificity: -1 };
  const pattern = route.path
    .split('/')
    .map((segment) => {
      const greedy = segment.match(/^\{(.+)\+\}$/);
      if (greedy) {
        params.push(greedy[1]!);
        return '(.+)';
      }
      const param = segment.match(/^\{(.+)\}$/);
      if (param) {
        params.push(param[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, regex: new RegExp(`^${pattern}$`), params, specificity: route.path.replace(/\{[^}]+\}/g, '').length };
}

/**
 * A path parameter decoded; a malformed percent-encoding (`%zz`, a cut-off UTF-8 sequence) is
 * passed on as sent, so the function refuses it as an unknown id rather than the stand-in failing
 * the request with a 500.
 */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export interface MatchedRoute {
  route: LocalRoute;
  pathParameters: Record<string, string>;
}

export class RouteTable {
  private readonly routes: CompiledRoute[];

  constructor(routes: LocalRoute[]) {
    this.routes = routes.map(compile).sort((a, b) => b.specificity - a.specificity);
  }

  match(method: string, path: string): MatchedRoute | undefined {
    for (const candidate of this.routes) {
      if (candidate.route.method !== 'ANY' && candidate.route.method !== method) continue;
      const found = candidate.regex.exec(path);
      if (!found) continue;
      const pathParameters = Object.fromEntries(candidate.params.map((name, i) => [name, decodeSegment(found[i + 1]!)]));
      return { route: candidate.route, pathParameters };
    }
    return undefined;
  }
}

function toEvent(
  req: IncomingMessage, url: URL, body: Buffer, matched: MatchedRoute, now: Date, authorizer?: JwtAuthorizerContext, stage = '$default',
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') cookies.push(...String(value).split(/;\s*/));
    else headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  const queryStringParameters: Record<string, string> = {};
  for (const [name, value] of url.searchParams) queryStringParameters[name] = name in queryStringParameters ? `${queryStringParameters[name]},${value}` : value;
  const contentType = headers['content-type'] ?? '';
  const isText = body.length === 0 || /^(text\/|application\/(json|x-www-form-urlencoded|xml|.*\+json))/.test(contentType);
  return {
    version: '2.0',
    routeKey: matched.route.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    cookies: cookies.length ? cookies : undefined,
    headers,
    queryStringParameters: url.search ? queryStringParameters : undefined,
    pathParameters: Object.keys(matched.pathParameters).length ? matched.pathParameters : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: req.method!,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: matched.route.routeKey,
      stage,
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      // What a JWT authorizer passes: `requestContext.authorizer.jwt.{claims, scopes}`.
      ...(authorizer ? { authorizer } : {}),
    },
    body: body.length ? (isText ? body.toString('utf8') : body.toString('base64')) : undefined,
    isBase64Encoded: body.length > 0 && !isText,
  };
}

/** Maps a handler's result the way API Gateway does for payload format 2.0. */
function writeResult(res: ServerResponse, result: unknown, requestId: string): void {
  const structured = result && typeof result === 'object' && 'statusCode' in result;
  if (!structured) {
    // A plain value is returned as a JSON 200.
    res.writeHead(200, { 'content-type': 'application/json', 'apigw-requestid': requestId });
    res.end(typeof result === 'string' ? result : JSON.stringify(result ?? null));
    return;
  }
  const response = result as { statusCode: number; headers?: Record<string, string>; cookies?: string[]; body?: string; isBase64Encoded?: boolean };
  const headers: Record<string, string | string[]> = { 'apigw-requestid': requestId, ...response.headers };
  if (response.cookies?.length) headers['set-cookie'] = response.cookies;
  res.writeHead(response.statusCode, headers);
  res.end(response.body ? Buffer.from(response.body, response.isBase64Encoded ? 'base64' : 'utf8') : undefined);
}

export interface ApiGatewayDeps {
  routes: RouteTable;
  runtime: Pick<LambdaRuntime, 'invoke'>;
  now(): Date;
  /** The template's authorizers; routes with a `JWT` one need `verifier`. */
  authorizers?: LocalAuthorizer[];
  /** Checks bearer tokens for JWT authorizers: the local issuer, whatever issuer the template names. */
  verifier?: TokenVerifier;
  /**
   * How long a request waits for one of its function's execution environments before it is
   * refused with 429 and Retry-After (default 1000 ms), as a throttled function is in AWS: an
   * overloaded stack says so at once instead of queueing requests until their callers time out.
   */
  throttleAfterMs?: number;
}

/** Seconds a throttled caller is asked to wait: long enough for the queue ahead to move. */
export const throttledRetryAfterSeconds = 1;

const noVerifier: TokenVerifier = { verify: () => ({ ok: false, reason: 'no local issuer is configured' }) };

export function apiGatewayHandler(deps: ApiGatewayDeps) {
  const authorizers = new Map((deps.authorizers ?? []).map((authorizer) => [authorizer.logicalId, authorizer]));
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
    const matched = deps.routes.match(req.method ?? 'GET', url.pathname);
    if (!matched) return false;
    // API Gateway authorizes before it reads the body or runs any function.
    const auth = authorizeRequest(matched.route, authorizers, deps.verifier ?? noVerifier, { headers: req.headers, url });
    if (!auth.ok) {
      req.resume();
      res.writeHead(auth.statusCode, { 'content-type': 'application/json', 'apigw-requestid': randomUUID(), ...auth.headers });
      res.end(JSON.stringify(auth.body));
      return true;
    }
    // API Gateway refuses payloads over 10 MB before any function runs.
    const body = await readBody(req, 10 * 1024 * 1024);
    const event = toEvent(req, url, body, matched, deps.now(), auth.authorizer);
    const result = await deps.runtime.invoke(matched.route.functionName, event, 'api', { throttleAfterMs: deps.throttleAfterMs ?? 1000 });
    if (!result.ok && result.error.errorType === throttledErrorType) {
      const { requestId } = event.requestContext;
      res.writeHead(429, { 'content-type': 'application/problem+json', 'retry-after': String(throttledRetryAfterSeconds), 'apigw-requestid': requestId });
      res.end(JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429, detail: `${result.error.errorMessage}; retry after ${throttledRetryAfterSeconds} s`, requestId }));
      return true;
    }
    if (!result.ok) {
      res.writeHead(500, { 'content-type': 'application/json', 'apigw-requestid': event.requestContext.requestId });
      res.end(JSON.stringify({ message: 'Internal Server Error' }));
      return true;
    }
    writeResult(res, result.result, event.requestContext.requestId);
    return true;
  };
}
