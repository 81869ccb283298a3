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
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, PlatformSchema, withEtag } from "../common.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import {
  CampaignFields,
  CampaignSchema,
  CampaignStatusSchema,
  CampaignTypeSchema,
  toCampaign,
} from "./schema.ts";

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
  responses: { 201: withEtag(CampaignSchema, "Created"), ...errorResponses(404, 409) },
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
  registerLifecycle(app, {
    path: "/v1/campaigns/{id}",
    params: IdParams,
    tag: "Campaigns",
    noun: "a campaign",
    permissions: { read: "campaigns:read", write: "campaigns:write" },
    schema: CampaignSchema,
    toWire: toCampaign,
    get: (ctx, { id }) => getCampaign(ctx, id),
    update: {
      body: UpdateCampaignBody,
      run: (ctx, { id }, body, ifMatch) => updateCampaign(ctx, id, body, ifMatch),
    },
    ...softDeletes(campaigns, "campaign"),
    docs: { update: { description: `event_id null detaches the campaign from its event. ${LIFECYCLE}` } },
  });
}
