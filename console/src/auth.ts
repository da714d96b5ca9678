// The signed-in session: a bearer token and what it says about the caller. Locally the token comes
// from the local issuer; in the cloud from Cognito's hosted UI (authorization code with PKCE).
import { ROLES, type CognitoAuth, type ConsoleConfig, type Role } from './config.ts';

export interface Session {
  token: string;
  role: Role;
  email?: string;
  expiresAt: number;
}

const STORAGE_KEY = 'aftersales.console.session';
const PKCE_KEY = 'aftersales.console.pkce';

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Record<string, unknown>;
}

/** The most powerful ops role among the token's Cognito groups. */
export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
  const role = [...ROLES].reverse().find((candidate) => groups.includes(candidate)) ?? 'viewer';
  const email = typeof claims.email === 'string' ? claims.email : typeof claims.username === 'string' ? claims.username : undefined;
  return { token, role, email, expiresAt: Number(claims.exp ?? 0) * 1000 };
}

export function storedSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  const session = JSON.parse(raw) as Session;
  return session.expiresAt > Date.now() ? session : undefined;
}

export function saveSession(session: Session | undefined): void {
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** Local only: asks the local issuer for a token with this role. */
export async function signInLocally(config: ConsoleConfig, role: Role, email: string): Promise<Session> {
  if (config.auth.kind !== 'local') throw new Error('Local sign-in is only available on the local stack');
  const response = await fetch(config.auth.tokenUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, email }) });
  const body = (await response.json()) as { token?: string; detail?: string };
  if (!response.ok || !body.token) throw new Error(body.detail ?? `The local issuer answered ${response.status}`);
  return sessionFromToken(body.token);
}

const base64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Cloud: sends the browser to the hosted UI. */
export async function startCognitoSignIn(auth: CognitoAuth): Promise<void> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE_KEY, verifier);
  const url = new URL('/oauth2/authorize', auth.domain);
  url.search = new URLSearchParams({ response_type: 'code', client_id: auth.clientId, redirect_uri: auth.redirectUri, scope: auth.scopes.join(' '), code_challenge_method: 'S256', code_challenge: challenge }).toString();
  window.location.assign(url.toString());
}

/** Cloud: on return from the hosted UI (`?code=`), trades the code for tokens. */
export async function completeCognitoSignIn(auth: CognitoAuth): Promise<Session | undefined> {
  const code = new URLSearchParams(window.location.search).get('code');
  const verifier = sessionStorage.getItem(PKCE_KEY);
  if (!code || !verifier) return undefined;
  sessionStorage.removeItem(PKCE_KEY);
  const response = await fetch(new URL('/oauth2/token', auth.domain), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: auth.clientId, code, redirect_uri: auth.redirectUri, code_verifier: verifier }),
  });
  if (!response.ok) throw new Error(`Cognito answered ${response.status}`);
  const { access_token: accessToken, id_token: idToken } = (await response.json()) as { access_token: string; id_token?: string };
  window.history.replaceState(null, '', window.location.pathname + window.location.hash);
  const session = sessionFromToken(accessToken);
  // The access token carries no email; the id token does.
  return idToken ? { ...session, email: sessionFromToken(idToken).email ?? session.email } : session;
}

export function cognitoSignOutUrl(auth: CognitoAuth): string {
  const url = new URL('/logout', auth.domain);
  url.search = new URLSearchParams({ client_id: auth.clientId, logout_uri: auth.redirectUri }).toString();
  return url.toString();
}
