/**
 * @asteasolutions/zod-to-openapi as the Worker bundles it (scripts/lib/worker-aliases.ts; vitest.config.ts
 * does the same under test): the registry and zod's `.openapi()`, which the route definitions use, without the
 * document generators. The Worker serves the document that scripts/docs-assets.ts generates at build time
 * (src/routes/docs.ts), so nothing in it may generate one; about 5.5 KiB gzip less. The package's file by
 * its path, so the alias of its name does not point back here; JavaScript, as that file has no types.
 */
export {
  extendZodWithOpenApi,
  getOpenApiMetadata,
  getRefId,
  OpenAPIRegistry,
  zodToOpenAPIRegistry,
} from "../../node_modules/@asteasolutions/zod-to-openapi/dist/index.mjs";

class NotInTheWorker {
  constructor() {
    throw new Error(
      "The Worker does not generate the OpenAPI document: it serves the one scripts/docs-assets.ts builds.",
    );
  }
}

export {
  NotInTheWorker as OpenApiGeneratorV3,
  NotInTheWorker as OpenApiGeneratorV31,
  NotInTheWorker as OpenApiGeneratorV32,
};
