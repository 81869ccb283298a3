/** /v1/api-keys: an organisation's keys for server-to-server calls: create (shown once), list, read, revoke. */
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from "../../../services/api-keys/keys.ts";
import { listResponse } from "../../../services/pagination.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams } from "../common.ts";
import { ApiKeySchema, CreateApiKeyBody, CreatedApiKeySchema, ListApiKeysQuery, toApiKey } from "./schema.ts";

const TAGS = ["API keys"];

const json = <T>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

export const createApiKeyRoute = authedRoute({
  method: "post",
  path: "/v1/api-keys",
  tags: TAGS,
  summary: "Create an API key (the key is in this answer only)",
  description:
    "A key for your own systems to call the API with, as Authorization: Bearer gk_live_…, instead of a user's access token. It holds the permissions given here, each one you hold yourself (403 permission_not_held); optionally an expiry and one event it is limited to. Only its SHA-256 is stored: keep the key from this answer, it cannot be shown again. Every request made with it is audited as the key (actor_type api_key) and counted against its budget (API_KEY_RATE_LIMIT a minute, 600 by default; past it 429 rate_limited with Retry-After; every answer carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset). Only a signed-in user creates keys.",
  permission: "api_keys:write",
  apiKeys: false,
  request: { body: { required: true, content: { "application/json": { schema: CreateApiKeyBody } } } },
  responses: {
    201: {
      ...json(CreatedApiKeySchema, "Created; `key` is shown this once"),
      headers: { Location: { schema: { type: "string" as const }, description: "The key's resource" } },
    },
    ...errorResponses(404),
  },
});

export const listApiKeysRoute = authedRoute({
  method: "get",
  path: "/v1/api-keys",
  tags: TAGS,
  summary: "List the organisation's API keys, newest first",
  permission: "api_keys:read",
  request: { query: ListApiKeysQuery },
  responses: { 200: json(listResponse(ApiKeySchema, "ApiKeyList"), "A page") },
});

export const getApiKeyRoute = authedRoute({
  method: "get",
  path: "/v1/api-keys/{id}",
  tags: TAGS,
  summary: "Read an API key (never the key itself)",
  permission: "api_keys:read",
  request: { params: IdParams },
  responses: { 200: json(ApiKeySchema, "The key"), ...errorResponses(404) },
});

export const revokeApiKeyRoute = authedRoute({
  method: "post",
  path: "/v1/api-keys/{id}/revoke",
  tags: TAGS,
  summary: "Revoke an API key, at once",
  description:
    "The key's very next request answers 401 api_key_revoked (every request reads the key's row; nothing caches it). Revoking cannot be undone: create a new key. 409 api_key_revoked when it already is. Only a signed-in user revokes keys.",
  permission: "api_keys:write",
  apiKeys: false,
  request: { params: IdParams },
  responses: { 200: json(ApiKeySchema, "Revoked"), ...errorResponses(404) },
});

export function registerApiKeys(app: OpenAPIHono<AppEnv>) {
  app.openapi(createApiKeyRoute, async (c) => {
    const ctx = c.get("tenant");
    const { row, key } = await createApiKey(ctx, c.req.valid("json"));
    c.header("location", `/v1/api-keys/${row.id}`);
    // A response that holds a secret is never stored by a cache on the way.
    c.header("cache-control", "no-store");
    const wire = toApiKey(row, ctx.now());
    // The key is never stored, not even as the answer an Idempotency-Key replays.
    c.set("replayBody", JSON.stringify({ ...wire, key: null }));
    return c.json({ ...wire, key }, 201);
  });
  app.openapi(listApiKeysRoute, async (c) => {
    const ctx = c.get("tenant");
    const page = await listApiKeys(ctx, c.req.valid("query"));
    const now = ctx.now();
    return c.json({ data: page.data.map((row) => toApiKey(row, now)), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getApiKeyRoute, async (c) => {
    const ctx = c.get("tenant");
    return c.json(toApiKey(await getApiKey(ctx, c.req.valid("param").id), ctx.now()), 200);
  });
  app.openapi(revokeApiKeyRoute, async (c) => {
    const ctx = c.get("tenant");
    return c.json(toApiKey(await revokeApiKey(ctx, c.req.valid("param").id), ctx.now()), 200);
  });
}
