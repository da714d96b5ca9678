// The local issuer on the running stack: tokens on request, and the keys and discovery document
// that verify them. (Routes behind the JWT authorizer are covered in test/unit/local/auth-gateway.test.ts.)
import { createPublicKey, createVerify, type JsonWebKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api, endpoints } from './support.ts';

const issuerUrl = `${endpoints.api}/_local/issuer`;
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('the local issuer', () => {
  it('answers POST /_local/token with a token and its expiry', async () => {
    const before = Date.now();
    const { status, body } = await api('/_local/token', { method: 'POST', json: { role: 'agent', email: 'ana@shop.example', shopIds: ['demo-shopify'] } });
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'token']);
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const claims = decode(body.token.split('.')[1]);
    expect(claims).toMatchObject({
      iss: issuerUrl,
      token_use: 'access',
      'cognito:groups': ['agent'],
      email: 'ana@shop.example',
      'custom:shopIds': 'demo-shopify',
      client_id: expect.any(String),
      sub: expect.any(String),
      jti: expect.any(String),
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(new Date(body.expiresAt).getTime()).toBe(claims.exp * 1000);
    expect(claims.iat * 1000).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
  });

  it('honours expiresIn', async () => {
    const { body } = await api('/_local/token', { method: 'POST', json: { role: 'viewer', expiresIn: 60 } });
    const claims = decode(body.token.split('.')[1]);
    expect(claims.exp - claims.iat).toBe(60);
  });

  it('answers bad input with a problem naming the field', async () => {
    for (const [json, field] of [[{ role: 'owner' }, 'role'], [{ role: 'agent', expiresIn: -5 }, 'expiresIn'], [{ role: 'agent', shopIds: 'demo' }, 'shopIds']] as const) {
      const response = await fetch(`${endpoints.api}/_local/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 400, title: 'Bad Request', detail: expect.stringMatching(new RegExp(`^${field}: `)) });
    }
    const notJson = await api('/_local/token', { method: 'POST', body: 'role=agent' });
    expect(notJson.status).toBe(400);
  });

  it('publishes a discovery document and a key set that verify its tokens', async () => {
    const { status, body: discovery } = await api('/_local/issuer/.well-known/openid-configuration');
    expect(status).toBe(200);
    expect(discovery).toMatchObject({ issuer: issuerUrl, jwks_uri: `${issuerUrl}/.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] });

    const jwks = (await fetch(discovery.jwks_uri).then((response) => response.json())) as { keys: (JsonWebKey & { kid: string })[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');

    const { body } = await api('/_local/token', { method: 'POST', json: { role: 'admin' } });
    const [header, payload, signature] = body.token.split('.');
    expect(decode(header)).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]!.kid });
    const key = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(key, Buffer.from(signature, 'base64url'))).toBe(true);
  });

  it('lists the template authorizers in the wiring', async () => {
    const { body } = await api('/_local/wiring');
    expect(Array.isArray(body.authorizers)).toBe(true);
  });
});
