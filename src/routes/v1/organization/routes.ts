/** /v1/organization: read and change the caller's organisation. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getOrganization } from "../../../services/organization/get.ts";
import { OrganizationSettingsSchema } from "../../../services/organization/settings.ts";
import { updateOrganization } from "../../../services/organization/update.ts";
import { authedRoute } from "../../define.ts";
import { CountryCodeSchema, OrganizationSchema, toOrganization } from "./schema.ts";

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

const UpdateOrganizationBody = z
  .strictObject({
    name: z.string().trim().min(2).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    logo_url: z
      .url({ protocol: /^https$/, error: "an https URL" })
      .max(2048)
      .nullable()
      .optional(),
    country_code: CountryCodeSchema.optional(),
    settings: OrganizationSettingsSchema.optional(),
  })
  .openapi("UpdateOrganizationRequest", {
    example: {
      description: "Africa's energy investment forum",
      settings: { default_timezone: "Africa/Nairobi" },
    },
  });

export const updateOrganizationRoute = authedRoute({
  method: "patch",
  path: "/v1/organization",
  tags: ["Organization"],
  summary: "Change your organisation's profile and settings (not its slug)",
  permission: "organization:update",
  request: { body: { required: true, content: { "application/json": { schema: UpdateOrganizationBody } } } },
  responses: {
    200: {
      description: "The organisation as changed",
      content: { "application/json": { schema: OrganizationSchema } },
    },
  },
});

export function registerOrganization(app: OpenAPIHono<AppEnv>) {
  app.openapi(getOrganizationRoute, async (c) => {
    return c.json(toOrganization(await getOrganization(c.get("tenant"))), 200);
  });
  app.openapi(updateOrganizationRoute, async (c) => {
    return c.json(toOrganization(await updateOrganization(c.get("tenant"), c.req.valid("json"))), 200);
  });
}
