/**
 * /v1/webhook-endpoints: where an organisation's systems hear what happens (signed outbound webhooks,
 * Standard Webhooks): create, list, read, change, delete, rotate the secret, the delivery log, a
 * replay and a test event. Owners and admins (`integrations:*`).
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  listWebhookDeliveries,
  replayWebhookDelivery,
  sendTestWebhook,
} from "../../../services/webhooks/deliveries.ts";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  MAX_ENDPOINTS,
  ROTATION_GRACE_SECONDS,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "../../../services/webhooks/endpoints.ts";
import { MAX_DELIVERY_ATTEMPTS } from "../../../services/webhooks/retry-policy.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import {
  CreateWebhookEndpointBody,
  toWebhookDelivery,
  toWebhookEndpoint,
  UpdateWebhookEndpointBody,
  WebhookDeliverySchema,
  WebhookDeliveryStatusSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
  WebhookEventTypeSchema,
} from "./schema.ts";

const TAG = "Outbound webhooks";
const BASE = "/v1/webhook-endpoints";

const DeliveryParams = IdParams.extend({
  delivery_id: z
    .uuid()
    .openapi({ param: { name: "delivery_id", in: "path" }, example: "0d6f0f4e-0000-4000-8000-000000000012" }),
});

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const createWebhookEndpointRoute = authedRoute({
  method: "post",
  path: BASE,
  tags: [TAG],
  summary: "Create a webhook endpoint (its signing secret is in this answer only)",
  description: `Deliveries are signed as the Standard Webhooks specification says (\`webhook-id\`, \`webhook-timestamp\`, \`webhook-signature\`). At most ${MAX_ENDPOINTS} endpoints per organisation (409 \`webhook_endpoint_limit\`).`,
  permission: "integrations:write",
  request: {
    body: { required: true, content: { "application/json": { schema: CreateWebhookEndpointBody } } },
  },
  responses: { 201: json(WebhookEndpointWithSecretSchema, "Created, with its secret") },
});

export const listWebhookEndpointsRoute = authedRoute({
  method: "get",
  path: BASE,
  tags: [TAG],
  summary: "List webhook endpoints, newest first",
  permission: "integrations:read",
  request: { query: PaginationQuery },
  responses: { 200: json(listResponse(WebhookEndpointSchema, "WebhookEndpointList"), "A page") },
});

export const getWebhookEndpointRoute = authedRoute({
  method: "get",
  path: `${BASE}/{id}`,
  tags: [TAG],
  summary: "Read a webhook endpoint",
  permission: "integrations:read",
  request: { params: IdParams },
  responses: { 200: json(WebhookEndpointSchema, "The endpoint"), ...errorResponses(404) },
});

export const updateWebhookEndpointRoute = authedRoute({
  method: "patch",
  path: `${BASE}/{id}`,
  tags: [TAG],
  summary: "Change a webhook endpoint's URL, events or description, or enable or disable it",
  description:
    "Enabling an endpoint Guddu disabled clears `disabled_reason`; the deliveries that waited go out within a minute. Events that happened while it was disabled are not delivered. 409 `edit_conflict` when it changed meanwhile.",
  permission: "integrations:write",
  request: {
    params: IdParams,
    body: { required: true, content: { "application/json": { schema: UpdateWebhookEndpointBody } } },
  },
  responses: { 200: json(WebhookEndpointSchema, "Changed"), ...errorResponses(404, 409) },
});

export const deleteWebhookEndpointRoute = authedRoute({
  method: "delete",
  path: `${BASE}/{id}`,
  tags: [TAG],
  summary: "Delete a webhook endpoint and its delivery log",
  permission: "integrations:write",
  request: { params: IdParams },
  responses: { 204: { description: "Deleted" }, ...errorResponses(404) },
});

export const rotateWebhookSecretRoute = authedRoute({
  method: "post",
  path: `${BASE}/{id}/rotate-secret`,
  tags: [TAG],
  summary: "Rotate the signing secret (the new one is in this answer only)",
  description: `The previous secret keeps signing for ${ROTATION_GRACE_SECONDS / 3600} hours: meanwhile \`webhook-signature\` carries two \`v1,\` signatures, one by each, so a receiver verifies with either while it switches. Rotating again ends the previous one's grace at once.`,
  permission: "integrations:write",
  request: { params: IdParams },
  responses: {
    200: json(WebhookEndpointWithSecretSchema, "Rotated, with the new secret"),
    ...errorResponses(404),
  },
});

export const testWebhookEndpointRoute = authedRoute({
  method: "post",
  path: `${BASE}/{id}/test`,
  tags: [TAG],
  summary: "Send a `webhook.test` event to the endpoint now",
  description:
    "One attempt, even to a disabled endpoint, never retried and never disabling it; its answer shows in the delivery log.",
  permission: "integrations:write",
  request: { params: IdParams },
  responses: { 202: json(WebhookDeliverySchema, "Queued"), ...errorResponses(404) },
});

export const listWebhookDeliveriesRoute = authedRoute({
  method: "get",
  path: `${BASE}/{id}/deliveries`,
  tags: [TAG],
  summary: "The endpoint's delivery log, newest first",
  description: `Each delivery with the body it sent, its attempts (at most ${MAX_DELIVERY_ATTEMPTS}), and the last attempt's answer: status, the start of its body, how long it took.`,
  permission: "integrations:read",
  request: {
    params: IdParams,
    query: PaginationQuery.extend({
      status: WebhookDeliveryStatusSchema.optional(),
      event_type: z.union([WebhookEventTypeSchema, z.literal("webhook.test")]).optional(),
    }),
  },
  responses: {
    200: json(listResponse(WebhookDeliverySchema, "WebhookDeliveryList"), "A page"),
    ...errorResponses(404),
  },
});

export const replayWebhookDeliveryRoute = authedRoute({
  method: "post",
  path: `${BASE}/{id}/deliveries/{delivery_id}/replay`,
  tags: [TAG],
  summary: "Send a finished delivery's event again (same `webhook-id` and body)",
  description:
    "A new delivery, sent now, after any unfinished delivery about the same resource. 409 `webhook_endpoint_disabled` (enable the endpoint first) or `webhook_delivery_unfinished` (it is still being tried).",
  permission: "integrations:write",
  request: { params: DeliveryParams },
  responses: { 202: json(WebhookDeliverySchema, "Queued"), ...errorResponses(404, 409) },
});

export function registerWebhookEndpoints(app: OpenAPIHono<AppEnv>) {
  app.openapi(createWebhookEndpointRoute, async (c) => {
    const tenant = c.get("tenant");
    const { endpoint, secret } = await createWebhookEndpoint(tenant, c.req.valid("json"));
    c.header("location", `${BASE}/${endpoint.id}`);
    return c.json({ ...toWebhookEndpoint(endpoint, tenant.now()), secret }, 201);
  });
  app.openapi(listWebhookEndpointsRoute, async (c) => {
    const tenant = c.get("tenant");
    const page = await listWebhookEndpoints(tenant, c.req.valid("query"));
    const now = tenant.now();
    return c.json(
      { data: page.data.map((row) => toWebhookEndpoint(row, now)), next_cursor: page.next_cursor },
      200,
    );
  });
  app.openapi(getWebhookEndpointRoute, async (c) => {
    const tenant = c.get("tenant");
    const endpoint = await getWebhookEndpoint(tenant, c.req.valid("param").id);
    return c.json(toWebhookEndpoint(endpoint, tenant.now()), 200);
  });
  app.openapi(updateWebhookEndpointRoute, async (c) => {
    const tenant = c.get("tenant");
    const endpoint = await updateWebhookEndpoint(tenant, c.req.valid("param").id, c.req.valid("json"));
    return c.json(toWebhookEndpoint(endpoint, tenant.now()), 200);
  });
  app.openapi(deleteWebhookEndpointRoute, async (c) => {
    await deleteWebhookEndpoint(c.get("tenant"), c.req.valid("param").id);
    return c.body(null, 204);
  });
  app.openapi(rotateWebhookSecretRoute, async (c) => {
    const tenant = c.get("tenant");
    const { endpoint, secret } = await rotateWebhookSecret(tenant, c.req.valid("param").id);
    return c.json({ ...toWebhookEndpoint(endpoint, tenant.now()), secret }, 200);
  });
  app.openapi(testWebhookEndpointRoute, async (c) => {
    const delivery = await sendTestWebhook(c.get("tenant"), c.req.valid("param").id);
    return c.json(toWebhookDelivery(delivery), 202);
  });
  app.openapi(listWebhookDeliveriesRoute, async (c) => {
    const { id } = c.req.valid("param");
    const page = await listWebhookDeliveries(c.get("tenant"), id, c.req.valid("query"));
    return c.json(
      {
        data: page.data.map(({ event, ...delivery }) => toWebhookDelivery({ delivery, event })),
        next_cursor: page.next_cursor,
      },
      200,
    );
  });
  app.openapi(replayWebhookDeliveryRoute, async (c) => {
    const { id, delivery_id: deliveryId } = c.req.valid("param");
    const delivery = await replayWebhookDelivery(c.get("tenant"), id, deliveryId);
    return c.json(toWebhookDelivery(delivery), 202);
  });
}
