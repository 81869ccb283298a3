/**
 * An organisation's API keys: created by a signed-in user with a subset of that user's own
 * permissions (and optionally an expiry and one event), listed, read and revoked. Each write is one
 * round trip with its audit row; the key itself is in the answer to `createApiKey` only.
 */
import { and, eq, gt, isNotNull, isNull, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type ApiKey, apiKeys } from "../../db/schema/api-keys.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import {
  AppError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  titleOf,
  ValidationError,
} from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import { PERMISSIONS, type Permission } from "../auth/permissions.ts";
import type { TenantContext } from "../context.ts";
import { eventNotFound, liveEvent } from "../delegates/delegates.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import { newApiKey } from "./secret.ts";

export const API_KEY_STATUSES = ["active", "expired", "revoked"] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

export const apiKeyNotFound = () => new NotFoundError("api_key_not_found", "No such API key.");

export function apiKeyStatus(row: Pick<ApiKey, "revokedAt" | "expiresAt">, now: Date): ApiKeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt <= now) return "expired";
  return "active";
}

export interface CreateApiKeyInput {
  name: string;
  permissions: Permission[];
  event_id?: string | undefined;
  expires_at?: string | undefined;
}

/**
 * One round trip. Only a user creates keys (a key cannot mint keys), and only with permissions they
 * hold themselves: 403 `permission_not_held` names the others. A scoped key's event must be a live
 * event of the organisation (404 `event_not_found`); an expiry must be in the future.
 */
export async function createApiKey(
  ctx: TenantContext,
  input: CreateApiKeyInput,
): Promise<{ row: ApiKey; key: string }> {
  const { actor } = ctx;
  if (actor.type !== "user") {
    throw new ForbiddenError("api_key_not_allowed", "Only a signed-in user creates API keys.");
  }
  const missing = input.permissions.filter((p) => !actor.permissions.has(p));
  if (missing.length > 0) {
    throw new AppError(
      403,
      "permission_not_held",
      titleOf(403),
      `A key gets only permissions you hold yourself; you do not hold: ${missing.join(", ")}.`,
      { permissions: missing },
    );
  }
  const expiresAt = input.expires_at === undefined ? null : new Date(input.expires_at);
  if (expiresAt && expiresAt <= ctx.now()) {
    throw new ValidationError([
      { path: "json.expires_at", code: "in_the_past", message: "An expiry must be in the future." },
    ]);
  }
  // In the order of the permission table, whatever the order asked for.
  const permissions = PERMISSIONS.filter((p) => input.permissions.includes(p));
  const id = crypto.randomUUID();
  const secret = await newApiKey();
  const eventId = input.event_id ?? null;
  // With an event, the row is written only if the event is a live one of the organisation (a guarded
  // insert … select, so no read first); without, as given.
  const { rows } = await inTenant(ctx, (db) => ({
    rows: eventId
      ? db
          .insert(apiKeys)
          .select(
            db
              .select({
                id: typed(apiKeys.id, id).as("id"),
                organizationId: events.organizationId,
                name: typed(apiKeys.name, input.name).as("name"),
                prefix: typed(apiKeys.prefix, secret.prefix).as("prefix"),
                secretHash: typed(apiKeys.secretHash, secret.hash).as("secret_hash"),
                permissions: typed(apiKeys.permissions, permissions).as("permissions"),
                eventId: events.id,
                createdBy: typed(apiKeys.createdBy, actor.userId).as("created_by"),
                expiresAt: typed(apiKeys.expiresAt, expiresAt).as("expires_at"),
                lastUsedAt: sql`null`.as("last_used_at"),
                revokedAt: sql`null`.as("revoked_at"),
                windowStartedAt: sql`null`.as("window_started_at"),
                windowRequests: sql`0`.as("window_requests"),
                createdAt: sql`now()`.as("created_at"),
              })
              .from(events)
              .where(and(eq(events.id, eventId), liveEvent(ctx, eventId))),
          )
          .returning()
      : db
          .insert(apiKeys)
          .values({
            id,
            organizationId: ctx.organizationId,
            name: input.name,
            prefix: secret.prefix,
            secretHash: secret.hash,
            permissions,
            createdBy: actor.userId,
            expiresAt,
          })
          .returning(),
    audit: auditEntry(ctx, db, {
      action: "api_key.create",
      entityType: "api_key",
      entityId: id,
      changes: {
        name: input.name,
        prefix: secret.prefix,
        permissions,
        event_id: eventId,
        expires_at: expiresAt?.toISOString() ?? null,
      },
      guard: apiKeys,
    }),
  }));
  const row = rows[0];
  if (!row) throw eventNotFound();
  return { row, key: secret.key };
}

