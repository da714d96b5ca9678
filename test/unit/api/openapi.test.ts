import { readFileSync } from 'node:fs';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clientTypesPath, clientTypesText, openApiPath, openApiText } from '../../../scripts/artifacts.ts';
import { defineRoute } from '#shared/api/define.ts';
import { buildOpenApiDocument } from '#shared/api/openapi.ts';
import { routes } from '#shared/api/routes.ts';

const methods = ['get', 'put', 'post', 'delete', 'patch'] as const;
type Operation = { operationId?: string; summary?: string; responses?: Record<string, unknown>; security?: unknown; 'x-required-role'?: string; description?: string };

const document = buildOpenApiDocument();
const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
  methods.flatMap((method) => {
    const operation = (item as Record<string, Operation | undefined>)[method];
    return operation ? [{ path, method, operation }] : [];
  }),
);

describe('openapi.json', () => {
  it('is the document the route definitions generate (run `npm run openapi` after changing a route)', () => {
    expect(readFileSync(openApiPath, 'utf8'), 'openapi.json is stale: run `npm run openapi`').toBe(openApiText());
  });

  it('has client types generated from it (run `npm run client:types`)', async () => {
    const expected = await clientTypesText(readFileSync(openApiPath, 'utf8'));
    expect(readFileSync(clientTypesPath, 'utf8'), 'shared/api/client-types.ts is stale: run `npm run client:types`').toBe(expected);
  });

  it('is a valid OpenAPI 3.1 document (Redocly, spec and recommended rules)', async () => {
    for (const preset of ['spec', 'recommended']) {
      const config = await createConfig({ extends: [preset] });
      const problems = await lintFromString({ source: openApiText(), absoluteRef: openApiPath, config });
      const errors = problems.filter((problem) => problem.severity === 'error').map((problem) => `${problem.ruleId}: ${problem.message} at ${problem.location[0]?.pointer}`);
      expect(errors, preset).toEqual([]);
    }
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers?.[0]?.url).toBe('http://127.0.0.1:3000');
    expect(document.components?.securitySchemes?.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });
});

describe('operations', () => {
  it('lists every route once, with a unique operationId and a summary', () => {
    expect(operations).toHaveLength(routes.length);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { operation, path } of operations) expect(operation.summary, path).toBeTruthy();
  });

  it('includes the contract operations', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids).toEqual(
      expect.arrayContaining([
        'getEventCatalogue',
        'receiveShopifyWebhook',
        'receiveWooCommerceWebhook',
        'receiveGenericWebhook',
        'listOrders',
        'getOrder',
        'getOrderTimeline',
        'listCustomers',
        'getCustomer',
        'listDeadLetters',
        'redriveDeadLetter',
      ]),
    );
  });

  it('documents the error responses that apply, as problem details', () => {
    for (const route of routes) {
      const { operation } = operations.find(({ operation }) => operation.operationId === route.operationId)!;
      const statuses = Object.keys(operation.responses ?? {});
      const expected = ['500'];
      if (route.request) expected.push('400');
      if (route.access.kind !== 'public') expected.push('401');
      if (route.access.kind === 'ops') expected.push('403');
      if (route.request?.params) expected.push('404');
      if (route.request?.body) expected.push('413', '415');
      expect(statuses, route.operationId).toEqual(expect.arrayContaining(expected));
      for (const status of statuses.filter((status) => Number(status) >= 400)) {
        expect(operation.responses?.[status], `${route.operationId} ${status}`).toMatchObject({
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
        });
      }
    }
  });

  it('secures ops routes with bearerAuth and states the minimum role, customer routes with customerSession', () => {
    for (const { operation } of operations) {
      const route = routes.find((candidate) => candidate.operationId === operation.operationId)!;
      if (route.access.kind === 'ops') {
        expect(operation.security).toEqual([{ bearerAuth: [] }]);
        expect(operation['x-required-role']).toBe(route.access.role);
        expect(operation.description).toContain(`\`${route.access.role}\` role`);
      } else if (route.access.kind === 'customer') {
        expect(operation.security).toEqual([{ customerSession: [] }]);
      } else {
        expect(operation.security).toEqual([]);
      }
    }
    expect(operations.find(({ operation }) => operation.operationId === 'redriveDeadLetter')?.operation['x-required-role']).toBe('agent');
  });
});

describe('defineRoute', () => {
  const base = { method: 'get', operationId: 'getThing', summary: 'Get a thing', tags: ['Things'], access: { kind: 'ops', role: 'viewer' }, responses: { 200: { description: 'ok' } } } as const;

  it('refuses path parameters that do not match request.params', () => {
    expect(() => defineRoute({ ...base, path: '/things/{thingId}' })).toThrow(/thingId/);
    expect(() => defineRoute({ ...base, path: '/things/{thingId}', request: { params: z.object({ id: z.string() }) } })).toThrow(/do not match/);
    expect(() => defineRoute({ ...base, path: '/things/{thingId}', request: { params: z.object({ thingId: z.string() }) } })).not.toThrow();
  });

  it('keeps a route’s own error descriptions and adds the rest', () => {
    const route = defineRoute({ ...base, method: 'post', path: '/things', request: { body: z.object({ a: z.string() }) }, responses: { 201: { description: 'made' }, 409: { description: 'exists' } } });
    expect(Object.keys(route.allResponses).map(Number)).toEqual([201, 400, 401, 403, 409, 413, 415, 500]);
    expect(route.allResponses[409]?.contentType).toBe('application/problem+json');
  });
});
