// The runtime configuration: `config.json` beside index.html. The local stack answers it with the
// local issuer; the CDK construct serves the Cognito hosted UI's settings.
export type Role = 'viewer' | 'agent' | 'supervisor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'agent', 'supervisor', 'admin'];

export interface LocalAuth {
  kind: 'local';
  /** Where to POST for a token (the local issuer). */
  tokenUrl: string;
}

export interface CognitoAuth {
  kind: 'cognito';
  /** The hosted UI's base URL, e.g. https://prefix.auth.eu-west-1.amazoncognito.com */
  domain: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
}

export interface ConsoleConfig {
  apiUrl: string;
  /** Shops offered in the shop picker; any shop id may still be typed. */
  shops: string[];
  auth: LocalAuth | CognitoAuth;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch('config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json answered ${response.status}`);
  const config = (await response.json()) as ConsoleConfig;
  // An empty apiUrl means "the origin that served the console" (the local stack).
  return { ...config, apiUrl: config.apiUrl || window.location.origin, shops: config.shops ?? [] };
}

/** Whether `role` is at least `needed` (roles are ordered, least to most powerful). */
export function allows(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}