export async function getApiKey(ctx: TenantContext, id: string): Promise<ApiKey> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(apiKeys)
      .where(ownedBy(ctx, apiKeys.organizationId, eq(apiKeys.id, id))),
  }));
  const row = rows[0];
  if (!row) throw apiKeyNotFound();
  return row;
}

export interface ListApiKeysInput extends PageInput {
  status?: ApiKeyStatus | undefined;
  event_id?: string | undefined;
}

function statusIs(status: ApiKeyStatus | "any", now: SQLWrapper): SQL | undefined {
  switch (status) {
    case "revoked":
      return isNotNull(apiKeys.revokedAt);
    case "expired":
      return and(isNull(apiKeys.revokedAt), lte(apiKeys.expiresAt, now));
    case "active":
      return and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now)));
    default:
      return undefined;
  }
}

const newestFirst = { by: apiKeys.createdAt, id: apiKeys.id } as const;

/** A page of keys, rendered once per filters (db/prepared.ts). */
const apiKeysPage = preparedStatement(
  "apiKeysPage",
  (
    db,
    value: Value<"organizationId" | "now" | "eventId" | PageValue>,
    shape: { continued: boolean; status: ApiKeyStatus | "any"; eventId: boolean },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: apiKeys, key: page.key })
      .from(apiKeys)
      .where(
        and(
          eq(apiKeys.organizationId, value("organizationId")),
          statusIs(shape.status, value("now")),
          shape.eventId ? eq(apiKeys.eventId, value("eventId")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first, one round trip. */
export async function listApiKeys(ctx: TenantContext, input: ListApiKeysInput) {
  const page = paginate(input, newestFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: apiKeysPage(
      db,
      {
        organizationId: ctx.organizationId,
        now: ctx.now().toISOString(),
        eventId: input.event_id,
        ...page.values,
      },
      {
        continued: page.continued,
        status: input.status ?? "any",
        eventId: Boolean(input.event_id),
      },
    ),
  }));
  return page.result(rows);
}

/**
 * Revokes the key at once: its next request is 401 `api_key_revoked` (every request reads the row).
 * One round trip; 404 for no such key, 409 `api_key_revoked` when it already is.
 */
export async function revokeApiKey(ctx: TenantContext, id: string): Promise<ApiKey> {
  if (ctx.actor.type !== "user") {
    throw new ForbiddenError("api_key_not_allowed", "Only a signed-in user revokes API keys.");
  }
  const now = ctx.now();
  const { before, revoked } = await inTenant(ctx, (db) => ({
    before: db
      .select({ revokedAt: apiKeys.revokedAt })
      .from(apiKeys)
      .where(ownedBy(ctx, apiKeys.organizationId, eq(apiKeys.id, id))),
    revoked: db
      .update(apiKeys)
      .set({ revokedAt: now })
      .where(ownedBy(ctx, apiKeys.organizationId, eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: id,
      changes: { revoked_at: now.toISOString() },
      guard: apiKeys,
    }),
  }));
  const row = revoked[0];
  if (row) return row;
  if (!before[0]) throw apiKeyNotFound();
  throw new ConflictError("api_key_revoked", "This API key is already revoked.");
}
