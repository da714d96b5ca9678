// Public routes: documentation for integrators, no shop data.
import * as z from 'zod';
import { defineRoute } from '../define.ts';
import { EventCatalogue } from '../schemas.ts';

export const getEventCatalogue = defineRoute({
  method: 'get',
  path: '/events/catalogue',
  operationId: 'getEventCatalogue',
  summary: 'List every canonical event with its JSON Schema',
  description: 'The events the platform publishes on its EventBridge bus, each with the JSON Schema (draft 2020-12) of its detail and an example. Cacheable for five minutes.',
  tags: ['Events'],
  access: { kind: 'public', reason: 'The events catalogue is public documentation for integrators: schemas only, no shop data.' },
  responses: { 200: { description: 'The catalogue', schema: EventCatalogue } },
});

export const getOpenApiDocument = defineRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'Get this OpenAPI document',
  description: 'The OpenAPI 3.1 document of the whole API, generated from the same zod definitions the handlers validate with.',
  tags: ['Events'],
  access: { kind: 'public', reason: 'API documentation for integrators: no shop data.' },
  responses: { 200: { description: 'The OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) } },
});
