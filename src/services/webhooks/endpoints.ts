/**
 * An organisation's webhook endpoints: create (the secret is answered once), list, read, change
 * (URL, event types, description, enabled), delete and rotate the secret. Every write is audited in
 * its own batch. URLs follow target-url.ts. Secrets are sealed with the endpoint's id as additional
 * data, so a rotation moves the current one to `previous_secret` in SQL without opening it.
 */
import { and, eq, sql } from "drizzle-orm";
import { typed } from "../../db/insert-select.ts";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { organizations } from "../../db/schema/organizations.ts";
import { type WebhookEndpoint, webhookEndpoints } from "../../db/schema/webhook-endpoints.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { isLocalStack } from "../../env.ts";
import { BadRequestError, ConflictError, NotFoundError } from "../../errors.ts";
import { open, seal } from "../../platform/secret-box.ts";
import { generateWebhookSecret } from "../../platform/standard-webhooks.ts";
import { auditEntry, diff } from "../audit/record.ts";
import { unchangedSince } from "../conditional.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { definedFields } from "../defined.ts";
import { type PageInput, type PageValue, pageStatement, paginate } from "../pagination.ts";
import type { WebhookEventType } from "./event-types.ts";
import { webhookUrlProblem } from "./target-url.ts";

/** Each event is fanned out to every subscribed endpoint in its batch: a bound keeps that small. */
export const MAX_ENDPOINTS = 20;
/** How long the secret a rotation replaced still signs deliveries (beside the new one). */
export const ROTATION_GRACE_SECONDS = 24 * 60 * 60;

export const webhookEndpointNotFound = () =>
  new NotFoundError("webhook_endpoint_not_found", "No such webhook endpoint in this organisation.");

/** 400 `webhook_url_not_allowed` unless the URL is one webhooks may be sent to. */
export function assertWebhookUrl(ctx: Pick<TenantContext, "config">, url: string): void {
  const problem = webhookUrlProblem(url, { allowLoopback: isLocalStack(ctx.config) });
  if (problem)
    throw new BadRequestError("webhook_url_not_allowed", `Webhooks cannot be sent to ${url}: ${problem}`);
}

const ownEndpoint = (ctx: Pick<TenantContext, "organizationId">, id: string) =>
  ownedBy(ctx, webhookEndpoints.organizationId, eq(webhookEndpoints.id, id));

export interface CreateWebhookEndpointInput {
  url: string;
  events: WebhookEventType[];
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

/**
 * One round trip: the endpoint (only while the organisation has fewer than `MAX_ENDPOINTS`, else 409
 * `webhook_endpoint_limit`) and its audit row. Answers the row and its secret, which is never shown again.
 */
export async function createWebhookEndpoint(
  ctx: TenantContext,
  input: CreateWebhookEndpointInput,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  assertWebhookUrl(ctx, input.url);
  const id = crypto.randomUUID();
  const secret = generateWebhookSecret();
  const sealed = await seal(ctx.config.TOKEN_ENCRYPTION_KEYS, secret, id);
  const enabled = input.enabled ?? true;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .insert(webhookEndpoints)
      .select(
        db
          .select({
            id: typed(webhookEndpoints.id, id).as("id"),
            organizationId: organizations.id,
            url: typed(webhookEndpoints.url, input.url).as("url"),
            description: typed(webhookEndpoints.description, input.description ?? null).as("description"),
            eventTypes: typed(webhookEndpoints.eventTypes, input.events).as("event_types"),
            secret: typed(webhookEndpoints.secret, sealed).as("secret"),
            previousSecret: sql`null`.as("previous_secret"),
            previousSecretExpiresAt: sql`null`.as("previous_secret_expires_at"),
            enabled: typed(webhookEndpoints.enabled, enabled).as("enabled"),
            disabledReason: sql`null`.as("disabled_reason"),
            disabledAt: sql`case when ${enabled} then null else now() end`.as("disabled_at"),
            createdBy: typed(webhookEndpoints.createdBy, actorUserId(ctx.actor)).as("created_by"),
            createdAt: sql`now()`.as("created_at"),
            updatedAt: sql`now()`.as("updated_at"),
          })
          .from(organizations)
          .where(
            and(
              eq(organizations.id, ctx.organizationId),
              sql`(select count(*) from ${webhookEndpoints} where ${webhookEndpoints.organizationId} = ${ctx.organizationId}) < ${MAX_ENDPOINTS}`,
            ),
          ),
      )
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "webhook_endpoint.create",
      entityType: "webhook_endpoint",
      entityId: id,
      changes: { url: input.url, events: input.events, description: input.description ?? null, enabled },
      guard: webhookEndpoints,
    }),
  }));
  const endpoint = rows[0];
  if (!endpoint) {
    throw new ConflictError(
      "webhook_endpoint_limit",
      `An organisation has at most ${MAX_ENDPOINTS} webhook endpoints; delete one first.`,
    );
  }
  return { endpoint, secret };
}

const newestFirst = { by: webhookEndpoints.createdAt, id: webhookEndpoints.id, direction: "desc" } as const;

