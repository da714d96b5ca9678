// The customer behind a request: the gateway has no authorizer for customer routes (customers have
// no Cognito identity), so the handler checks the session token itself.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { ApiProblem } from '../api/validate.ts';
import { verifyCustomerSession, type CustomerClaims } from './session.ts';

const details = {
  missing: 'A customer session token is required: sign in with POST /customer/sessions',
  malformed: 'The customer session token is invalid',
  signature: 'The customer session token is invalid',
  audience: 'The customer session token is invalid',
  expired: 'The customer session has expired: sign in again',
} as const;

/** The bearer token of the request, if it has one. */
export function bearerToken(event: Pick<APIGatewayProxyEventV2, 'headers'>): string | undefined {
  const header = Object.entries(event.headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** The session's claims; a 401 ApiProblem when the token is missing, invalid or expired. */
export function authenticateCustomer(event: Pick<APIGatewayProxyEventV2, 'headers'>, secret: string, now?: () => Date): CustomerClaims {
  const token = bearerToken(event);
  if (!token) throw new ApiProblem(401, details.missing);
  const result = verifyCustomerSession(token, secret, now);
  if (!result.ok) throw new ApiProblem(401, details[result.reason]);
  return result.claims;
}
