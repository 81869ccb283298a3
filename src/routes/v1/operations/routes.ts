/**
 * The operations view of an event (services/operations/view.ts): everything the event-day desk
 * watches, in one request and one round trip. It is live, so nothing is cached.
 */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { readEventOperations } from "../../../services/operations/view.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { EventOperationsSchema } from "./schema.ts";

const bounded = (min: number, max: number, fallback: number, description: string) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(max)
    .optional()
    .openapi({ description: `${description} (${min}–${max}, default ${fallback})` });

const OperationsQuerySchema = z.strictObject({
  window_minutes: bounded(5, 1440, 60, "What goes out within this many minutes"),
  failed_hours: bounded(1, 168, 24, "What failed within this many hours"),
  token_hours: bounded(1, 720, 24, "Accounts whose token runs out within this many hours"),
  trending_hours: bounded(1, 72, 3, "What the posts gained over this many hours"),
  limit: bounded(1, 100, 20, "Rows per section; each section's `total` counts them all"),
});

export const eventOperationsRoute = authedRoute({
  method: "get",
  path: "/v1/events/{id}/operations",
  tags: ["Events"],
  summary: "The event right now: what goes out next, stuck approvals, failures, accounts, pauses, trends",
  description:
    "One request, one snapshot. `upcoming`: the waiting posts due within `window_minutes` (overdue ones too), each with what holds it when it is due (a pause, an embargo, its account). `approvals`: the pending approval requests of the event's content, earliest deadline first, with whose turn it is and since when. `failed`: posts that failed within `failed_hours`, with the reason and the last attempt. `accounts`: the accounts its posts go through that must be reconnected (refused renewal, expired, or running out within `token_hours` with nothing to renew them). `pauses`: those in force. `trending`: the event's top posts by interactions, what its posts gained over `trending_hours` (the dashboard's figures) and the latest sentiment alert. Not cached: `Cache-Control: no-store`.",
  permission: "events:read",
  request: { params: IdParams, query: OperationsQuerySchema },
  responses: {
    200: {
      description: "The operations view",
      content: { "application/json": { schema: EventOperationsSchema } },
    },
    ...errorResponses(404),
  },
});

export function registerOperations(app: OpenAPIHono<AppEnv>) {
  app.openapi(eventOperationsRoute, async (c) => {
    const query = c.req.valid("query");
    const view = await readEventOperations(c.get("tenant"), {
      eventId: c.req.valid("param").id,
      windowMinutes: query.window_minutes ?? 60,
      failedHours: query.failed_hours ?? 24,
      tokenHours: query.token_hours ?? 24,
      trendingHours: query.trending_hours ?? 3,
      limit: query.limit ?? 20,
    });
    c.header("cache-control", "no-store");
    return c.json(view, 200);
  });
}
