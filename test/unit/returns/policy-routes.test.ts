// The return policy routes validate a supervisor's draft with the ReturnPolicy schema itself, so an
// invalid draft is refused (400) naming the field before anything is read or written.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { dryRunReturnPolicy, updateReturnPolicy } from '../../../shared/api/routes.ts';
import { ApiProblem, parseRequest } from '../../../shared/api/validate.ts';
import { defaultReturnPolicy } from '../../../shared/returns/policy.ts';

const event = (body: unknown): APIGatewayProxyEventV2 =>
  ({ version: '2.0', routeKey: 'PUT /ops/returns/policy', rawPath: '/ops/returns/policy', rawQueryString: 'shopId=acme', queryStringParameters: { shopId: 'acme' }, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), isBase64Encoded: false, requestContext: { requestId: 'req-1' } }) as unknown as APIGatewayProxyEventV2;

function fieldsRefused(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 400) return (error.errors ?? []).map((e) => e.path);
    throw error;
  }
  throw new Error('expected a 400');
}

describe('updateReturnPolicy', () => {
  it('takes a whole policy, the version read and a reason', () => {
    const { body } = parseRequest(updateReturnPolicy, event({ policy: { version: 1, windowDays: 14, reasons: [{ code: 'damaged', resolutions: ['refund'], shippingPaidBy: 'merchant' }] }, expectedVersion: 0, reason: 'Shorter window' }));
    expect(body).toMatchObject({ expectedVersion: 0, reason: 'Shorter window', policy: { windowDays: 14, autoApprove: true, fulfillmentFallbackDays: 5 } });
  });

  it('names each invalid field of the policy', () => {
    const reasons = [defaultReturnPolicy.reasons[0], defaultReturnPolicy.reasons[0]];
    expect(fieldsRefused(() => parseRequest(updateReturnPolicy, event({ policy: { ...defaultReturnPolicy, windowDays: 400 }, expectedVersion: 0, reason: 'Longer' })))).toEqual(['body.policy.windowDays']);
    expect(fieldsRefused(() => parseRequest(updateReturnPolicy, event({ policy: { ...defaultReturnPolicy, reasons }, expectedVersion: 0, reason: 'Twice' })))).toEqual(['body.policy.reasons[1].code']);
    expect(fieldsRefused(() => parseRequest(updateReturnPolicy, event({ policy: defaultReturnPolicy, expectedVersion: -1 })))).toEqual(['body.expectedVersion', 'body.reason']);
  });
});

describe('dryRunReturnPolicy', () => {
  it('evaluates the latest 100 orders unless told, at most 1000', () => {
    expect(parseRequest(dryRunReturnPolicy, event({ policy: defaultReturnPolicy })).body.orders).toBe(100);
    expect(parseRequest(dryRunReturnPolicy, event({ policy: defaultReturnPolicy, orders: 1000 })).body.orders).toBe(1000);
    expect(fieldsRefused(() => parseRequest(dryRunReturnPolicy, event({ policy: defaultReturnPolicy, orders: 1001 })))).toEqual(['body.orders']);
    expect(fieldsRefused(() => parseRequest(dryRunReturnPolicy, event({ policy: { ...defaultReturnPolicy, reasons: [] } })))).toEqual(['body.policy.reasons']);
  });
});
