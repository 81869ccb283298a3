/** /v1/users: list, add, read, change and deactivate the organisation's users. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { getUserAccess, setUserAccess } from "../../../services/users/access.ts";
import { createUser } from "../../../services/users/create.ts";
import { getUser } from "../../../services/users/get.ts";
import { listUsers } from "../../../services/users/list.ts";
import { deactivateUser, updateUser } from "../../../services/users/update.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { EmailSchema, PasswordSchema } from "../auth/schema.ts";
import {
  NameSchema,
  PermissionOverridesSchema,
  RoleSchema,
  SetUserAccessBody,
  toUser,
  toUserAccess,
  UserAccessSchema,
  UsernameSchema,
  UserSchema,
} from "./schema.ts";

/** `{id}` of the user routes. */
const UserIdParams = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0b5f7c4e-8a0e-4c1e-9f3a-2d7f1e6b9a10" }),
});

const ListUsersQuery = PaginationQuery.extend({
  role: RoleSchema.optional(),
  is_active: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional()
    .openapi({ type: "string", enum: ["true", "false"] }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .openapi({ description: "Prefix of the email, first name, last name or full name; case-insensitive" }),
});

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

export const listUsersRoute = authedRoute({
  method: "get",
  path: "/v1/users",
  tags: ["Users"],
  summary: "The organisation's users, newest first",
  permission: "users:read",
  request: { query: ListUsersQuery },
  responses: {
    200: {
      description: "One page of users",
      content: { "application/json": { schema: listResponse(UserSchema, "UserList") } },
    },
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
  apiKeys: false,
  request: { body: { required: true, content: { "application/json": { schema: CreateUserBody } } } },
  responses: {
    201: { description: "The new user", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses(409),
  },
});

export const getUserRoute = authedRoute({
  method: "get",
  path: "/v1/users/{id}",
  tags: ["Users"],
  summary: "One user of the organisation",
  permission: "users:read",
  request: { params: UserIdParams },
  responses: {
    200: { description: "The user", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses(404),
  },
});

export const updateUserRoute = authedRoute({
  method: "patch",
  path: "/v1/users/{id}",
  tags: ["Users"],
  summary: "Change a user's profile, role, permissions or status",
  description:
    "403 `user_outranks_you`, `cannot_raise_own_role`, `role_not_assignable`, `permission_not_grantable`; 409 `last_owner` when the organisation would be left without an active owner, `user_changed` when someone else changed the user meanwhile.",
  permission: "users:write",
  apiKeys: false,
  request: {
    params: UserIdParams,
    body: { required: true, content: { "application/json": { schema: UpdateUserBody } } },
  },
  responses: {
    200: { description: "The user as changed", content: { "application/json": { schema: UserSchema } } },
    ...errorResponses(404, 409),
  },
});

export const deactivateUserRoute = authedRoute({
  method: "delete",
  path: "/v1/users/{id}",
  tags: ["Users"],
  summary: "Deactivate a user: no more sign-ins, sessions ended (the user and their history stay)",
  description: "Same rules as PATCH; deactivating yourself is allowed unless you are the last active owner.",
  permission: "users:write",
  apiKeys: false,
  request: { params: UserIdParams },
  responses: {
    204: { description: "Deactivated (also when the user already was)" },
    ...errorResponses(404, 409),
  },
});

export const getUserAccessRoute = authedRoute({
  method: "get",
  path: "/v1/users/{id}/access",
  tags: ["Users"],
  summary: "When a user may act, and which events they are limited to",
  permission: "users:read",
  request: { params: UserIdParams },
  responses: {
    200: { description: "Their access", content: { "application/json": { schema: UserAccessSchema } } },
    ...errorResponses(404),
  },
});

export const setUserAccessRoute = authedRoute({
  method: "put",
  path: "/v1/users/{id}/access",
  tags: ["Users"],
  summary: "Limit a user to a window of time and/or to some events (replaces what was set)",
  description:
    "Takes effect at once: the user's older access tokens stop at their next request (401 `token_revoked`; a refresh gets one for the new access), and a window already closed ends their sessions. Outside the window, sign-in and refresh are 403 `access_not_started` / `access_ended` and access tokens 401 `access_ended`, to the second. A user limited to events sees only those events' data and gets 403 `limited_to_events` on organisation-wide operations. 404 `event_not_found`; 403 as for PATCH; 409 `owner_not_limitable`; 400 when the end is not after the start or both ends are given. An empty body lifts every limit.",
  permission: "users:write",
  apiKeys: false,
  request: {
    params: UserIdParams,
    body: { required: true, content: { "application/json": { schema: SetUserAccessBody } } },
  },
  responses: {
    200: {
      description: "Their access as changed",
      content: { "application/json": { schema: UserAccessSchema } },
    },
    ...errorResponses(404, 409),
  },
});

export function registerUsers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listUsersRoute, async (c) => {
    const page = await listUsers(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toUser), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(createUserRoute, async (c) => {
    return c.json(toUser(await createUser(c.get("tenant"), c.req.valid("json"))), 201);
  });
  app.openapi(getUserRoute, async (c) => {
    return c.json(toUser(await getUser(c.get("tenant"), c.req.valid("param").id)), 200);
  });
  app.openapi(updateUserRoute, async (c) => {
    const user = await updateUser(c.get("tenant"), c.req.valid("param").id, c.req.valid("json"));
    return c.json(toUser(user), 200);
  });
  app.openapi(getUserAccessRoute, async (c) => {
    return c.json(toUserAccess(await getUserAccess(c.get("tenant"), c.req.valid("param").id)), 200);
  });
  app.openapi(setUserAccessRoute, async (c) => {
    const access = await setUserAccess(c.get("tenant"), c.req.valid("param").id, c.req.valid("json"));
    return c.json(toUserAccess(access), 200);
  });
  app.openapi(deactivateUserRoute, async (c) => {
    await deactivateUser(c.get("tenant"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
