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
