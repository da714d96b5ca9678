// The template's API Gateway authorizers for the local model (see template/model.ts).
import type { CfnResource, LocalAuthorizer, Props } from '../template/types.ts';
import { LOCAL_CLIENT_ID } from './jwt.ts';

type Resolve = <T = any>(value: unknown) => T;

/**
 * Every `AWS::ApiGatewayV2::Authorizer`. A user pool client's id exists only in the cloud: an
 * audience that refers to an `AWS::Cognito::UserPoolClient` becomes the local issuer's client id.
 */
export function readAuthorizers(resources: Record<string, CfnResource>, resolve: Resolve): LocalAuthorizer[] {
  const audienceOf = (entry: unknown): string => {
    const ref = (entry as { Ref?: unknown } | null)?.Ref;
    if (typeof ref === 'string' && resources[ref]?.Type === 'AWS::Cognito::UserPoolClient') return LOCAL_CLIENT_ID;
    return resolve<string>(entry);
  };
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::ApiGatewayV2::Authorizer')
    .map(([logicalId, r]): LocalAuthorizer => {
      const p: Props = r.Properties ?? {};
      const jwt = p.JwtConfiguration ?? {};
      return {
        logicalId,
        name: typeof p.Name === 'string' ? p.Name : logicalId,
        type: String(p.AuthorizerType),
        identitySource: (p.IdentitySource ?? []).map((source: unknown) => resolve<string>(source)),
        audience: (jwt.Audience ?? []).map(audienceOf),
        templateIssuer: jwt.Issuer === undefined ? undefined : resolve<string>(jwt.Issuer),
      };
    });
}

/** A route's `AuthorizerId` as the authorizer's logical id: it is a Ref (which resolves to the name) or, rarely, a literal id. */
export function authorizerIdOf(value: unknown, authorizers: LocalAuthorizer[], resolve: Resolve): string | undefined {
  if (value === undefined) return undefined;
  const ref = (value as { Ref?: unknown } | null)?.Ref;
  if (typeof ref === 'string' && authorizers.some((a) => a.logicalId === ref)) return ref;
  const resolved = resolve<string>(value);
  return authorizers.find((a) => a.logicalId === resolved || a.name === resolved)?.logicalId ?? resolved;
}
