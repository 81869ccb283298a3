import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getUser } from "../../../services/users/get.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { toUser, UserSchema } from "./schema.ts";

/** `{id}` of the user routes. */
export const UserIdParams = z.object({
  id: z
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, example: "0b5f7c4e-8a0e-4c1e-9f3a-2d7f1e6b9a10" }),
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

export function registerGetUser(app: OpenAPIHono<AppEnv>) {
  app.openapi(getUserRoute, async (c) => {
    return c.json(toUser(await getUser(c.get("tenant"), c.req.valid("param").id)), 200);
  });
}
