import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getOrganization } from "../../../services/organization/get.ts";
import { authedRoute } from "../../define.ts";
import { OrganizationSchema, toOrganization } from "./schema.ts";

export const getOrganizationRoute = authedRoute({
  method: "get",
  path: "/v1/organization",
  tags: ["Organization"],
  summary: "Your organisation",
  permission: "organization:read",
  responses: {
    200: { description: "The organisation", content: { "application/json": { schema: OrganizationSchema } } },
  },
});

export function registerGetOrganization(app: OpenAPIHono<AppEnv>) {
  app.openapi(getOrganizationRoute, async (c) => {
    return c.json(toOrganization(await getOrganization(c.get("tenant"))), 200);
  });
}
