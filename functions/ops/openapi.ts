// GET /openapi.json: the committed OpenAPI document (a test keeps it equal to the definitions).
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import document from '../../openapi.json' with { type: 'json' };

const body = JSON.stringify(document);

export const handler = async (): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
  body,
});
