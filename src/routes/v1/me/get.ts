import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getMe } from "../../../services/users/me.ts";
import { authedRoute } from "../../define.ts";
import { OrganizationSchema, toOrganization } from "../organization/schema.ts";
import { PermissionSchema, toUser, UserSchema } from "../users/schema.ts";

export const getMeRoute = authedRoute({
  method: "get",
  path: "/v1/me",
  tags: ["Me"],
  summary: "The signed-in user, their organisation and effective permissions",
  permission: "organization:read",
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

export function registerGetMe(app: OpenAPIHono<AppEnv>) {
  app.openapi(getMeRoute, async (c) => {
    const tenant = c.get("tenant");
    const { user, organization } = await getMe(tenant);
    const permissions = tenant.actor.type === "user" ? [...tenant.actor.permissions].sort() : [];
    return c.json(
      { user: toUser(user), organization: toOrganization(organization), effective_permissions: permissions },
      200,
    );
  });
}
