// Dispatches API Gateway requests to the operations of declared routes: checks the caller's role
// (again, after the gateway's authorizer), runs the operation, and answers problem details on any
// error so no handler can leak a stack trace or forget the request id.
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { json } from '../http.ts';
import { logger } from '../observability.ts';
import { InvalidCursorError } from './cursor.ts';
import type { Route } from './define.ts';
import { ApiProblem, authorize, problemResponse, type Caller } from './validate.ts';

export type Operation = (event: APIGatewayProxyEventV2, caller: Caller | undefined) => Promise<unknown>;

/** What an operation returns to answer with another status than 200, or with a body that is not JSON (an HTML page). */
export class Answer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    /** When set, `body` is a string sent as is with this content type. */
    readonly contentType?: string,
  ) {}
}

function answer(result: Answer): APIGatewayProxyResultV2 {
  if (!result.contentType) return json(result.status, result.body);
  return { statusCode: result.status, headers: { 'content-type': result.contentType, 'cache-control': 'no-store' }, body: String(result.body) };
}

/** One handler for several routes, keyed by API Gateway's `METHOD /path` route key. */
export function createRouter(operations: ReadonlyArray<readonly [Route, Operation]>) {
  const byRouteKey = new Map(operations.map(([route, operation]) => [`${route.method.toUpperCase()} ${route.path}`, [route, operation] as const]));
  return async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
    try {
      const entry = byRouteKey.get(event.routeKey);
      if (!entry) throw new ApiProblem(404, `No operation for ${event.routeKey}`);
      const [route, operation] = entry;
      const caller = authorize(route.access, event);
      const result = await operation(event, caller);
      return result instanceof Answer ? answer(result) : json(200, result);
    } catch (error) {
      const problem = error instanceof InvalidCursorError ? new ApiProblem(400, error.message, [{ path: 'query.cursor', message: 'is not a cursor this API returned' }]) : error;
      if (!(problem instanceof ApiProblem)) logger.error('API request failed', { error: error as Error, routeKey: event.routeKey });
      return problemResponse(problem, event.requestContext.requestId, event.rawPath);
    }
  };
}

/** A caller limited to some shops (the `custom:shopIds` claim) may act only on those. */
export function checkShop(caller: Caller | undefined, shopId: string): void {
  if (caller?.shopIds?.length && !caller.shopIds.includes(shopId)) throw new ApiProblem(403, `You may not act on shop ${shopId}`);
}

export const notFound = (what: string) => new ApiProblem(404, `${what} does not exist`);
