import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { updateUser } from "../../../services/users/update.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { UserIdParams } from "./get.ts";
import {
  NameSchema,
  PermissionOverridesSchema,
  RoleSchema,
  toUser,
  UsernameSchema,
  UserSchema,
} from "./schema.ts";

const UpdateUserBody = z
  .strictObject({
    first_name: NameSchema.optional(),
    last_name: NameSchema.optional(),
    username: UsernameSchema.nullable().optional(),
    role: RoleSchema.optional(),
    permissions: PermissionOverridesSchema.optional().openapi({
      description: "Replaces the user's overrides; a list left out becomes empty",
    }),
    is_active: z.boolean().optional(),
  })
  .openapi("UpdateUserRequest", { example: { role: "manager" } });

export const updateUserRoute = authedRoute({
  method: "patch",
  path: "/v1/users/{id}",
  tags: ["Users"],
  summary: "Change a user's profile, role, permissions or status",
  description:
    "403 `user_outranks_you`, `cannot_raise_own_role`, `role_not_assignable`, `permission_not_grantable`; 409 `last_owner` when the organisation would be left without an active owner, `user_changed` when someone else changed the user meanwhile.",
  permission: "users:write",
  request: {
    params: UserIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateUserBody } } },
  },
  responses: {
    200: { description: "The user as changed", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses(404, 409),
  },
});

export function registerUpdateUser(app: OpenAPIHono<AppEnv>) {
  app.openapi(updateUserRoute, async (c) => {
    const user = await updateUser(c.get("tenant"), c.req.valid("param").id, c.req.valid("json"));
    return c.json(toUser(user), 200);
  });
}
