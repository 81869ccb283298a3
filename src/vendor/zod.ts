/**
 * Zod as the Worker bundles it (wrangler.toml `[alias]` points `zod` here): zod's own entry minus its
 * `locales` namespace. `@hono/zod-openapi` hands the whole `z` namespace to zod-to-openapi, so a
 * bundler must keep every export of it, and 45 translations of the error messages weigh about 40 KiB
 * gzip; the Worker speaks English (the default locale, set by zod's schemas module). Keep the list in
 * step with node_modules/zod/v4/classic/external.js when zod is upgraded.
 */
import * as z from "./zod-api.ts";

export * from "./zod-api.ts";
export { z, z as default };
