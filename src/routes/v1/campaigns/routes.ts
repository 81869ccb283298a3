/** /v1/campaigns: create, list, read, update, delete (soft) and restore. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { campaigns } from "../../../db/schema/campaigns.ts";
import {
  CAMPAIGN_SORTS,
  createCampaign,
  getCampaign,
  listCampaigns,
  updateCampaign,
} from "../../../services/campaigns/campaigns.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { restore, softDelete } from "../../../services/soft-delete.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader, PlatformSchema } from "../common.ts";
import {
  CampaignFields,
  CampaignSchema,
  CampaignStatusSchema,
  CampaignTypeSchema,
  toCampaign,
} from "./schema.ts";

const one = (description: string) => ({
  description,
  headers: { ETag: { schema: { type: "string" as const }, description: "Send as If-Match to update" } },
  content: { "application/json": { schema: CampaignSchema } },
});

const LIFECYCLE =
  "Status lifecycle: draft → active or archived; active → paused or completed; paused → active; completed → archived. Any other move is 409 invalid_status_transition.";

const CreateCampaignBody = z
  .strictObject({
    ...CampaignFields,
    event_id: CampaignFields.event_id.optional(),
    target_platforms: CampaignFields.target_platforms.optional(),
    kpi_targets: CampaignFields.kpi_targets.optional(),
    status: CampaignFields.status.optional(),
  })
  .openapi("CreateCampaignRequest", {
    example: {
      name: "Road to AES 2027",
      campaign_type: "awareness",
      start_date: "2027-01-15T00:00:00Z",
      end_date: "2027-03-20T23:59:59Z",
      target_platforms: ["x", "linkedin", "bluesky"],
      kpi_targets: { impressions: 500_000, engagement_rate: 0.035, posts: 120 },
    },
  });

const UpdateCampaignBody = z
  .strictObject(
    Object.fromEntries(Object.entries(CampaignFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof CampaignFields]: z.ZodOptional<(typeof CampaignFields)[K]>;
    },
  )
  .openapi("UpdateCampaignRequest", { example: { status: "active", kpi_targets: { impressions: 750_000 } } });

export const createCampaignRoute = authedRoute({
  method: "post",
  path: "/v1/campaigns",
  tags: ["Campaigns"],
  summary: "Create a campaign",
  description: `event_id, if given, must be an event of the organisation that is not deleted (else 404 event_not_found). ${LIFECYCLE}`,
  permission: "campaigns:write",
  request: { body: { required: true, content: { "application/json": { schema: CreateCampaignBody } } } },
  responses: { 201: one("Created"), ...errorResponses(404, 409) },
});

export const listCampaignsRoute = authedRoute({
  method: "get",
  path: "/v1/campaigns",
  tags: ["Campaigns"],
  summary: "List campaigns",
  permission: "campaigns:read",
  request: {
    query: PaginationQuery.extend({
      status: CampaignStatusSchema.optional(),
      event_id: z.uuid().optional(),
      campaign_type: CampaignTypeSchema.optional(),
      platform: PlatformSchema.optional().openapi({ description: "Campaigns that target this platform" }),
      active_on: z.iso
        .date()
        .optional()
        .openapi({ description: "A UTC day (YYYY-MM-DD): campaigns running on it", example: "2027-03-10" }),
      q: z.string().min(1).max(100).optional().openapi({ description: "Name starts with" }),
      sort: z
        .enum(CAMPAIGN_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -start_date)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(CampaignSchema, "CampaignList") } },
    },
  },
});

export const getCampaignRoute = authedRoute({
  method: "get",
  path: "/v1/campaigns/{id}",
  tags: ["Campaigns"],
  summary: "Read a campaign",
  permission: "campaigns:read",
  request: { params: IdParams },
  responses: { 200: one("The campaign"), ...errorResponses(404) },
});

export const updateCampaignRoute = authedRoute({
  method: "patch",
  path: "/v1/campaigns/{id}",
  tags: ["Campaigns"],
  summary: "Update a campaign (send If-Match to refuse stale edits)",
  description: `event_id null detaches the campaign from its event. ${LIFECYCLE}`,
  permission: "campaigns:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateCampaignBody } } },
  },
  responses: { 200: one("Updated"), ...errorResponses(404, 409, 412) },
});

export const deleteCampaignRoute = authedRoute({
  method: "delete",
  path: "/v1/campaigns/{id}",
  tags: ["Campaigns"],
  summary: "Delete a campaign (restorable)",
  permission: "campaigns:write",
  request: { params: IdParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
});

export const restoreCampaignRoute = authedRoute({
  method: "post",
  path: "/v1/campaigns/{id}/restore",
  tags: ["Campaigns"],
  summary: "Restore a deleted campaign",
  permission: "campaigns:write",
  request: { params: IdParams },
  responses: { 200: one("Restored"), ...errorResponses(404) },
});

export function registerCampaigns(app: OpenAPIHono<AppEnv>) {
  app.openapi(createCampaignRoute, async (c) => {
    const campaign = await createCampaign(c.get("tenant"), c.req.valid("json"));
    c.header("etag", etagOf(campaign.updatedAt));
    c.header("location", `/v1/campaigns/${campaign.id}`);
    return c.json(toCampaign(campaign), 201);
  });
  app.openapi(listCampaignsRoute, async (c) => {
    const page = await listCampaigns(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toCampaign), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getCampaignRoute, async (c) => {
    const campaign = await getCampaign(c.get("tenant"), c.req.valid("param").id);
    c.header("etag", etagOf(campaign.updatedAt));
    return c.json(toCampaign(campaign), 200);
  });
  app.openapi(updateCampaignRoute, async (c) => {
    const campaign = await updateCampaign(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(campaign.updatedAt));
    return c.json(toCampaign(campaign), 200);
  });
  app.openapi(deleteCampaignRoute, async (c) => {
    await softDelete(c.get("tenant"), { table: campaigns, id: c.req.valid("param").id, entity: "campaign" });
    return c.body(null, 204);
  });
  app.openapi(restoreCampaignRoute, async (c) => {
    const campaign = await restore(c.get("tenant"), {
      table: campaigns,
      id: c.req.valid("param").id,
      entity: "campaign",
    });
    c.header("etag", etagOf(campaign.updatedAt));
    return c.json(toCampaign(campaign), 200);
  });
}
