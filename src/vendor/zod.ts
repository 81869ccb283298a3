/**
 * Zod as the Worker bundles it (scripts/lib/worker-aliases.ts points `zod` here): zod's own entry minus what
 * the Worker never calls. `@hono/zod-openapi` hands the whole `z` namespace to zod-to-openapi, so a
 * bundler must keep every export of it. Left out: the `locales` namespace (45 translations of the
 * error messages, about 40 KiB gzip; the Worker speaks English, the default locale set by zod's
 * schemas module), the ahead-of-time compiler (`compile`, `withParser`: it generates code with
 * `new Function`, which workerd forbids; about 7 KiB gzip), `fromJSONSchema` (about 5 KiB gzip) and
 * the `core` namespace (zod's internals, which nothing here reads through `z`; about 2.5 KiB gzip, its
 * object of every export being kept because the `z` it hangs on escapes).
 * Keep the list in step with node_modules/zod/v4/classic/external.js when zod is upgraded.
 */
import * as z from "./zod-api.ts";

export * from "./zod-api.ts";
export { z, z as default };
