/** /v1/inbound-failures: webhook deliveries that could not be stored, and replaying them. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import type { InboundFailure } from "../../../db/schema/inbound-failures.ts";
import { MAX_AUTOMATIC_REPLAYS, nextReplayAt } from "../../../services/inbound/delivery-archive.ts";
import { listInboundFailures, replayInboundFailure } from "../../../services/inbound/failures.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, PlatformSchema } from "../common.ts";

const InboundFailureSchema = z
  .object({
    id: z.uuid(),
    platform: PlatformSchema,
    delivery_id: z
      .string()
      .openapi({ description: "SHA-256 of the delivery's body, as the webhook answered it" }),
    error: z.string().openapi({ description: "Why it could not be stored, the last time it was tried" }),
    attempts: z.number().int().openapi({ description: "Tries in its last pass through the queues" }),
    replays: z.number().int().openapi({ description: "Times it was sent through the queue again" }),
    next_replay_at: z.iso
      .datetime()
      .nullable()
      .openapi({
        description: `When the cron sends it again (after 15 minutes, doubling, ${MAX_AUTOMATIC_REPLAYS} times); null once resolved or after the last automatic replay`,
      }),
    first_failed_at: z.iso.datetime(),
    last_failed_at: z.iso.datetime(),
    resolved_at: z.iso.datetime().nullable().openapi({ description: "When a replay stored it" }),
  })
  .openapi("InboundFailure");

function toInboundFailure(row: InboundFailure): z.infer<typeof InboundFailureSchema> {
  const next = row.resolvedAt ? null : nextReplayAt(row.lastFailedAt, row.replays);
  return {
    id: row.id,
    platform: row.platform as z.infer<typeof PlatformSchema>,
    delivery_id: row.deliveryId,
    error: row.error,
    attempts: row.attempts,
    replays: row.replays,
    next_replay_at: next?.toISOString() ?? null,
    first_failed_at: row.firstFailedAt.toISOString(),
    last_failed_at: row.lastFailedAt.toISOString(),
    resolved_at: row.resolvedAt?.toISOString() ?? null,
  };
}

export const listInboundFailuresRoute = authedRoute({
  method: "get",
  path: "/v1/inbound-failures",
  tags: ["Listening"],
  summary: "Webhook deliveries that could not be stored, most recent first",
  description:
    "A delivery the ingest queue could not store after its retries and its dead-letter queue is kept, listed here for each organisation holding the account it was for (owners and admins are notified once), and sent through the queue again by the cron with backoff. `status`: `open` (default), `resolved` (a replay stored it) or `all`.",
  permission: "social_accounts:read",
  request: {
    query: PaginationQuery.extend({ status: z.enum(["open", "resolved", "all"]).optional() }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(InboundFailureSchema, "InboundFailureList") } },
    },
  },
});

export const replayInboundFailureRoute = authedRoute({
  method: "post",
  path: "/v1/inbound-failures/{id}/replay",
  tags: ["Listening"],
  summary: "Send a failed delivery through the ingest queue again, now",
  description:
    "The kept delivery goes to the ingest queue at once; when it is stored the failure is resolved. 409 `delivery_not_kept` when it is no longer kept (an earlier replay stored it, or one is under way).",
  permission: "social_accounts:write",
  request: { params: IdParams },
  responses: {
    202: {
      description: "Queued; `resolved_at` is set once it is stored",
      content: { "application/json": { schema: InboundFailureSchema } },
    },
    ...errorResponses(404),
  },
});

export function registerInboundFailures(app: OpenAPIHono<AppEnv>) {
  app.openapi(listInboundFailuresRoute, async (c) => {
    const page = await listInboundFailures(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toInboundFailure), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(replayInboundFailureRoute, async (c) => {
    const failure = await replayInboundFailure(c.get("tenant"), c.req.valid("param").id);
    return c.json(toInboundFailure(failure), 202);
  });
}
