/** /v1/auth: sign up (an organisation and its owner), sign in, rotate the refresh token, sign out. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { serviceContext } from "../../../middleware/auth.ts";
import { register } from "../../../services/auth/register.ts";
import { endSession, refreshSession } from "../../../services/auth/sessions.ts";
import { signIn } from "../../../services/auth/sign-in.ts";
import { publicRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { CountryCodeSchema, OrganizationSchema, SlugSchema, toOrganization } from "../organization/schema.ts";
import { NameSchema, toUser, UsernameSchema, UserSchema } from "../users/schema.ts";
import { EmailSchema, PasswordSchema, TokenPairSchema } from "./schema.ts";

const RegisterBody = z
  .strictObject({
    organization: z.strictObject({
      name: z.string().trim().min(2).max(200),
      slug: SlugSchema,
      country_code: CountryCodeSchema,
      description: z.string().max(2000).optional(),
    }),
    owner: z.strictObject({
      email: EmailSchema,
      password: PasswordSchema,
      first_name: NameSchema,
      last_name: NameSchema,
      username: UsernameSchema.optional(),
    }),
  })
  .openapi("RegisterRequest", {
    example: {
      organization: { name: "Africa Energy Forum", slug: "africa-energy-forum", country_code: "KE" },
      owner: {
        email: "amina@example.org",
        password: "correct horse battery staple",
        first_name: "Amina",
        last_name: "Odhiambo",
      },
    },
  });

export const registerRoute = publicRoute({
  method: "post",
  path: "/v1/auth/register",
  tags: ["Auth"],
  summary: "Create an organisation and its owner, signed in",
  request: { body: { required: true, content: { "application/json": { schema: RegisterBody } } } },
  responses: {
    201: {
      description: "The organisation, its owner and a session",
      content: {
        "application/json": {
          schema: z
            .object({ organization: OrganizationSchema, user: UserSchema })
            .extend(TokenPairSchema.shape),
        },
      },
    },
    ...errorResponses(409),
  },
});

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

const RefreshBody = z
  .strictObject({ refresh_token: z.string().min(1).max(200) })
  .openapi("RefreshRequest", { example: { refresh_token: "grt_…" } });

export const refreshRoute = publicRoute({
  method: "post",
  path: "/v1/auth/refresh",
  tags: ["Auth"],
  summary: "Rotate the refresh token; a spent one ends its whole session",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBody } } } },
  responses: {
    200: { description: "A new pair", content: { "application/json": { schema: TokenPairSchema } } },
    ...errorResponses(401),
  },
});

export const logoutRoute = publicRoute({
  method: "post",
  path: "/v1/auth/logout",
  tags: ["Auth"],
  summary: "End the session of this refresh token",
  request: { body: { required: true, content: { "application/json": { schema: RefreshBody } } } },
  responses: { 204: { description: "Signed out (also when the token was unknown or already ended)" } },
});

export function registerAuth(app: OpenAPIHono<AppEnv>) {
  app.openapi(registerRoute, async (c) => {
    const result = await register(serviceContext(c), c.req.valid("json"));
    return c.json(
      { organization: toOrganization(result.organization), user: toUser(result.user), ...result.tokens },
      201,
    );
  });
  app.openapi(loginRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await signIn(serviceContext(c), c.req.valid("json")), 200);
  });
  app.openapi(refreshRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await refreshSession(serviceContext(c), c.req.valid("json").refresh_token), 200);
  });
  app.openapi(logoutRoute, async (c) => {
    await endSession(serviceContext(c), c.req.valid("json").refresh_token);
    return c.body(null, 204);
  });
}
