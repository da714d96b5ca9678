import { describe, expect, it } from 'vitest';
import { api } from './support.ts';

describe('GET /events/catalogue', () => {
  it('lists every canonical event with its JSON Schema, through API Gateway and Lambda', async () => {
    const { status, body } = await api('/events/catalogue');
    expect(status).toBe(200);
    const orderPlaced = body.events.find((event: any) => event.detailType === 'OrderPlaced');
    expect(orderPlaced).toMatchObject({ source: 'aftersales.orders', version: 1 });
    expect(orderPlaced.schema.type).toBe('object');
    expect(body.events.length).toBeGreaterThan(20);
  });
});

describe('GET /openapi.json', () => {
  it('serves the OpenAPI 3.1 document with the contract operations', async () => {
    const { status, body } = await api('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    const operationIds = Object.values(body.paths as Record<string, Record<string, { operationId: string }>>).flatMap((methods) => Object.values(methods).map((op) => op.operationId));
    expect(operationIds).toEqual(expect.arrayContaining(['listOrders', 'getOrder', 'getOrderTimeline', 'listCustomers', 'getCustomer', 'listDeadLetters', 'redriveDeadLetter']));
  });
});
