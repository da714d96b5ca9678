// npm run openapi: writes openapi.json from the route definitions, then the client types from it.
import { writeFileSync } from 'node:fs';
import { clientTypesPath, clientTypesText, openApiPath, openApiText } from './artifacts.ts';

const document = openApiText();
writeFileSync(openApiPath, document);
writeFileSync(clientTypesPath, await clientTypesText(document));
console.log(`Wrote ${openApiPath} and ${clientTypesPath}`);
