// The customer view's searches: listCustomers takes one of an email, a phone number (E.164) or an
// order number, and the cases and survey answers lists narrow to one customer.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { listCustomers, listReturns, listSurveyResponses } from '../../../shared/api/routes.ts';
import { ApiProblem, parseRequest } from '../../../shared/api/validate.ts';

const event = (path: string, query: Record<string, string>): APIGatewayProxyEventV2 =>
  ({
    version: '2.0',
    routeKey: `GET ${path}`,
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    queryStringParameters: query,
    headers: {},
    isBase64Encoded: false,
    requestContext: { requestId: 'req-1' },
  }) as unknown as APIGatewayProxyEventV2;

function fieldsRefused(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return (error.errors ?? []).map((e) => e.path);
    throw error;
  }
  throw new Error('expected a 400');
}

const customers = (query: Record<string, string>) => parseRequest(listCustomers, event('/ops/customers', { shopId: 'acme', ...query })).query;

describe('listCustomers', () => {
  it('searches by email, by E.164 phone number or by order number', () => {
    expect(customers({ email: 'ada@example.com' })).toMatchObject({ email: 'ada@example.com', limit: 25 });
    expect(customers({ phone: '+447700900123' })).toMatchObject({ phone: '+447700900123' });
    expect(customers({ orderNumber: ' #1001 ' })).toMatchObject({ orderNumber: '#1001' });
  });

  it('names the field of a phone number without its country code', () => {
    expect(fieldsRefused(() => customers({ phone: '07700 900123' }))).toEqual(['query.phone']);
  });

  it('refuses two searches at once', () => {
    expect(fieldsRefused(() => customers({ email: 'ada@example.com', orderNumber: '1001' }))).toEqual(['query.email']);
  });
});

describe('one customer’s cases and survey answers', () => {
  it('narrow by customer id', () => {
    expect(parseRequest(listReturns, event('/ops/returns', { shopId: 'acme', customerId: 'cus_1' })).query.customerId).toBe('cus_1');
    expect(parseRequest(listSurveyResponses, event('/ops/surveys', { shopId: 'acme', customerId: 'cus_1' })).query.customerId).toBe('cus_1');
  });
});
