import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createApiClient } from '#shared/api/client.ts';
import { ApiProblem, authorize, callerOf, claimList, parseRequest, problemResponse, roleAllows } from '#shared/api/validate.ts';
import { getOrder, listOrders, redriveDeadLetter } from '#shared/api/routes.ts';

function event(overrides: Partial<APIGatewayProxyEventV2> & { claims?: Record<string, unknown> } = {}): APIGatewayProxyEventV2 {
  const { claims, ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: 'GET /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1', ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}) } as APIGatewayProxyEventV2['requestContext'],
    ...rest,
  };
}

function problemOf(run: () => unknown): ApiProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem) return error;
    throw error;
  }
  throw new Error('expected an ApiProblem');
}

describe('parseRequest', () => {
  it('parses and types the query, applying defaults', () => {
    const request = parseRequest(listOrders, event({ queryStringParameters: { shopId: 'acme', limit: '10', status: 'open' } }));
    expect(request.query).toEqual({ shopId: 'acme', limit: 10, status: 'open', sort: '-createdAt' });
    const limit: number = request.query.limit;
    expect(limit).toBe(10);
    expect(parseRequest(listOrders, event({ queryStringParameters: { shopId: 'acme' } })).query.limit).toBe(25);
  });

  it('names each bad field', () => {
    const problem = problemOf(() => parseRequest(listOrders, event({ queryStringParameters: { limit: '500', from: 'yesterday' } })));
    expect(problem.status).toBe(400);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['query.from', 'query.limit', 'query.shopId']);
    expect(problem.errors?.find((error) => error.path === 'query.shopId')?.message).toBe('is required');
    expect(problem.errors?.find((error) => error.path === 'query.limit')?.message).toMatch(/100/);
    expect(problem.detail).toContain('query.limit');
  });

  it('checks path parameters and bodies', () => {
    expect(parseRequest(getOrder, event({ pathParameters: { orderId: '1001' }, queryStringParameters: { shopId: 'acme' } })).params).toEqual({ orderId: '1001' });
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const ok = parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: json, body: '{"reason":"  fixed the mapping "}' }));
    expect(ok.body).toEqual({ reason: 'fixed the mapping' });
    const short = problemOf(() => parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: json, body: '{"reason":"x"}' })));
    expect(short.errors).toEqual([{ path: 'body.reason', message: expect.stringMatching(/3/) }]);
    const missing = problemOf(() => parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: json })));
    expect(missing.errors).toEqual([{ path: 'body', message: 'is required' }]);
    const malformed = problemOf(() => parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: json, body: '{' })));
    expect(malformed.status).toBe(400);
    expect(malformed.errors?.[0]?.path).toBe('body');
  });

  it('answers 415 for a body that is not JSON and 413 for one too large', () => {
    const form = problemOf(() => parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: { 'Content-Type': 'text/plain' }, body: 'reason=x' })));
    expect(form.status).toBe(415);
    const large = problemOf(() => parseRequest(redriveDeadLetter, event({ pathParameters: { deadLetterId: 'd1' }, headers: { 'content-type': 'application/json' }, body: 'x'.repeat(300_000) })));
    expect(large.status).toBe(413);
  });
});

describe('problemResponse', () => {
  it('answers an ApiProblem as problem details with the field errors', () => {
    const response = problemResponse(new ApiProblem(400, 'bad', [{ path: 'query.limit', message: 'too big' }]), 'req-1', '/ops/orders');
    expect(response).toMatchObject({ statusCode: 400, headers: { 'content-type': 'application/problem+json' } });
    expect(JSON.parse((response as { body: string }).body)).toEqual({
      type: 'about:blank', title: 'Bad Request', status: 400, detail: 'bad', requestId: 'req-1', instance: '/ops/orders', errors: [{ path: 'query.limit', message: 'too big' }],
    });
  });

  it('answers anything else as a 500 that leaks nothing', () => {
    const response = problemResponse(new Error('password=hunter2 at db.internal'), 'req-2') as { statusCode: number; body: string };
    expect(response.statusCode).toBe(500);
    expect(response.body).not.toContain('hunter2');
    expect(JSON.parse(response.body)).toMatchObject({ status: 500, title: 'Internal Server Error', requestId: 'req-2' });
  });
});

describe('roles and callers', () => {
  it('orders roles viewer < agent < supervisor < admin', () => {
    expect(roleAllows('viewer', 'viewer')).toBe(true);
    expect(roleAllows('viewer', 'agent')).toBe(false);
    expect(roleAllows('admin', 'supervisor')).toBe(true);
    expect(roleAllows('agent', 'supervisor')).toBe(false);
    expect(roleAllows(undefined, 'viewer')).toBe(false);
  });

  it('reads cognito:groups in every form API Gateway passes it', () => {
    expect(claimList('[viewer agent]')).toEqual(['viewer', 'agent']);
    expect(claimList('supervisor')).toEqual(['supervisor']);
    expect(claimList(['admin'])).toEqual(['admin']);
    expect(claimList('["viewer","agent"]')).toEqual(['viewer', 'agent']);
    expect(claimList(undefined)).toEqual([]);
    expect(callerOf(event({ claims: { sub: 'u1', email: 'a@example.com', 'cognito:groups': '[viewer supervisor agent]' } }))).toEqual({ sub: 'u1', email: 'a@example.com', role: 'supervisor' });
    expect(callerOf(event({ claims: { sub: 'u1', 'cognito:groups': 'agent', 'custom:shopIds': 'acme,globex' } }))).toEqual({ sub: 'u1', role: 'agent', shopIds: ['acme', 'globex'] });
    expect(callerOf(event({ claims: { sub: 'u1', 'cognito:groups': ['admin', 'other'] } }))?.role).toBe('admin');
  });

  it('finds no caller without claims, a sub or an ops group', () => {
    expect(callerOf(event())).toBeUndefined();
    expect(callerOf(event({ claims: { 'cognito:groups': 'admin' } }))).toBeUndefined();
    expect(callerOf(event({ claims: { sub: 'u1', 'cognito:groups': '[customers]' } }))).toBeUndefined();
  });

  it('authorizes ops routes: 401 without a token, 403 below the required role', () => {
    expect(problemOf(() => authorize(redriveDeadLetter.access, event())).status).toBe(401);
    expect(problemOf(() => authorize(redriveDeadLetter.access, event({ claims: { sub: 'u1', 'cognito:groups': 'viewer' } }))).status).toBe(403);
    expect(problemOf(() => authorize(redriveDeadLetter.access, event({ claims: { sub: 'u1' } }))).status).toBe(403);
    expect(authorize(redriveDeadLetter.access, event({ claims: { sub: 'u1', 'cognito:groups': '[agent]' } }))?.role).toBe('agent');
  });
});

describe('typed client', () => {
  it('calls the routes with their parameters and the bearer token', async () => {
    const requests: Request[] = [];
    const fetch = async (input: Request) => {
      requests.push(input);
      return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:3000', token: () => 'jwt-1', fetch: fetch as typeof globalThis.fetch });
    const { data } = await api.GET('/ops/orders', { params: { query: { shopId: 'acme', limit: 5 } } });
    expect(data?.items).toEqual([]);
    expect(requests[0]?.url).toBe('http://127.0.0.1:3000/ops/orders?shopId=acme&limit=5');
    expect(requests[0]?.headers.get('authorization')).toBe('Bearer jwt-1');
  });
});
