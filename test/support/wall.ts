/** Public widgets and wall items, written like the Worker writes (application role, tenant set). */
import { and, eq } from "drizzle-orm";
import {
  DEFAULT_WALL_FILTERS,
  type EventWidgets,
  eventWidgets,
  type WallFilters,
  type WallStatus,
} from "../../src/db/schema/event-widgets.ts";
import { inboundItems } from "../../src/db/schema/inbound-items.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { newPublicKey } from "../../src/services/wall/widgets.ts";
import { createEvent } from "./events.ts";
import { createInboundItem, type observation } from "./inbound.ts";
import { testDb } from "./tenants.ts";

declare global {
  namespace Cloudflare {
    interface Env {
      /** A rate limiter of 3 a minute (test only, vitest.config.ts): swap it in to see a 429. */
      TIGHT_RATE_LIMITER: RateLimit;
    }
  }
}

/** An event with its widgets on (automatic moderation unless told otherwise). */
export async function createWidgetEvent(
  organizationId: string,
  overrides: { moderation?: "automatic" | "manual"; filters?: Partial<WallFilters>; enabled?: boolean } = {},
): Promise<{ event: Awaited<ReturnType<typeof createEvent>>; widgets: EventWidgets }> {
  const event = await createEvent(organizationId);
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .insert(eventWidgets)
      .values({
        eventId: event.id,
        organizationId,
        publicKey: newPublicKey(),
        enabled: overrides.enabled ?? true,
        moderation: overrides.moderation ?? "automatic",
        filters: { ...DEFAULT_WALL_FILTERS, ...overrides.filters },
      })
      .returning(),
  }));
  return { event, widgets: rows[0]! };
}

/** An inbound item of the event with a wall status (approved unless told otherwise). */
export async function createWallItem(
  organizationId: string,
  eventId: string,
  options: { status?: WallStatus; pinned?: boolean } & Parameters<typeof observation>[0] = {},
) {
  const { status, pinned, ...seen } = options;
  const item = await createInboundItem(organizationId, seen, { eventId });
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .update(inboundItems)
      .set({ wallStatus: status ?? "approved", pinnedAt: pinned ? new Date() : null })
      .where(and(eq(inboundItems.id, item.id), eq(inboundItems.receivedAt, item.receivedAt)))
      .returning(),
  }));
  return rows[0]!;
}
