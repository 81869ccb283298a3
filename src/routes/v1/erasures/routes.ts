/**
 * /v1/erasures: a person's data erased on request (a delegate, a user, an inbound author), in the
 * background; the erasure is its own receipt, which never holds the person's data.
 */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { getErasure, listErasures, requestErasure } from "../../../services/erasure/erasures.ts";
import { listResponse } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { CreateErasureBody, ErasureSchema, ListErasuresQuery, toErasure } from "./schema.ts";

const TAGS = ["Data lifecycle"];

const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const createErasureRoute = authedRoute({
  method: "post",
  path: "/v1/erasures",
  tags: TAGS,
  summary: "Erase a person's data",
  description:
    "Removes a delegate's, a user's or an inbound author's personal data everywhere the organisation holds it: their rows, their name, address and handles cut out of every version of content and every other text, their photo's bytes, exports, retention archives (rewritten, still verifiable), kept webhook deliveries and the public cache (README, \"Data lifecycle\"). Answers 202 at once with the receipt; poll `GET /v1/erasures/{id}`. The same person asked for again while their erasure runs answers that erasure. 404 `user_not_found` / `delegate_not_found`; 409 `last_owner` for the organisation's last active owner. Audited as `erasure.create` and `erasure.complete` with ids and counts only. Only a signed-in owner or admin may erase.",
  permission: "data:erase",
  apiKeys: false,
  request: { body: { required: true, content: { "application/json": { schema: CreateErasureBody } } } },
  responses: {
    202: {
      ...json(ErasureSchema, "Accepted; the erasure is queued (or already under way)"),
      headers: { Location: { schema: { type: "string" as const }, description: "The erasure's receipt" } },
    },
    ...errorResponses(404),
  },
});

export const listErasuresRoute = authedRoute({
  method: "get",
  path: "/v1/erasures",
  tags: TAGS,
  summary: "List the organisation's erasures, newest first",
  permission: "data:erase",
  apiKeys: false,
  request: { query: ListErasuresQuery },
  responses: { 200: json(listResponse(ErasureSchema, "ErasureList"), "A page") },
});

export const getErasureRoute = authedRoute({
  method: "get",
  path: "/v1/erasures/{id}",
  tags: TAGS,
  summary: "An erasure's receipt: what kinds of records went, how many, and when",
  permission: "data:erase",
  apiKeys: false,
  request: { params: IdParams },
  responses: { 200: json(ErasureSchema, "The erasure"), ...errorResponses(404) },
});

export function registerErasures(app: OpenAPIHono<AppEnv>) {
  app.openapi(createErasureRoute, async (c) => {
    const { erasure } = await requestErasure(c.get("tenant"), c.req.valid("json").subject);
    c.header("location", `/v1/erasures/${erasure.id}`);
    return c.json(toErasure(erasure), 202);
  });
  app.openapi(listErasuresRoute, async (c) => {
    const page = await listErasures(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toErasure), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getErasureRoute, async (c) => {
    const erasure = await getErasure(c.get("tenant"), c.req.valid("param").id);
    return c.json(toErasure(erasure), 200);
  });
}
