/**
 * An event's public face: whether its widgets are on, the public key that addresses them, and how its
 * wall is moderated. Every change moves the event's live version on, so cached public answers and
 * open widgets follow at once (a key switched off or rotated away answers 404 from then on).
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  DEFAULT_WALL_FILTERS,
  type EventWidgets,
  eventWidgets,
  type ModerationMode,
  type WallFilters,
} from "../../db/schema/event-widgets.ts";
import { events } from "../../db/schema/events.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import { auditEntry } from "../audit/record.ts";
import type { TenantContext } from "../context.ts";
import { publishLive } from "../public/live.ts";

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** 12 characters from 62 (71 bits), without modulo bias. */
export function newPublicKey(): string {
  let key = "";
  while (key.length < 12) {
    for (const byte of crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < 248 && key.length < 12) key += ALPHABET[byte % 62];
    }
  }
  return key;
}

export const eventNotFoundInOrganization = () =>
  new NotFoundError("event_not_found", "No such event in this organisation.");

export interface WidgetsInput {
  enabled?: boolean;
  moderation?: ModerationMode;
  filters?: Partial<WallFilters>;
  show_official_posts?: boolean;
}

function readWidgets(ctx: TenantContext, db: Database, eventId: string) {
  return {
    event: db
      .select({ id: events.id })
      .from(events)
      .where(ownedBy(ctx, events.organizationId, eq(events.id, eventId), isNull(events.deletedAt))),
    widgets: db
      .select()
      .from(eventWidgets)
      .where(ownedBy(ctx, eventWidgets.organizationId, eq(eventWidgets.eventId, eventId))),
  };
}

/** The settings, or what they would be (off, no key yet). One round trip. */
export async function getWidgets(ctx: TenantContext, eventId: string): Promise<EventWidgets | null> {
  const { event, widgets } = await inTenant(ctx, (db) => readWidgets(ctx, db, eventId));
  if (!event[0]) throw eventNotFoundInOrganization();
  return widgets[0] ?? null;
}

/**
 * Creates or changes the settings (the first time with a new public key); audited with what changed.
 * Two round trips: read, then the write and its audit row.
 */
export async function updateWidgets(
  ctx: TenantContext,
  eventId: string,
  input: WidgetsInput,
): Promise<EventWidgets> {
  const current = await getWidgets(ctx, eventId);
  const next = {
    enabled: input.enabled ?? current?.enabled ?? false,
    moderation: input.moderation ?? current?.moderation ?? "automatic",
    filters: { ...DEFAULT_WALL_FILTERS, ...current?.filters, ...input.filters },
    showOfficialPosts: input.show_official_posts ?? current?.showOfficialPosts ?? true,
  };
  const changes = Object.fromEntries(
    (Object.keys(next) as Array<keyof typeof next>)
      .filter((field) => JSON.stringify(current?.[field]) !== JSON.stringify(next[field]))
      .map((field) => [field, { from: current?.[field] ?? null, to: next[field] }]),
  );
  const { saved } = await inTenant(ctx, (db) => ({
    saved: db
      .insert(eventWidgets)
      .values({ eventId, organizationId: ctx.organizationId, publicKey: newPublicKey(), ...next })
      .onConflictDoUpdate({ target: eventWidgets.eventId, set: next })
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "event.widgets_update",
      entityType: "event",
      entityId: eventId,
      changes,
    }),
  }));
  const widgets = saved[0];
  if (!widgets) throw eventNotFoundInOrganization();
  await publishLive(ctx.config, widgets.publicKey, [{ type: "refresh" }]);
  return widgets;
}

/** A new public key: every embed with the old one stops (404). Audited; two round trips. */
export async function rotatePublicKey(ctx: TenantContext, eventId: string): Promise<EventWidgets> {
  const current = await getWidgets(ctx, eventId);
  if (!current) throw new NotFoundError("widgets_not_set_up", "Switch the event's widgets on first.");
  const publicKey = newPublicKey();
  const { saved } = await inTenant(ctx, (db) => ({
    saved: db
      .update(eventWidgets)
      .set({ publicKey })
      .where(and(ownedBy(ctx, eventWidgets.organizationId, eq(eventWidgets.eventId, eventId))))
      .returning(),
    audit: auditEntry(ctx, db, {
      action: "event.widgets_key_rotate",
      entityType: "event",
      entityId: eventId,
      changes: { public_key: { from: current.publicKey, to: publicKey } },
    }),
  }));
  const widgets = saved[0];
  if (!widgets) throw eventNotFoundInOrganization();
  // The old key's cached answers must stop at once: its version moves on and its reads find nothing.
  await publishLive(ctx.config, current.publicKey, [{ type: "refresh" }]);
  return widgets;
}