/** A page of endpoints, rendered once per shape (db/prepared.ts). */
const endpointsPage = preparedStatement(
  "webhookEndpointsPage",
  (db, value: Value<"organizationId" | PageValue>, shape: { continued: boolean }) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: webhookEndpoints, key: page.key })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.organizationId, value("organizationId")), page.after))
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first; one round trip. */
export async function listWebhookEndpoints(ctx: TenantContext, input: PageInput) {
  const page = paginate(input, newestFirst);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: endpointsPage(
      db,
      { organizationId: ctx.organizationId, ...page.values },
      { continued: page.continued },
    ),
  }));
  return page.result(rows);
}

/** One round trip; 404 for another organisation's endpoint. */
export async function getWebhookEndpoint(ctx: TenantContext, id: string): Promise<WebhookEndpoint> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db.select().from(webhookEndpoints).where(ownEndpoint(ctx, id)),
  }));
  const endpoint = rows[0];
  if (!endpoint) throw webhookEndpointNotFound();
  return endpoint;
}

export interface UpdateWebhookEndpointInput {
  url?: string | undefined;
  events?: WebhookEventType[] | undefined;
  description?: string | null | undefined;
  enabled?: boolean | undefined;
}

/**
 * Two round trips: read, then the change guarded by what was read (409 `edit_conflict` if it changed
 * meanwhile, e.g. the deliverer disabled it) with its audit row. Enabling clears why it was disabled;
 * its waiting deliveries then go out.
 */
export async function updateWebhookEndpoint(
  ctx: TenantContext,
  id: string,
  patch: UpdateWebhookEndpointInput,
): Promise<WebhookEndpoint> {
  if (patch.url !== undefined) assertWebhookUrl(ctx, patch.url);
  const current = await getWebhookEndpoint(ctx, id);
  const set = definedFields({
    url: patch.url,
    eventTypes: patch.events,
    description: patch.description,
    enabled: patch.enabled,
  });
  const toggled =
    patch.enabled === undefined || patch.enabled === current.enabled
      ? {}
      : patch.enabled
        ? { disabledReason: null, disabledAt: null }
        : { disabledReason: null, disabledAt: ctx.now() };
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(webhookEndpoints)
      .set({ ...set, ...toggled, updatedAt: ctx.now() })
      .where(and(ownEndpoint(ctx, id), unchangedSince(webhookEndpoints.updatedAt, current.updatedAt)))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "webhook_endpoint.update",
      entityType: "webhook_endpoint",
      entityId: id,
      changes: diff(current as unknown as Record<string, unknown>, set),
      guard: webhookEndpoints,
    }),
  }));
  const updated = rows[0];
  if (updated) return updated;
  throw new ConflictError(
    "edit_conflict",
    "The webhook endpoint changed while you were saving; read it again.",
  );
}

/**
 * One round trip: the endpoint (its deliveries with it) and its audit row, written only when the
 * endpoint is there (the touch marks it as this transaction's); 404 when there is none.
 */
export async function deleteWebhookEndpoint(ctx: TenantContext, id: string): Promise<void> {
  const { gone } = await inTenant(ctx, (db) => ({
    touched: db.update(webhookEndpoints).set({ updatedAt: ctx.now() }).where(ownEndpoint(ctx, id)),
    audit: auditEntry(ctx, db, {
      action: "webhook_endpoint.delete",
      entityType: "webhook_endpoint",
      entityId: id,
      guard: webhookEndpoints,
    }),
    gone: db.delete(webhookEndpoints).where(ownEndpoint(ctx, id)).returning({ id: webhookEndpoints.id }),
  }));
  if (gone.length === 0) throw webhookEndpointNotFound();
}

/**
 * One round trip: a new secret, the current one kept as the previous for `ROTATION_GRACE_SECONDS`
 * (deliveries carry a signature by each meanwhile); a previous one still in its grace period is dropped.
 */
export async function rotateWebhookSecret(
  ctx: TenantContext,
  id: string,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = generateWebhookSecret();
  const sealed = await seal(ctx.config.TOKEN_ENCRYPTION_KEYS, secret, id);
  const until = new Date(ctx.now().getTime() + ROTATION_GRACE_SECONDS * 1000);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(webhookEndpoints)
      .set({
        previousSecret: sql`${webhookEndpoints.secret}`,
        previousSecretExpiresAt: until,
        secret: sealed,
        updatedAt: ctx.now(),
      })
      .where(ownEndpoint(ctx, id))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "webhook_endpoint.rotate_secret",
      entityType: "webhook_endpoint",
      entityId: id,
      changes: { previous_secret_expires_at: until.toISOString() },
      guard: webhookEndpoints,
    }),
  }));
  const endpoint = rows[0];
  if (!endpoint) throw webhookEndpointNotFound();
  return { endpoint, secret };
}

/** The secrets a delivery is signed with now: the current one, and the previous during its grace period. */
export async function signingSecrets(
  ctx: Pick<TenantContext, "config">,
  endpoint: Pick<WebhookEndpoint, "id" | "secret" | "previousSecret" | "previousSecretExpiresAt">,
  now: Date,
): Promise<string[]> {
  const keyring = ctx.config.TOKEN_ENCRYPTION_KEYS;
  const current = await open(keyring, endpoint.secret, endpoint.id);
  const previousValid =
    endpoint.previousSecret && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  return previousValid && endpoint.previousSecret
    ? [current, await open(keyring, endpoint.previousSecret, endpoint.id)]
    : [current];
}
