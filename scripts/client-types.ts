// npm run client:types: writes shared/api/client-types.ts from the committed openapi.json.
import { readFileSync, writeFileSync } from 'node:fs';
import { clientTypesPath, clientTypesText, openApiPath } from './artifacts.ts';

writeFileSync(clientTypesPath, await clientTypesText(readFileSync(openApiPath, 'utf8')));
console.log(`Wrote ${clientTypesPath}`);
