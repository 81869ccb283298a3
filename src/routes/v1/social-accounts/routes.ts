/** /v1/social-accounts: list, read, update (event, active), disconnect (soft delete) and restore. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { socialAccounts } from "../../../db/schema/social-accounts.ts";
import { etagOf } from "../../../services/conditional.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  getSocialAccount,
  listSocialAccounts,
  SOCIAL_ACCOUNT_SORTS,
  updateSocialAccount,
} from "../../../services/social-accounts/accounts.ts";
import { restore, softDelete } from "../../../services/soft-delete.ts";
import { authedRoute } from "../../define.ts";
import { errorResponses } from "../../openapi.ts";
import { IdParams, IfMatchHeader, PlatformSchema } from "../common.ts";
import { registerSocialAccountConnections } from "./connect.ts";
import { ConnectionStatusSchema, one, SocialAccountSchema, toSocialAccount } from "./schema.ts";

const UpdateSocialAccountBody = z
  .strictObject({
    event_id: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: "A live event of the organisation, or null" }),
    is_active: z.boolean().optional().openapi({ description: "false pauses posting to the account" }),
  })
  .openapi("UpdateSocialAccountRequest", { example: { is_active: false } });

export const listSocialAccountsRoute = authedRoute({
  method: "get",
  path: "/v1/social-accounts",
  tags: ["Social accounts"],
  summary: "List connected social accounts",
  permission: "social_accounts:read",
  request: {
    query: PaginationQuery.extend({
      platform: PlatformSchema.optional(),
      event_id: z.uuid().optional(),
      connection_status: ConnectionStatusSchema.optional(),
      is_active: z
        .enum(["true", "false"])
        .transform((v) => v === "true")
        .optional(),
      sort: z
        .enum(SOCIAL_ACCOUNT_SORTS)
        .optional()
        .openapi({ description: "A field; a leading - sorts descending (default -created_at)" }),
    }),
  },
  responses: {
    200: {
      description: "A page",
      content: { "application/json": { schema: listResponse(SocialAccountSchema, "SocialAccountList") } },
    },
  },
});

export const getSocialAccountRoute = authedRoute({
  method: "get",
  path: "/v1/social-accounts/{id}",
  tags: ["Social accounts"],
  summary: "Read a social account",
  permission: "social_accounts:read",
  request: { params: IdParams },
  responses: { 200: one("The account"), ...errorResponses(404) },
});

export const updateSocialAccountRoute = authedRoute({
  method: "patch",
  path: "/v1/social-accounts/{id}",
  tags: ["Social accounts"],
  summary: "Tie an account to an event, or pause it (send If-Match to refuse stale edits)",
  permission: "social_accounts:write",
  request: {
    params: IdParams,
    headers: IfMatchHeader,
    body: { required: true, content: { "application/json": { schema: UpdateSocialAccountBody } } },
  },
  responses: { 200: one("Updated"), ...errorResponses(404, 409, 412) },
});

export const deleteSocialAccountRoute = authedRoute({
  method: "delete",
  path: "/v1/social-accounts/{id}",
  tags: ["Social accounts"],
  summary: "Disconnect an account (restorable; connecting it again also brings it back)",
  permission: "social_accounts:write",
  request: { params: IdParams },
  responses: { 204: { description: "Disconnected" }, ...errorResponses(404) },
});

export const restoreSocialAccountRoute = authedRoute({
  method: "post",
  path: "/v1/social-accounts/{id}/restore",
  tags: ["Social accounts"],
  summary: "Restore a disconnected account",
  permission: "social_accounts:write",
  request: { params: IdParams },
  responses: { 200: one("Restored"), ...errorResponses(404) },
});

export function registerSocialAccounts(app: OpenAPIHono<AppEnv>) {
  registerSocialAccountConnections(app);
  app.openapi(listSocialAccountsRoute, async (c) => {
    const page = await listSocialAccounts(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toSocialAccount), next_cursor: page.next_cursor }, 200);
  });
  app.openapi(getSocialAccountRoute, async (c) => {
    const account = await getSocialAccount(c.get("tenant"), c.req.valid("param").id);
    c.header("etag", etagOf(account.updatedAt));
    return c.json(toSocialAccount(account), 200);
  });
  app.openapi(updateSocialAccountRoute, async (c) => {
    const account = await updateSocialAccount(
      c.get("tenant"),
      c.req.valid("param").id,
      c.req.valid("json"),
      c.req.valid("header")["if-match"],
    );
    c.header("etag", etagOf(account.updatedAt));
    return c.json(toSocialAccount(account), 200);
  });
  app.openapi(deleteSocialAccountRoute, async (c) => {
    await softDelete(c.get("tenant"), {
      table: socialAccounts,
      id: c.req.valid("param").id,
      entity: "social_account",
    });
    return c.body(null, 204);
  });
  app.openapi(restoreSocialAccountRoute, async (c) => {
    const account = await restore(c.get("tenant"), {
      table: socialAccounts,
      id: c.req.valid("param").id,
      entity: "social_account",
    });
    c.header("etag", etagOf(account.updatedAt));
    return c.json(toSocialAccount(account), 200);
  });
}
