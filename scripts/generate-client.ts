/**
 * `npm run client:generate`: writes the typed client's types (clients/typescript/schema.d.ts) from the
 * OpenAPI document the Worker serves, built here without a server. The file is committed, so
 * `npm run build` regenerates it in memory and fails when the committed one differs.
 */
import { writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { createApp, OPENAPI_CONFIG } from "../src/app.ts";

const root = resolve(import.meta.dirname, "..");
export const CLIENT_SCHEMA_FILE = join(root, "clients/typescript/schema.d.ts");
export const CLIENT_GENERATE_COMMAND = "npm run client:generate";

const HEADER = `// Generated from the OpenAPI document by \`${CLIENT_GENERATE_COMMAND}\`: do not edit.\n\n`;

/** The types as they would be committed now. */
export async function generateClientSchema(): Promise<string> {
  const document = createApp().getOpenAPI31Document(OPENAPI_CONFIG);
  const ast = await openapiTS(structuredClone(document) as OpenAPI3, { silent: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const schema = await generateClientSchema();
  writeFileSync(CLIENT_SCHEMA_FILE, schema);
  process.stdout.write(
    `${relative(root, CLIENT_SCHEMA_FILE)}: ${(schema.length / 1024).toFixed(1)} KiB from the OpenAPI document\n`,
  );
}
