// How an HTTP route is declared: one definition from which the OpenAPI document, request
// validation, TypeScript types and the typed client all derive. `defineRoute` adds the error
// responses that apply to the route (validation, authentication, role, not found, body size and
// media type, internal error), all with the one problem details shape (RFC 9457), so no route
// can forget to document them.
import * as z from 'zod';

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof httpMethods)[number];

/** Ops roles, least to most privileged: each role may do what the roles before it may. */
export const roles = ['viewer', 'agent', 'supervisor', 'admin'] as const;
export type Role = (typeof roles)[number];

/** Who may call a route. A public route says why it needs no credentials. */
export type Access =
  | { kind: 'public'; reason: string }
  | { kind: 'webhook' }
  | { kind: 'ops'; role: Role }
  | { kind: 'customer' };

/** One validation failure: the field (`query.limit`, `body.lines[0].quantity`) and what is wrong. */
export const FieldError = z.object({
  path: z.string().describe('The offending field: `params.orderId`, `query.limit`, `body.reason`'),
  message: z.string().describe('What is wrong with it'),
});
export type FieldError = z.infer<typeof FieldError>;

/** The one error shape of the API (RFC 9457 problem details), served as `application/problem+json`. */
export const ProblemDetails = z
  .object({
    type: z.string().describe('URI reference identifying the problem type; `about:blank` when the status says it all'),
    title: z.string().describe('Short summary of the problem type (the HTTP reason phrase)'),
    status: z.int().min(400).max(599).describe('The HTTP status code'),
    detail: z.string().describe('What went wrong with this request, for humans'),
    instance: z.string().optional().describe('The request path the problem occurred on'),
    requestId: z.string().describe('Quote it when reporting a problem: it finds the request in the logs'),
    errors: z.array(FieldError).optional().describe('Each invalid field, for validation failures (400)'),
  })
  .meta({ id: 'ProblemDetails', description: 'RFC 9457 problem details' });
export type ProblemDetails = z.infer<typeof ProblemDetails>;

export const problemContentType = 'application/problem+json';

export interface ResponseSpec {
  description: string;
  /** The body; none for an empty response. */
  schema?: z.ZodType;
  /** `application/json` unless said; `application/problem+json` for 4xx and 5xx by default. */
  contentType?: string;
}

export interface RequestSpec {
  /** Path parameters: exactly the `{names}` of the path. */
  params?: z.ZodObject;
  /** Query parameters arrive as strings: use `z.coerce` (or `queryInt`) for numbers. */
  query?: z.ZodObject;
  /** Header names in lower case. */
  headers?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  bodyDescription?: string;
  /** Media type of the body; `application/json` unless said. */
  bodyContentType?: string;
}

export interface RouteSpec {
  method: HttpMethod;
  /** OpenAPI style: `/ops/orders/{orderId}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: readonly string[];
  access: Access;
  request?: RequestSpec;
  /** The route's own responses; the applicable error responses are added. */
  responses: { readonly [status: number]: ResponseSpec };
}

export type Route<S extends RouteSpec = RouteSpec> = S & {
  /** Every response, the route's own and the error responses that apply, by status. */
  readonly allResponses: Readonly<Record<number, ResponseSpec>>;
};

export const standardErrors = {
  400: 'The request is invalid: `errors` names each offending field',
  401: 'Credentials are missing or invalid',
  403: 'The caller lacks the role this operation requires',
  404: 'The resource does not exist (or is not visible to the caller)',
  413: 'The body is too large',
  415: 'The body is not of a supported media type',
  500: 'Unexpected error: nothing was changed unless the operation is idempotent; retry later and quote `requestId`',
} as const;

/** The statuses of the error responses that apply to a route. */
export function errorStatusesFor(spec: Pick<RouteSpec, 'access' | 'request'>): number[] {
  const { request, access } = spec;
  const statuses: number[] = [];
  if (request && (request.params || request.query || request.headers || request.body)) statuses.push(400);
  if (access.kind !== 'public') statuses.push(401);
  if (access.kind === 'ops') statuses.push(403);
  if (request?.params) statuses.push(404);
  if (request?.body) statuses.push(413, 415);
  statuses.push(500);
  return statuses;
}

/** The `{names}` of an OpenAPI path template. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

export function defineRoute<const S extends RouteSpec>(spec: S): Route<S> {
  if (!spec.path.startsWith('/')) throw new Error(`${spec.operationId}: path "${spec.path}" must start with /`);
  if (!/^[a-z][A-Za-z0-9]*$/.test(spec.operationId)) throw new Error(`operationId "${spec.operationId}" must be camelCase`);
  const inPath = pathParameterNames(spec.path).sort();
  const declared = Object.keys(spec.request?.params?.shape ?? {}).sort();
  if (inPath.join() !== declared.join()) {
    throw new Error(`${spec.operationId}: path parameters {${inPath.join(', ')}} do not match request.params (${declared.join(', ') || 'none'})`);
  }
  if (spec.request?.body && spec.method === 'get') throw new Error(`${spec.operationId}: a GET route has no body`);
  if (spec.access.kind === 'public' && !spec.access.reason.trim()) throw new Error(`${spec.operationId}: a public route must say why`);
  if (!Object.keys(spec.responses).some((status) => Number(status) < 400)) throw new Error(`${spec.operationId}: no success response`);

  const allResponses: Record<number, ResponseSpec> = {};
  for (const status of errorStatusesFor(spec)) {
    allResponses[status] = { description: standardErrors[status as keyof typeof standardErrors], schema: ProblemDetails, contentType: problemContentType };
  }
  for (const [status, response] of Object.entries(spec.responses)) {
    const code = Number(status);
    const defaults = code >= 400 ? { schema: ProblemDetails, contentType: problemContentType } : {};
    allResponses[code] = { ...defaults, ...response };
  }
  return Object.freeze({ ...spec, allResponses: Object.freeze(allResponses) });
}

/** An integer query parameter within `[min, max]`, `fallback` when absent. */
export function queryInt(min: number, max: number, fallback: number) {
  return z.coerce.number().int().min(min).max(max).default(fallback);
}

type OutputOr<T, Fallback> = T extends z.ZodType ? z.output<T> : Fallback;
type RequestOf<R> = R extends { readonly request?: infer Q } ? NonNullable<Q> : never;

/** The parsed path parameters of a route (`{}` when it has none). */
export type ParamsOf<R extends RouteSpec> = OutputOr<RequestOf<R> extends { params?: infer P } ? P : undefined, Record<string, never>>;
export type QueryOf<R extends RouteSpec> = OutputOr<RequestOf<R> extends { query?: infer P } ? P : undefined, Record<string, never>>;
export type HeadersOf<R extends RouteSpec> = OutputOr<RequestOf<R> extends { headers?: infer P } ? P : undefined, Record<string, never>>;
export type BodyOf<R extends RouteSpec> = OutputOr<RequestOf<R> extends { body?: infer P } ? P : undefined, undefined>;
/** What a handler returns with status `S`: the input of the response schema. */
export type ResponseBodyOf<R extends RouteSpec, S extends keyof R['responses']> = R['responses'][S] extends { schema: infer T extends z.ZodType } ? z.input<T> : undefined;
