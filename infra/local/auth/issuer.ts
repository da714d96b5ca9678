// The local stand-in for the Cognito user pool: an RS256 issuer at `<api>/_local/issuer` that mints
// Cognito-shaped access tokens on request (`POST /_local/token`) and publishes its keys, so the
// local JWT authorizer (and anything else) can verify them.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { LOCAL_CLIENT_ID, publicJwk, signJwt, verifyJwt, type JwtClaims, type VerifyResult } from './jwt.ts';

/** The ops roles: the user pool's groups. */
export const ROLES = ['viewer', 'agent', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRequest {
  role: Role;
  email?: string;
  shopIds?: string[];
  /** OAuth scopes to put in `scope`; `openid email` unless given. */
  scopes?: string[];
  /** Lifetime in seconds, 3600 unless given. */
  expiresIn?: number;
}

/** A token request that cannot be honoured; `field` names the offending field. */
export class InvalidTokenRequest extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

const MAX_LIFETIME_SECONDS = 30 * 24 * 3600;

/** Checks the body of `POST /_local/token`. */
export function parseTokenRequest(body: Record<string, unknown>): TokenRequest {
  const { role, email, shopIds, scopes, expiresIn } = body;
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new InvalidTokenRequest('role', `must be one of ${ROLES.join(', ')}`);
  }
  if (email !== undefined && (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(email))) {
    throw new InvalidTokenRequest('email', 'must be an email address');
  }
  const isStringList = (value: unknown) => Array.isArray(value) && value.every((item) => typeof item === 'string' && item.length > 0 && !/[,\s]/.test(item));
  if (shopIds !== undefined && !isStringList(shopIds)) throw new InvalidTokenRequest('shopIds', 'must be an array of shop ids (non-empty strings without commas or spaces)');
  if (scopes !== undefined && !isStringList(scopes)) throw new InvalidTokenRequest('scopes', 'must be an array of scope names (non-empty strings without spaces)');
  if (expiresIn !== undefined && (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_LIFETIME_SECONDS)) {
    throw new InvalidTokenRequest('expiresIn', `must be a whole number of seconds from 1 to ${MAX_LIFETIME_SECONDS}`);
  }
  return {
    role: role as Role,
    email: email as string | undefined,
    shopIds: shopIds as string[] | undefined,
    scopes: scopes as string[] | undefined,
    expiresIn: expiresIn as number | undefined,
  };
}

export interface LocalIssuerOptions {
  /** The API's base URL; the issuer is `<apiUrl>/_local/issuer`. */
  apiUrl: string;
  /** Where the key pair is kept across restarts; generated in memory when absent. */
  keyFile?: string;
  now(): Date;
}

interface StoredKey {
  kid: string;
  privateKeyPem: string;
}

function loadOrCreateKey(file: string | undefined): StoredKey {
  if (file && existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredKey;
    if (typeof stored.kid === 'string' && typeof stored.privateKeyPem === 'string') return stored;
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = { kid: randomUUID(), privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
  if (file) writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/** A UUID-shaped subject derived from the email, so one person keeps one `sub` across tokens and restarts. */
function subjectFor(email: string): string {
  const hex = createHash('sha256').update(`local-user:${email.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class LocalIssuer {
  readonly issuer: string;
  readonly clientId = LOCAL_CLIENT_ID;
  private readonly kid: string;
  private readonly privateKey: KeyObject;
  private readonly keys: Map<string, KeyObject>;

  constructor(private readonly options: LocalIssuerOptions) {
    this.issuer = `${options.apiUrl.replace(/\/$/, '')}/_local/issuer`;
    const stored = loadOrCreateKey(options.keyFile);
    this.kid = stored.kid;
    this.privateKey = createPrivateKey(stored.privateKeyPem);
    this.keys = new Map([[this.kid, createPublicKey(this.privateKey)]]);
  }

  /** Mints an access token shaped like one from a Cognito user pool whose groups are the roles. */
  issue(request: TokenRequest): { token: string; expiresAt: string; claims: JwtClaims } {
    const iat = Math.floor(this.options.now().getTime() / 1000);
    const exp = iat + (request.expiresIn ?? 3600);
    const email = request.email ?? `${request.role}@local.example`;
    const claims: JwtClaims = {
      iss: this.issuer,
      sub: subjectFor(email),
      client_id: this.clientId,
      token_use: 'access',
      scope: (request.scopes ?? ['openid', 'email']).join(' '),
      auth_time: iat,
      'cognito:groups': [request.role],
      username: email,
      email,
      ...(request.shopIds?.length ? { 'custom:shopIds': request.shopIds.join(',') } : {}),
      iat,
      exp,
      jti: randomUUID(),
    };
    return { token: signJwt(claims, this.privateKey, this.kid), expiresAt: new Date(exp * 1000).toISOString(), claims };
  }

  /** Verifies a token from this issuer for the given audiences, at the local clock's time. */
  verify(token: string, audience: readonly string[]): VerifyResult {
    return verifyJwt(token, { keys: this.keys, issuer: this.issuer, audience, now: this.options.now() });
  }

  jwks(): { keys: Record<string, string>[] } {
    return { keys: [...this.keys].map(([kid, key]) => publicJwk(key, kid)) };
  }

  openidConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuer,
      jwks_uri: `${this.issuer}/.well-known/jwks.json`,
      token_endpoint: `${this.issuer.replace(/\/issuer$/, '')}/token`,
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'email'],
      claims_supported: ['iss', 'sub', 'client_id', 'token_use', 'scope', 'cognito:groups', 'email', 'custom:shopIds', 'iat', 'exp', 'jti'],
    };
  }
}
