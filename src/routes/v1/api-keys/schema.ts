import { z } from "@hono/zod-openapi";
import type { ApiKey } from "../../../db/schema/api-keys.ts";
import { API_KEY_STATUSES, apiKeyStatus } from "../../../services/api-keys/keys.ts";
import { PERMISSIONS, type Permission } from "../../../services/auth/permissions.ts";
import { PaginationQuery } from "../../../services/pagination.ts";
import { DateTimeSchema, SetOf } from "../common.ts";

export const EVENT_SCOPE_DESCRIPTION =
  "Limits the key to this event (a live event of the organisation, else 404 event_not_found): the event itself, its phases, delegates, widgets and wall, its campaigns and content, their approval requests, published posts, publish attempts and metrics, its inbound items and sentiment. Another event's ids answer 404 and lists hold only this event's rows; content or campaigns tied to no event are outside the scope too, and a write that would put a row outside it (a new event, content without this event) is 403 outside_api_key_scope. Organisation-wide resources (media, templates, workflows, social accounts, users, the audit trail, API keys) are not narrowed: the key's permissions govern them.";

export const ApiKeySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().openapi({
      description: "The key's first 16 characters, to recognise it by; never enough to use it",
      example: "gk_live_ab12cd34",
    }),
    permissions: z.array(z.enum(PERMISSIONS)),
    event_id: z.uuid().nullable().openapi({ description: "The one event the key is limited to, if any" }),
    status: z.enum(API_KEY_STATUSES),
    created_by: z.uuid().nullable(),
    created_at: z.iso.datetime(),
    expires_at: z.iso.datetime().nullable(),
    last_used_at: z.iso.datetime().nullable().openapi({ description: "Its last authenticated request" }),
    revoked_at: z.iso.datetime().nullable(),
  })
  .openapi("ApiKey");

export const CreatedApiKeySchema = ApiKeySchema.extend({
  key: z.string().nullable().openapi({
    description:
      "The key itself, shown this once and stored only as its SHA-256: send it as Authorization: Bearer <key>. null in a replay (Idempotent-Replayed: true), which cannot show it again",
    example: "gk_live_ab12cd34EXAMPLEexampleEXAMPLEexampleEXAMP",
  }),
}).openapi("CreatedApiKey");

export const CreateApiKeyBody = z
  .strictObject({
    name: z.string().trim().min(1).max(100).openapi({ example: "CRM sync" }),
    permissions: SetOf(z.enum(PERMISSIONS), PERMISSIONS.length, 1).openapi({
      description:
        "What the key may do: permissions you hold yourself (else 403 permission_not_held, naming the others)",
      example: ["events:read", "content:read", "content:write"],
    }),
    event_id: z.uuid().optional().openapi({ description: EVENT_SCOPE_DESCRIPTION }),
    expires_at: DateTimeSchema.optional().openapi({
      description: "When the key stops working; in the future (else 400 in_the_past). None: until revoked",
      example: "2027-12-31T23:59:59Z",
    }),
  })
  .openapi("CreateApiKeyRequest", {
    example: {
      name: "CRM sync",
      permissions: ["events:read", "content:read", "content:write"],
      expires_at: "2027-12-31T23:59:59Z",
    },
  });

export const ListApiKeysQuery = PaginationQuery.extend({
  status: z.enum(API_KEY_STATUSES).optional().openapi({ description: "Only keys in this state" }),
  event_id: z.uuid().optional().openapi({ description: "Only keys limited to this event" }),
});

export function toApiKey(row: ApiKey, now: Date): z.infer<typeof ApiKeySchema> {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    permissions: row.permissions as Permission[],
    event_id: row.eventId,
    status: apiKeyStatus(row, now),
    created_by: row.createdBy,
    created_at: row.createdAt.toISOString(),
    expires_at: row.expiresAt?.toISOString() ?? null,
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  };
}
