import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidTokenRequest, LocalIssuer, parseTokenRequest } from '../../../infra/local/auth/issuer.ts';
import { keyFromJwk, LOCAL_CLIENT_ID, signJwt, verifyJwt } from '../../../infra/local/auth/jwt.ts';

const start = new Date('2026-03-01T12:00:00Z');
let now = start;
const issuer = new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', now: () => now });
const audience = [LOCAL_CLIENT_ID];
const at = (date: Date, fn: () => void) => {
  const before = now;
  now = date;
  try {
    fn();
  } finally {
    now = before;
  }
};
const payloadOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));

describe('the local issuer', () => {
  it('mints Cognito-shaped access tokens that verify', () => {
    const { token, expiresAt } = issuer.issue({ role: 'agent', email: 'ana@shop.example', shopIds: ['demo-shopify', 'demo-generic'] });
    const result = issuer.verify(token, audience);
    expect(result).toEqual({ ok: true, claims: expect.any(Object) });
    const claims = payloadOf(token);
    expect(claims).toMatchObject({
      iss: 'http://127.0.0.1:3000/_local/issuer',
      client_id: LOCAL_CLIENT_ID,
      token_use: 'access',
      scope: 'openid email',
      'cognito:groups': ['agent'],
      email: 'ana@shop.example',
      'custom:shopIds': 'demo-shopify,demo-generic',
      iat: start.getTime() / 1000,
      exp: start.getTime() / 1000 + 3600,
    });
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(expiresAt).toBe('2026-03-01T13:00:00.000Z');
  });

  it('gives one email one subject, and another email another', () => {
    const sub = (email: string) => payloadOf(issuer.issue({ role: 'viewer', email }).token).sub;
    expect(sub('ana@shop.example')).toBe(sub('ana@shop.example'));
    expect(sub('ana@shop.example')).not.toBe(sub('bo@shop.example'));
    expect(payloadOf(issuer.issue({ role: 'viewer' }).token)).not.toHaveProperty('custom:shopIds');
  });

  it('refuses an expired token, and one not yet valid', () => {
    const { token } = issuer.issue({ role: 'viewer', expiresIn: 60 });
    at(new Date(start.getTime() + 59_000), () => expect(issuer.verify(token, audience).ok).toBe(true));
    at(new Date(start.getTime() + 60_000), () => expect(issuer.verify(token, audience)).toEqual({ ok: false, reason: 'the token has expired' }));
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const nbf = start.getTime() / 1000 + 10;
    const early = signJwt({ iss: 'https://issuer.example', client_id: LOCAL_CLIENT_ID, exp: nbf + 60, nbf }, privateKey, 'k');
    const options = { keys: new Map([['k', publicKey]]), issuer: 'https://issuer.example', audience };
    expect(verifyJwt(early, { ...options, now: start })).toEqual({ ok: false, reason: 'the token is not valid yet' });
    expect(verifyJwt(early, { ...options, now: new Date(nbf * 1000) }).ok).toBe(true);
  });

  it('refuses a token signed with another key, even under its kid', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const kid = issuer.jwks().keys[0]!.kid!;
    const forged = signJwt(payloadOf(issuer.issue({ role: 'admin' }).token), privateKey, kid);
    expect(issuer.verify(forged, audience)).toEqual({ ok: false, reason: 'signature is invalid' });
    expect(issuer.verify(signJwt(payloadOf(forged), privateKey, 'other-kid'), audience).ok).toBe(false);
  });

  it('refuses a tampered payload', () => {
    const [header, , signature] = issuer.issue({ role: 'viewer' }).token.split('.');
    const promoted = { ...payloadOf(issuer.issue({ role: 'viewer' }).token), 'cognito:groups': ['admin'] };
    const tampered = `${header}.${Buffer.from(JSON.stringify(promoted)).toString('base64url')}.${signature}`;
    expect(issuer.verify(tampered, audience)).toEqual({ ok: false, reason: 'signature is invalid' });
  });

  it('refuses a wrong audience, checking aud before client_id', () => {
    const { token } = issuer.issue({ role: 'viewer' });
    expect(issuer.verify(token, ['some-other-client'])).toEqual({ ok: false, reason: 'the token audience is invalid' });
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keys = new Map([['k', createPublicKey(privateKey)]]);
    const claims = { iss: 'https://issuer.example', client_id: 'ours', aud: 'theirs', exp: 2e9 };
    expect(verifyJwt(signJwt(claims, privateKey, 'k'), { keys, issuer: 'https://issuer.example', audience: ['ours'], now: start }).ok).toBe(false);
    expect(verifyJwt(signJwt(claims, privateKey, 'k'), { keys, issuer: 'https://issuer.example', audience: ['theirs'], now: start }).ok).toBe(true);
  });

  it('refuses what is not an RS256 JWT', () => {
    expect(issuer.verify('not-a-token', audience).ok).toBe(false);
    const { token } = issuer.issue({ role: 'viewer' });
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: issuer.jwks().keys[0]!.kid })).toString('base64url')}.${token.split('.')[1]}.`;
    expect(issuer.verify(none, audience)).toEqual({ ok: false, reason: 'signing method none is invalid' });
  });

  it('publishes its key and discovery document', () => {
    const jwks = issuer.jwks();
    expect(issuer.verify(issuer.issue({ role: 'viewer' }).token, audience).ok).toBe(true);
    const { token } = issuer.issue({ role: 'viewer' });
    const fromJwks = new Map([[jwks.keys[0]!.kid!, keyFromJwk(jwks.keys[0]!)]]);
    expect(verifyJwt(token, { keys: fromJwks, issuer: issuer.issuer, audience, now: start }).ok).toBe(true);
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' })]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(issuer.openidConfiguration()).toMatchObject({ issuer: issuer.issuer, jwks_uri: `${issuer.issuer}/.well-known/jwks.json` });
  });
});

describe('the local issuer key file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'issuer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the key pair, so tokens survive a restart', () => {
    const keyFile = path.join(dir, 'issuer-key.json');
    const first = new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', keyFile, now: () => start });
    const { token } = first.issue({ role: 'supervisor' });
    const second = new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', keyFile, now: () => start });
    expect(second.jwks()).toEqual(first.jwks());
    expect(second.verify(token, audience).ok).toBe(true);
    expect(new LocalIssuer({ apiUrl: 'http://127.0.0.1:3000', now: () => start }).verify(token, audience).ok).toBe(false);
  });
});

describe('token requests', () => {
  const fieldOf = (body: Record<string, unknown>) => {
    try {
      parseTokenRequest(body);
    } catch (error) {
      if (error instanceof InvalidTokenRequest) return error.field;
      throw error;
    }
    return undefined;
  };

  it('accept a role, and optionally an email, shop ids and a lifetime', () => {
    expect(parseTokenRequest({ role: 'admin', email: 'a@b.example', shopIds: ['s1'], expiresIn: 60 })).toEqual({ role: 'admin', email: 'a@b.example', shopIds: ['s1'], expiresIn: 60 });
  });

  it('name the field at fault', () => {
    expect(fieldOf({})).toBe('role');
    expect(fieldOf({ role: 'owner' })).toBe('role');
    expect(fieldOf({ role: 'agent', email: 'nobody' })).toBe('email');
    expect(fieldOf({ role: 'agent', shopIds: 'demo-shopify' })).toBe('shopIds');
    expect(fieldOf({ role: 'agent', shopIds: ['a,b'] })).toBe('shopIds');
    expect(fieldOf({ role: 'agent', expiresIn: 0 })).toBe('expiresIn');
    expect(fieldOf({ role: 'agent', expiresIn: '3600' })).toBe('expiresIn');
    expect(fieldOf({ role: 'agent', scopes: ['a b'] })).toBe('scopes');
  });
});
