// Request validation and errors for routes declared with `defineRoute`: the same zod schemas the
// OpenAPI document shows check each request, and every failure becomes a problem details answer
// naming the fields. Also who the caller is (JWT claims from the API Gateway authorizer) and
// whether their role suffices.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { formatPath, valueAt } from '../events/errors.ts';
import { problem } from '../http.ts';
import { roles, type Access, type BodyOf, type FieldError, type HeadersOf, type ParamsOf, type QueryOf, type Role, type Route, type RouteSpec } from './define.ts';

/** Bodies above this are refused with 413 before parsing. */
export const maxRequestBodyBytes = 256 * 1024;

const reasonPhrases: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** An error answered as problem details; anything else a handler throws is a 500. */
export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly title: string;

  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
    title?: string,
  ) {
    super(detail);
    this.title = title ?? reasonPhrases[status] ?? 'Error';
  }
}

/** The API Gateway answer for an error: an ApiProblem as itself, anything else as a 500 that leaks nothing. */
export function problemResponse(error: unknown, requestId: string, instance?: string): APIGatewayProxyResultV2 {
  const extra: Record<string, unknown> = instance ? { instance } : {};
  if (error instanceof ApiProblem) {
    if (error.errors?.length) extra.errors = error.errors;
    return problem(error.status, error.title, error.detail, requestId, extra);
  }
  return problem(500, 'Internal Server Error', 'The request failed unexpectedly; quote the request id if you report it', requestId, extra);
}

export interface ParsedRequest<R extends RouteSpec> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  headers: HeadersOf<R>;
  body: BodyOf<R>;
}

type Issue = z.core.$ZodIssue;

function fieldErrors(part: string, issues: readonly Issue[], input: unknown): FieldError[] {
  return issues.map((issue) => {
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return { path: formatPath([part, ...issue.path]), message: missing ? 'is required' : issue.message };
  });
}


const isJson = (contentType: string) => contentType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(contentType);

function readBody(event: APIGatewayProxyEventV2, headers: Record<string, string | undefined>, expected: string): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > maxRequestBodyBytes) throw new ApiProblem(413, `The body is ${raw.length} bytes; the limit is ${maxRequestBodyBytes}`);
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (expected !== 'application/json') {
    if (contentType !== expected) throw new ApiProblem(415, `Content-Type must be ${expected}, not "${contentType || '(none)'}"`);
    return raw.toString('utf8');
  }
  if (!isJson(contentType)) throw new ApiProblem(415, `Content-Type must be application/json, not "${contentType || '(none)'}"`);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new ApiProblem(400, 'The body is not valid JSON', [{ path: 'body', message: (error as Error).message }]);
  }
}

/**
 * The request's path parameters, query, headers and body, parsed with the route's schemas.
 * Throws an ApiProblem: 400 naming every invalid field, 413 for an oversized body, 415 for a body
 * that is not JSON where JSON is expected.
 */
export function parseRequest<R extends Route>(route: R, event: APIGatewayProxyEventV2): ParsedRequest<R> {
  const request = route.request ?? {};
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const errors: FieldError[] = [];
  const parsed: Record<string, unknown> = { params: {}, query: {}, headers: {}, body: undefined };

  const check = (part: keyof ParsedRequest<R>, schema: z.ZodType | undefined, input: unknown) => {
    if (!schema) return;
    const result = schema.safeParse(input);
    if (result.success) parsed[part] = result.data;
    else errors.push(...fieldErrors(part, result.error.issues, input));
  };
  check('params', request.params, event.pathParameters ?? {});
  // API Gateway joins repeated query parameters with commas.
  check('query', request.query, event.queryStringParameters ?? {});
  check('headers', request.headers, headers);
  if (request.body) {
    const body = readBody(event, headers, request.bodyContentType ?? 'application/json');
    if (body === undefined) errors.push({ path: 'body', message: 'is required' });
    else check('body', request.body, body);
  }
  if (errors.length > 0) {
    const named = errors.map((error) => `${error.path}: ${error.message}`);
    const shown = named.length > 3 ? [...named.slice(0, 3), `(+${named.length - 3} more)`] : named;
    throw new ApiProblem(400, `The request is invalid: ${shown.join('; ')}`, errors);
  }
  return parsed as unknown as ParsedRequest<R>;
}

/** Whether `role` may do what `required` may (viewer < agent < supervisor < admin). */
export function roleAllows(role: Role | undefined, required: Role): boolean {
  return role !== undefined && roles.indexOf(role) >= roles.indexOf(required);
}

export interface Caller {
  sub: string;
  email?: string;
  /** The highest ops role among the caller's groups. */
  role: Role;
  /** The shops the caller may see; absent means every shop of the deployment. */
  shopIds?: string[];
}

/**
 * A claim holding a list, as API Gateway passes it: a real array, `[viewer agent]` (how HTTP APIs
 * flatten JWT arrays), a comma- or space-separated string, or a single value.
 */
export function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string' && item !== '');
  if (typeof value !== 'string') return [];
  let text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return claimList(parsed);
    } catch {
      // Not JSON: API Gateway's `[a b]` form.
    }
    text = text.slice(1, -1);
  }
  return text.split(/[\s,]+/).map((item) => item.replace(/^"|"$/g, '')).filter(Boolean);
}

type JwtEvent = { requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } };

/** The authenticated ops caller, from the JWT authorizer's claims; undefined without a sub or an ops role. */
export function callerOf(event: APIGatewayProxyEventV2 | JwtEvent): Caller | undefined {
  const claims = (event as JwtEvent).requestContext.authorizer?.jwt?.claims;
  if (!claims) return undefined;
  const sub = claims.sub;
  if (typeof sub !== 'string' || !sub) return undefined;
  const groups = claimList(claims['cognito:groups']);
  const role = [...roles].reverse().find((candidate) => groups.includes(candidate));
  if (!role) return undefined;
  const caller: Caller = { sub, role };
  if (typeof claims.email === 'string' && claims.email) caller.email = claims.email;
  const shopIds = claimList(claims['custom:shopIds']);
  if (shopIds.length > 0) caller.shopIds = shopIds;
  return caller;
}

/** The caller of an ops route, if their role suffices; 401 without credentials, 403 with too low a role. */
export function authorize(access: Access, event: APIGatewayProxyEventV2 | JwtEvent): Caller | undefined {
  if (access.kind !== 'ops') return undefined;
  const caller = callerOf(event);
  if (!caller) {
    const sub = (event as JwtEvent).requestContext.authorizer?.jwt?.claims?.sub;
    if (typeof sub === 'string' && sub) throw new ApiProblem(403, `This operation requires the ${access.role} role; you are in no ops group`);
    throw new ApiProblem(401, 'A valid ops bearer token is required');
  }
  if (!roleAllows(caller.role, access.role)) throw new ApiProblem(403, `This operation requires the ${access.role} role; you have ${caller.role}`);
  return caller;
}
