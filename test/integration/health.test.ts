import { describe, expect, it } from 'vitest';
import { api } from './support.ts';

describe('GET /health', () => {
  it('reports every component up and the base URL of each endpoint', async () => {
    const { status, body } = await api('/health');
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    for (const name of ['api', 'eventbridge', 'scheduler', 'sqs', 'dynamodb', 'sesv2', 'sms']) {
      expect(body.endpoints[name], name).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(body.components[name].status, name).toBe('up');
    }
  });

  it('answers unknown routes with 404', async () => {
    const { status } = await api('/no/such/route');
    expect(status).toBe(404);
  });
});
