import { z } from "@hono/zod-openapi";
import { CONNECTION_STATUSES, type SocialAccount } from "../../../db/schema/social-accounts.ts";
import { PlatformSchema } from "../common.ts";

export const ConnectionStatusSchema = z.enum(CONNECTION_STATUSES);

/** An account as the API shows it: never a token, not even sealed. */
export const SocialAccountSchema = z
  .object({
    id: z.uuid(),
    platform: PlatformSchema,
    platform_user_id: z.string(),
    username: z.string().nullable(),
    event_id: z.uuid().nullable(),
    is_active: z.boolean(),
    connection_status: ConnectionStatusSchema.openapi({
      description:
        "reauth_required: the platform refused to renew access; posts to the account wait until it is connected again (status_reason says why)",
    }),
    status_reason: z.string().nullable(),
    token_expires_at: z.iso
      .datetime()
      .nullable()
      .openapi({ description: "When the current access token expires" }),
    token_refreshed_at: z.iso.datetime().nullable().openapi({
      description:
        "When the tokens were last issued (connected or refreshed); while a refresh runs, when it started",
    }),
    metadata: z.record(z.string(), z.unknown()).openapi({ description: "Platform facts, never secrets" }),
    connected_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("SocialAccount");

export function toSocialAccount(row: SocialAccount): z.infer<typeof SocialAccountSchema> {
  return {
    id: row.id,
    platform: row.platform,
    platform_user_id: row.platformUserId,
    username: row.username,
    event_id: row.eventId,
    is_active: row.isActive,
    connection_status: row.connectionStatus,
    status_reason: row.statusReason,
    token_expires_at: row.tokenExpiresAt?.toISOString() ?? null,
    token_refreshed_at: row.tokenRefreshedAt?.toISOString() ?? null,
    metadata: row.metadata,
    connected_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
