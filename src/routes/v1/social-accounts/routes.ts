/** /v1/social-accounts: list, read, update (event, active), disconnect (soft delete) and restore. */
import { type OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../../../app-env.ts";
import { socialAccounts } from "../../../db/schema/social-accounts.ts";
import { listResponse, PaginationQuery } from "../../../services/pagination.ts";
import {
  getSocialAccount,
  listSocialAccounts,
  SOCIAL_ACCOUNT_SORTS,
  updateSocialAccount,
} from "../../../services/social-accounts/accounts.ts";
import { authedRoute } from "../../define.ts";
import { IdParams, PlatformSchema } from "../common.ts";
import { registerLifecycle, softDeletes } from "../lifecycle.ts";
import { ConnectionStatusSchema, SocialAccountSchema, toSocialAccount } from "./schema.ts";

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

export function registerSocialAccounts(app: OpenAPIHono<AppEnv>) {
  app.openapi(listSocialAccountsRoute, async (c) => {
    const page = await listSocialAccounts(c.get("tenant"), c.req.valid("query"));
    return c.json({ data: page.data.map(toSocialAccount), next_cursor: page.next_cursor }, 200);
  });
  registerLifecycle(app, {
    path: "/v1/social-accounts/{id}",
    params: IdParams,
    tag: "Social accounts",
    noun: "a social account",
    permissions: { read: "social_accounts:read", write: "social_accounts:write" },
    schema: SocialAccountSchema,
    toWire: toSocialAccount,
    get: (ctx, { id }) => getSocialAccount(ctx, id),
    update: {
      body: UpdateSocialAccountBody,
      run: (ctx, { id }, body, ifMatch) => updateSocialAccount(ctx, id, body, ifMatch),
    },
    ...softDeletes(socialAccounts, "social_account"),
    docs: {
      update: { summary: "Tie an account to an event, or pause it (send If-Match to refuse stale edits)" },
      delete: {
        summary: "Disconnect an account (restorable; connecting it again also brings it back)",
        responses: { 204: { description: "Disconnected" } },
      },
      restore: { summary: "Restore a disconnected account" },
    },
  });
}
