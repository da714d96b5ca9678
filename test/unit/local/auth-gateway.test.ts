// The local gateway enforces a route's JWT authorizer the way API Gateway does, against the local
// issuer, and hands the handler the claims as API Gateway would. The template is synthetic, shaped
// like CDK's HttpJwtAuthorizer on a Cognito user pool.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiGatewayHandler, RouteTable } from '../../../infra/local/api/gateway.ts';
import { authorizeRequest, parseListClaim, stringifyClaim } from '../../../infra/local/auth/authorizer.ts';
import { LocalIssuer } from '../../../infra/local/auth/issuer.ts';
import { LOCAL_CLIENT_ID } from '../../../infra/local/auth/jwt.ts';
import { buildLocalModel, type CfnTemplate } from '../../../infra/local/template/model.ts';

const fn = (name: string) => ({ Type: 'AWS::Lambda::Function', Properties: { FunctionName: name, Handler: 'index.handler' }, Metadata: { 'aws:asset:path': `asset.${name}` } });
const integration = (fnId: string) => ({ Type: 'AWS::ApiGatewayV2::Integration', Properties: { ApiId: { Ref: 'Api' }, IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [fnId, 'Arn'] } } });
const route = (routeKey: string, integrationId: string, auth: Record<string, unknown> = { AuthorizationType: 'NONE' }) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: { ApiId: { Ref: 'Api' }, RouteKey: routeKey, Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] }, ...auth },
});
const jwt = (scopes?: string[]) => ({ AuthorizationType: 'JWT', AuthorizerId: { Ref: 'OpsAuthorizer' }, ...(scopes ? { AuthorizationScopes: scopes } : {}) });

const template: CfnTemplate = {
  Resources: {
    Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Name: 'api', ProtocolType: 'HTTP' } },
    Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
    PoolClient: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } },
    OpsAuthorizer: {
      Type: 'AWS::ApiGatewayV2::Authorizer',
      Properties: {
        ApiId: { Ref: 'Api' },
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        Name: 'OpsAuthorizer',
        JwtConfiguration: {
          Audience: [{ Ref: 'PoolClient' }, 'another-client'],
          Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'Pool' }]] },
        },
      },
    },
    Cases: fn('cases'),
    Public: fn('public'),
    CasesIntegration: integration('Cases'),
    PublicIntegration: integration('Public'),
    ListCases: route('GET /cases', 'CasesIntegration', jwt()),
    Refund: route('POST /cases/{caseId}/refund', 'CasesIntegration', jwt(['aftersales/refunds', 'aftersales/admin'])),
    Health: route('GET /public', 'PublicIntegration'),
  },
};
const model = buildLocalModel(template, {
  stackName: 'App', region: 'eu-west-1', accountId: '000000000000', assemblyDir: '/assembly', queueUrl: (name) => name, apiUrl: 'http://127.0.0.1:3000',
});

describe('the model of JWT authorizers', () => {
  it('reads the authorizer, mapping a Cognito client audience to the local client id', () => {
    expect(model.authorizers).toEqual([{
      logicalId: 'OpsAuthorizer',
      name: 'OpsAuthorizer',
      type: 'JWT',
      identitySource: ['$request.header.Authorization'],
      audience: [LOCAL_CLIENT_ID, 'another-client'],
      templateIssuer: 'https://cognito-idp.eu-west-1.amazonaws.com/Pool',
    }]);
  });

  it("reads each route's authorization", () => {
    const byKey = Object.fromEntries(model.routes.map((r) => [r.routeKey, r]));
    expect(byKey['GET /cases']).toMatchObject({ authorizationType: 'JWT', authorizerId: 'OpsAuthorizer', authorizationScopes: undefined, functionName: 'cases' });
    expect(byKey['POST /cases/{caseId}/refund']).toMatchObject({ authorizerId: 'OpsAuthorizer', authorizationScopes: ['aftersales/refunds', 'aftersales/admin'] });
    expect(byKey['GET /public']).toMatchObject({ authorizationType: 'NONE', authorizerId: undefined });
  });
});

describe('claims as API Gateway passes them', () => {
  it('are strings, with arrays in [a b] form', () => {
    expect(stringifyClaim(['viewer', 'agent'])).toBe('[viewer agent]');
    expect(stringifyClaim(1767225600)).toBe('1767225600');
    expect(stringifyClaim(true)).toBe('true');
    expect(stringifyClaim({ b: 1, a: ['x'] })).toBe('map[a:[x] b:1]');
    expect(parseListClaim('[viewer agent]')).toEqual(['viewer', 'agent']);
    expect(parseListClaim(undefined)).toEqual([]);
  });
});

