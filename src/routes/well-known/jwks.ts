import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../app-env.ts";
import { publicJwks } from "../../platform/signing-keys.ts";
import { publicRoute } from "../define.ts";

export const jwksRoute = publicRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  tags: ["Auth"],
  summary: "The public keys that verify access tokens (several during a key rotation)",
  responses: {
    200: {
      description: "JSON Web Key Set",
      content: {
        "application/json": { schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
  },
});

export function registerJwks(app: OpenAPIHono<AppEnv>) {
  app.openapi(jwksRoute, (c) => {
    const keys = c.get("config").JWT_PRIVATE_KEYS;
    c.header("cache-control", "public, max-age=300");
    return c.json(publicJwks(keys), 200);
  });
}
