import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { signIn } from "../../../services/auth/sign-in.ts";
import { publicRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { EmailSchema, PasswordSchema, TokenPairSchema } from "./schema.ts";

const LoginBody = z
  .strictObject({
    email: EmailSchema,
    password: PasswordSchema,
    totp_code: z.string().max(10).optional().openapi({ description: "Required when two-factor is enabled" }),
    recovery_code: z.string().max(40).optional().openapi({ description: "Instead of totp_code; single use" }),
  })
  .openapi("LoginRequest", {
    example: { email: "amina@example.org", password: "correct horse battery staple" },
  });

export const loginRoute = publicRoute({
  method: "post",
  path: "/v1/auth/login",
  tags: ["Auth"],
  summary: "Sign in: an access token (15 min) and a refresh token",
  description:
    "401 `invalid_credentials` for an unknown email or a wrong password alike; 401 `mfa_required` when the account uses two-factor and no code was sent; 429 with Retry-After after repeated failures.",
  request: { body: { required: true, content: { "application/json": { schema: LoginBody } } } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: TokenPairSchema } } },
    ...errorResponses(401, 429),
  },
});

export function registerLogin(app: OpenAPIHono<AppEnv>) {
  app.openapi(loginRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await signIn(serviceContext(c), c.req.valid("json")), 200);
  });
}
