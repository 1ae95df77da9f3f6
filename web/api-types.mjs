// Generates src/lib/api/schema.ts, the API's TypeScript types, from the app's OpenAPI document
// (written by scripts/openapi_document.py). `make api-types` runs both; `make api-types-check`
// compares the result with the committed file.
//
//     node api-types.mjs <openapi.json> <schema.ts>
//
// defaultNonNullable is off: a field is required exactly when the document's `required` says so.
// Responses list every field as required; request fields with a default stay optional.
import { readFileSync, writeFileSync } from "node:fs";

import openapiTS, { astToString } from "openapi-typescript";

const HEADER = `/**
 * GENERATED FILE, do not edit: the API's types, made by openapi-typescript (web/api-types.mjs)
 * from the app's OpenAPI document (GET /api/openapi.json, scripts/openapi_document.py).
 * Regenerate with \`make api-types\`; \`make api-types-check\` (part of \`make test\`) fails when the
 * server's schemas and this file differ. Name the types the tab uses in src/lib/meeting/types.ts.
 */

`;

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node api-types.mjs <openapi.json> <schema.ts>");
  process.exit(2);
}

const document = JSON.parse(readFileSync(input, "utf8"));
const ast = await openapiTS(document, { defaultNonNullable: false, alphabetize: true, silent: true });
writeFileSync(output, HEADER + astToString(ast));
