/** /v1/organization: read and change the caller's organisation, and close it. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import type { OrganizationClosure } from "../../../db/schema/organization-closures.ts";
import type { Config } from "../../../env.ts";
import { cancelClosure, closeOrganization, getClosure } from "../../../services/organization/closure.ts";
import { signClosureReceiptLink } from "../../../services/organization/closure-receipt.ts";
import { getOrganization } from "../../../services/organization/get.ts";
import { OrganizationSettingsSchema } from "../../../services/organization/settings.ts";
import { updateOrganization } from "../../../services/organization/update.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import {
  CloseOrganizationBody,
  ClosureSchema,
  CountryCodeSchema,
  OrganizationSchema,
  toClosure,
  toOrganization,
} from "./schema.ts";

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

const closureAnswer = (description: string) => ({
  description,
  content: { "application/json": { schema: ClosureSchema } },
});

export const closeOrganizationRoute = authedRoute({
  method: "post",
  path: "/v1/organization/closure",
  tags: ["Organization"],
  summary:
    "Close your organisation: frozen for a grace period, then every row, file and platform token deleted",
  description:
    'Owners only, signed in (README, "Data lifecycle › Closing an organisation"). The organisation turns `closing`: every write of its API answers 409 `organization_closing` (except cancelling and exports), nothing is published, measured, listened to or sent to webhooks, and its public widgets answer 404; its people still sign in, read and export. After `purge_after` the nightly job revokes the platform tokens where the platform allows, deletes every row and stored file, and keeps a receipt: keep `receipt_url`, it works after the accounts are gone. 422 `closure_confirmation_mismatch` when `confirm_slug` is not the organisation\'s slug; 409 `organization_closing` when it is closing already. Audited as `organization.close`.',
  permission: "organization:close",
  apiKeys: false,
  request: {
    body: { required: true, content: { "application/json": { schema: CloseOrganizationBody } } },
  },
  responses: { 201: closureAnswer("The closure: the grace period has started") },
});

export const getClosureRoute = authedRoute({
  method: "get",
  path: "/v1/organization/closure",
  tags: ["Organization"],
  summary: "Your organisation's closure, if it has one (the latest, whatever became of it)",
  permission: "organization:read",
  responses: {
    200: closureAnswer("The closure, with a fresh receipt link"),
    ...errorResponses(404),
  },
});

export const cancelClosureRoute = authedRoute({
  method: "delete",
  path: "/v1/organization/closure",
  tags: ["Organization"],
  summary: "Cancel the closure during its grace period: the organisation is active again",
  description:
    "Owners only, signed in. 404 `closure_not_found` without a pending closure; 409 `closure_grace_period_over` once `purge_after` has passed. Audited as `organization.closure_cancel`.",
  permission: "organization:close",
  apiKeys: false,
  whileClosing: true,
  responses: {
    200: closureAnswer("The closure, cancelled"),
    ...errorResponses(404, 409),
  },
});

const answer = async (config: Config, row: OrganizationClosure) =>
  toClosure(row, await signClosureReceiptLink(config, row));

export function registerOrganization(app: OpenAPIHono<AppEnv>) {
  app.openapi(getOrganizationRoute, async (c) => {
    return c.json(toOrganization(await getOrganization(c.get("tenant"))), 200);
  });
  app.openapi(updateOrganizationRoute, async (c) => {
    return c.json(toOrganization(await updateOrganization(c.get("tenant"), c.req.valid("json"))), 200);
  });
  app.openapi(closeOrganizationRoute, async (c) => {
    const row = await closeOrganization(c.get("tenant"), c.req.valid("json"), c.get("logger"));
    c.header("location", "/v1/organization/closure");
    return c.json(await answer(c.get("config"), row), 201);
  });
  app.openapi(getClosureRoute, async (c) => {
    return c.json(await answer(c.get("config"), await getClosure(c.get("tenant"))), 200);
  });
  app.openapi(cancelClosureRoute, async (c) => {
    return c.json(await answer(c.get("config"), await cancelClosure(c.get("tenant"), c.get("logger"))), 200);
  });
}
