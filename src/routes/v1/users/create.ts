import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { createUser } from "../../../services/users/create.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { EmailSchema, PasswordSchema } from "../auth/schema.ts";
import {
  NameSchema,
  PermissionOverridesSchema,
  RoleSchema,
  toUser,
  UsernameSchema,
  UserSchema,
} from "./schema.ts";

const CreateUserBody = z
  .strictObject({
    email: EmailSchema,
    first_name: NameSchema,
    last_name: NameSchema,
    username: UsernameSchema.optional(),
    role: RoleSchema,
    permissions: PermissionOverridesSchema.optional(),
    password: PasswordSchema,
  })
  .openapi("CreateUserRequest", {
    example: {
      email: "wanjiru@example.org",
      first_name: "Wanjiru",
      last_name: "Kamau",
      role: "editor",
      password: "a long and unusual passphrase",
    },
  });

export const createUserRoute = authedRoute({
  method: "post",
  path: "/v1/users",
  tags: ["Users"],
  summary: "Add a user to the organisation",
  description:
    "403 `role_not_assignable` for a role above yours, 403 `permission_not_grantable` for a permission you do not hold; 409 `email_taken` / `username_taken`.",
  permission: "users:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateUserBody } } } },
  responses: {
    201: { description: "The new user", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses(409),
  },
});

export function registerCreateUser(app: OpenAPIHono<AppEnv>) {
  app.openapi(createUserRoute, async (c) => {
    return c.json(toUser(await createUser(c.get("tenant"), c.req.valid("json"))), 201);
  });
}
