// HTTP responses for API Gateway (payload format 2.0): JSON bodies and RFC 9457 problem details.
import type { APIGatewayProxyResultV2 } from 'aws-lambda';

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** One error shape for the whole API: type, title, status, a human detail and the request id. */
export function problem(statusCode: number, title: string, detail: string, requestId?: string, extra: Record<string, unknown> = {}): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: 'about:blank', title, status: statusCode, detail, requestId, ...extra }),
  };
}
