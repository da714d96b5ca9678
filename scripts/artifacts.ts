// Generated artifacts of the HTTP API: openapi.json (from the route definitions) and
// shared/api/client-types.ts (from openapi.json, for the typed client). Used by the scripts that
// write them and by the tests that check the committed files are current.
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildOpenApiDocument, renderOpenApi } from '../shared/api/openapi.ts';

export const openApiPath = fileURLToPath(new URL('../openapi.json', import.meta.url));
export const clientTypesPath = fileURLToPath(new URL('../shared/api/client-types.ts', import.meta.url));

const clientTypesHeader = `// Generated from openapi.json by \`npm run client:types\` (openapi-typescript): do not edit.\n/* eslint-disable */\n`;

export function openApiText(): string {
  return renderOpenApi(buildOpenApiDocument());
}

/** TypeScript types (`paths`, `components`, `operations`) for an OpenAPI document's text. */
export async function clientTypesText(openApiJson: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiJson), { exportType: true, alphabetize: false });
  return `${clientTypesHeader}${astToString(ast)}`;
}
