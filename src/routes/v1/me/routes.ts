/** /v1/me: the signed-in user, their organisation and permissions; their password and second factor. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { activateTotp, changePassword, disableTotp, enrolTotp } from "../../../services/users/credentials.ts";
import { getMe } from "../../../services/users/me.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { PasswordSchema } from "../auth/schema.ts";
import { OrganizationSchema, toOrganization } from "../organization/schema.ts";
import { PermissionSchema, toUser, UserSchema } from "../users/schema.ts";

export const getMeRoute = authedRoute({
  method: "get",
  path: "/v1/me",
  tags: ["Me"],
  summary: "The signed-in user, their organisation and effective permissions",
  permission: "organization:read",
  apiKeys: false,
  responses: {
    200: {
      description: "You",
      content: {
        "application/json": {
          schema: z
            .object({
              user: UserSchema,
              organization: OrganizationSchema,
              effective_permissions: z.array(PermissionSchema),
            })
            .openapi("Me"),
        },
      },
    },
  },
});

const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const TotpCode = z
  .string()
  .regex(/^\d{6}$/, "six digits")
  .openapi({ example: "492039" });

export const changePasswordRoute = authedRoute({
  method: "post",
  path: "/v1/me/password",
  tags: ["Me"],
  summary: "Change your password (ends your other sessions)",
  permission: "organization:read",
  apiKeys: false,
  request: {
    body: json(
      z
        .strictObject({ current_password: PasswordSchema, new_password: PasswordSchema })
        .openapi("ChangePasswordRequest", {
          example: {
            current_password: "correct horse battery staple",
            new_password: "another long passphrase",
          },
        }),
    ),
  },
  responses: { 204: { description: "Changed" } },
});

export const enrolTotpRoute = authedRoute({
  method: "post",
  path: "/v1/me/mfa/totp",
  tags: ["Me"],
  summary: "Start two-factor enrolment: a secret and its otpauth:// URI",
  permission: "organization:read",
  apiKeys: false,
  responses: {
    201: {
      description: "Scan the URI, then activate with a code",
      content: {
        "application/json": {
          schema: z.object({ secret: z.string(), otpauth_uri: z.string() }).openapi("TotpEnrolment"),
        },
      },
    },
    ...errorResponses(409),
  },
});

export const activateTotpRoute = authedRoute({
  method: "post",
  path: "/v1/me/mfa/totp/activate",
  tags: ["Me"],
  summary: "Turn two-factor on with a first code; answers single-use recovery codes, shown once",
  permission: "organization:read",
  apiKeys: false,
  request: {
    body: json(
      z.strictObject({ code: TotpCode }).openapi("TotpActivateRequest", { example: { code: "492039" } }),
    ),
  },
  responses: {
    200: {
      description: "On",
      content: {
        "application/json": {
          schema: z.object({ recovery_codes: z.array(z.string()) }).openapi("RecoveryCodes"),
        },
      },
    },
    ...errorResponses(409),
  },
});

export const disableTotpRoute = authedRoute({
  method: "post",
  path: "/v1/me/mfa/totp/disable",
  tags: ["Me"],
  summary: "Turn two-factor off (password and a code or recovery code)",
  permission: "organization:read",
  apiKeys: false,
  request: {
    body: json(
      z
        .strictObject({
          password: PasswordSchema,
          code: TotpCode.optional(),
          recovery_code: z.string().max(40).optional(),
        })
        .openapi("TotpDisableRequest", {
          example: { password: "correct horse battery staple", code: "492039" },
        }),
    ),
  },
  responses: { 204: { description: "Off" }, ...errorResponses(409) },
});

export function registerMe(app: OpenAPIHono<AppEnv>) {
  app.openapi(getMeRoute, async (c) => {
    const tenant = c.get("tenant");
    const { user, organization } = await getMe(tenant);
    const permissions = tenant.actor.type === "user" ? [...tenant.actor.permissions].sort() : [];
    return c.json(
      { user: toUser(user), organization: toOrganization(organization), effective_permissions: permissions },
      200,
    );
  });
  app.openapi(changePasswordRoute, async (c) => {
    await changePassword(c.get("tenant"), c.req.valid("json"));
    return c.body(null, 204);
  });
  app.openapi(enrolTotpRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await enrolTotp(c.get("tenant")), 201);
  });
  app.openapi(activateTotpRoute, async (c) => {
    c.header("cache-control", "no-store");
    return c.json(await activateTotp(c.get("tenant"), c.req.valid("json")), 200);
  });
  app.openapi(disableTotpRoute, async (c) => {
    await disableTotp(c.get("tenant"), c.req.valid("json"));
    return c.body(null, 204);
  });
}
