// API Gateway's HTTP API JWT authorizer, locally: finds the token where the authorizer's identity
// source says, verifies it against the local issuer, checks the route's scopes, and hands the
// integration the claims the way API Gateway does (every value a string).
import type { IncomingHttpHeaders } from 'node:http';
import type { LocalAuthorizer, LocalRoute } from '../template/types.ts';
import type { JwtClaims, VerifyResult } from './jwt.ts';

export interface TokenVerifier {
  verify(token: string, audience: readonly string[]): VerifyResult;
}

export interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

export type AuthorizationResult =
  | { ok: true; authorizer?: JwtAuthorizerContext }
  | { ok: false; statusCode: number; headers: Record<string, string>; body: { message: string } };

/**
 * Claim values as API Gateway passes them: strings, numbers and booleans as strings, arrays in
 * Go's `[a b]` form (so `cognito:groups` arrives as `"[viewer]"`), objects as `map[k:v]`.
 */
export function stringifyClaim(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stringifyClaim).join(' ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `map[${entries.map(([k, v]) => `${k}:${stringifyClaim(v)}`).join(' ')}]`;
  }
  return String(value);
}

export const stringifyClaims = (claims: JwtClaims): Record<string, string> =>
  Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, stringifyClaim(value)]));

/** Reads `cognito:groups` as a handler receives it (`"[viewer agent]"`) back into a list. */
export function parseListClaim(value: string | undefined): string[] {
  if (!value) return [];
  const inner = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  return inner.split(/[\s,]+/).filter(Boolean);
}

const unauthorized = (challenge: string): AuthorizationResult => ({
  ok: false,
  statusCode: 401,
  headers: { 'www-authenticate': challenge },
  body: { message: 'Unauthorized' },
});

/** The token from an identity source such as `$request.header.Authorization` or `$request.querystring.token`. */
function identityValue(source: string, headers: IncomingHttpHeaders, url: URL): string | undefined {
  const header = source.match(/^\$request\.header\.(.+)$/i);
  if (header) {
    const value = headers[header[1]!.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  const query = source.match(/^\$request\.querystring\.(.+)$/i);
  return query ? (url.searchParams.get(query[1]!) ?? undefined) : undefined;
}

export function authorizeRequest(
  route: LocalRoute,
  authorizers: ReadonlyMap<string, LocalAuthorizer>,
  verifier: TokenVerifier,
  request: { headers: IncomingHttpHeaders; url: URL },
): AuthorizationResult {
  if (route.authorizationType !== 'JWT') return { ok: true };
  const authorizer = route.authorizerId ? authorizers.get(route.authorizerId) : undefined;
  if (!authorizer || authorizer.type !== 'JWT') {
    throw new Error(`Route ${route.routeKey} uses JWT authorization but its authorizer ${route.authorizerId ?? '(none)'} is not a JWT authorizer in the template`);
  }
  const sources = authorizer.identitySource.length ? authorizer.identitySource : ['$request.header.Authorization'];
  const raw = identityValue(sources[0]!, request.headers, request.url)?.trim();
  if (!raw) return unauthorized('Bearer');
  // The identity source holds the token alone or prefixed with Bearer (in any case).
  const token = raw.replace(/^bearer\s+/i, '');
  const routeScopes = route.authorizationScopes ?? [];
  const verified = verifier.verify(token, authorizer.audience);
  if (!verified.ok) return unauthorized(`Bearer scope="${routeScopes.join(' ')}" error="invalid_token" error_description="${verified.reason}"`);
  const tokenScopes = String(verified.claims.scope ?? verified.claims.scp ?? '').split(' ').filter(Boolean);
  if (routeScopes.length && !routeScopes.some((scope) => tokenScopes.includes(scope))) {
    return {
      ok: false,
      statusCode: 403,
      headers: { 'www-authenticate': `Bearer scope="${routeScopes.join(' ')}" error="insufficient_scope" error_description="expected scopes: [${routeScopes.join(' ')}]"` },
      body: { message: 'Forbidden' },
    };
  }
  return { ok: true, authorizer: { jwt: { claims: stringifyClaims(verified.claims), scopes: routeScopes.length ? tokenScopes : null } } };
}
