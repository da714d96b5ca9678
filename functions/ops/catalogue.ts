// GET /events/catalogue: every canonical event with its JSON Schema, for integrators.
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { eventCatalogueJsonSchema } from '#shared/events/catalogue.ts';

// Built once per execution environment: the catalogue is fixed at build time.
const body = JSON.stringify({ events: eventCatalogueJsonSchema() });

export const handler = async (): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  body,
});
