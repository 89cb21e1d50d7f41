// Writes docs/openapi.json from the route table: `node main/api/write-openapi.ts`.
// test/unit/api/openapi.test.ts fails whenever the committed file differs from the document.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiDocument } from './routes.ts';

export const OPENAPI_FILE = fileURLToPath(new URL('../../docs/openapi.json', import.meta.url));

export const openApiJson = (): string => `${JSON.stringify(openApiDocument(), null, 2)}\n`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fs.mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
  fs.writeFileSync(OPENAPI_FILE, openApiJson());
  console.log(`wrote ${OPENAPI_FILE}`);
}
