import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { deactivateUser } from "../../../services/users/update.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { UserIdParams } from "./get.ts";

export const deactivateUserRoute = authedRoute({
  method: "delete",
  path: "/v1/users/{id}",
  tags: ["Users"],
  summary: "Deactivate a user: no more sign-ins, sessions ended (the user and their history stay)",
  description: "Same rules as PATCH; deactivating yourself is allowed unless you are the last active owner.",
  permission: "users:write",
  request: { params: UserIdParams },
  responses: {
    204: { description: "Deactivated (also when the user already was)" },
    ...errorResponses(404, 409),
  },
});

export function registerDeactivateUser(app: OpenAPIHono<AppEnv>) {
  app.openapi(deactivateUserRoute, async (c) => {
    await deactivateUser(c.get("tenant"), c.req.valid("param").id);
    return c.body(null, 204);
  });
}