describe('the local gateway with a JWT authorizer', () => {
  let now = new Date('2026-03-01T12:00:00Z');
  const issuer = new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', now: () => now });
  const invoked: { name: string; event: any }[] = [];
  const runtime = {
    invoke: async (name: string, event: unknown) => {
      invoked.push({ name, event });
      return { ok: true as const, requestId: 'r', result: { statusCode: 200, body: 'ok' } };
    },
  };
  const handle = apiGatewayHandler({ routes: new RouteTable(model.routes), runtime, now: () => now, authorizers: model.authorizers, verifier: issuer });
  const server = http.createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? '/', 'http://127.0.0.1')).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  let base = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (path: string, authorization?: string, method = 'GET') => {
    invoked.length = 0;
    const response = await fetch(`${base}${path}`, { method, headers: authorization === undefined ? {} : { authorization } });
    return { status: response.status, challenge: response.headers.get('www-authenticate'), body: await response.text() };
  };
  const expectRefused = (result: Awaited<ReturnType<typeof call>>, challenge: RegExp) => {
    expect(result.status).toBe(401);
    expect(JSON.parse(result.body)).toEqual({ message: 'Unauthorized' });
    expect(result.challenge).toMatch(challenge);
    expect(invoked).toEqual([]);
  };

  it('refuses a request without a token, and lets routes without an authorizer through', async () => {
    expectRefused(await call('/cases'), /^Bearer$/);
    expectRefused(await call('/cases', ''), /^Bearer$/);
    expect((await call('/public')).status).toBe(200);
  });

  it('passes the claims and the caller role to the handler, with Bearer in any case or none', async () => {
    const { token } = issuer.issue({ role: 'supervisor', email: 'sam@shop.example', shopIds: ['demo-shopify', 'demo-generic'] });
    for (const authorization of [`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`, token]) {
      expect((await call('/cases', authorization)).status, authorization.slice(0, 8)).toBe(200);
      const { claims, scopes } = invoked[0]!.event.requestContext.authorizer.jwt;
      expect(claims).toMatchObject({ 'cognito:groups': '[supervisor]', email: 'sam@shop.example', 'custom:shopIds': 'demo-shopify,demo-generic', client_id: LOCAL_CLIENT_ID, token_use: 'access' });
      expect(claims.exp).toBe(String(now.getTime() / 1000 + 3600));
      expect(scopes).toBeNull();
      expect(parseListClaim(claims['cognito:groups'])).toEqual(['supervisor']);
    }
  });

  it('refuses an expired token', async () => {
    const { token } = issuer.issue({ role: 'viewer', expiresIn: 60 });
    const issuedAt = now;
    now = new Date(issuedAt.getTime() + 61_000);
    try {
      expectRefused(await call('/cases', `Bearer ${token}`), /error="invalid_token" error_description="the token has expired"/);
    } finally {
      now = issuedAt;
    }
  });

  it('refuses a tampered token, and one from another issuer key', async () => {
    const { token } = issuer.issue({ role: 'viewer' });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const promoted = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString('base64url');
    expectRefused(await call('/cases', `Bearer ${header}.${promoted}.${signature}`), /error="invalid_token"/);
    const stranger = new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', now: () => now });
    expectRefused(await call('/cases', `Bearer ${stranger.issue({ role: 'admin' }).token}`), /error="invalid_token"/);
  });

  it("refuses a token for another audience than the authorizer's", () => {
    const { token } = issuer.issue({ role: 'viewer' });
    const listCases = model.routes.find((r) => r.routeKey === 'GET /cases')!;
    const narrow = new Map([['OpsAuthorizer', { ...model.authorizers[0]!, audience: ['another-client'] }]]);
    const result = authorizeRequest(listCases, narrow, issuer, { headers: { authorization: `Bearer ${token}` }, url: new URL('http://x/cases') });
    expect(result).toMatchObject({ ok: false, statusCode: 401, body: { message: 'Unauthorized' }, headers: { 'www-authenticate': expect.stringContaining('audience') } });
  });

  it("requires one of the route's scopes, and passes the token's scopes", async () => {
    const plain = issuer.issue({ role: 'agent' }).token;
    const refused = await call('/cases/c-1/refund', `Bearer ${plain}`, 'POST');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ message: 'Forbidden' });
    expect(refused.challenge).toMatch(/error="insufficient_scope"/);
    expect(invoked).toEqual([]);
    const scoped = issuer.issue({ role: 'agent', scopes: ['openid', 'aftersales/refunds'] }).token;
    expect((await call('/cases/c-1/refund', `Bearer ${scoped}`, 'POST')).status).toBe(200);
    expect(invoked[0]!.event.requestContext.authorizer.jwt.scopes).toEqual(['openid', 'aftersales/refunds']);
    expect(invoked[0]!.event.pathParameters).toEqual({ caseId: 'c-1' });
  });
});
