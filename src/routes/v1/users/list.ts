import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { listUsers } from "../../../services/users/list.ts";
import { authedRoute } from "../../define.ts";
import { RoleSchema, toUser, UserSchema } from "./schema.ts";

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

export function registerListUsers(app: OpenAPIHono<AppEnv>) {
  app.openapi(listUsersRoute, async (c) => {
    const page = await listUsers(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toUser), next_cursor: page.next_cursor }, 200);
  });
}
