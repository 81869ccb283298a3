/** Inbound items: observations to store, and the store read back as the application role sees it. */
import { and, eq } from "drizzle-orm";
import type { Platform } from "../../src/db/schema/columns.ts";
import { type InboundItem, inboundItems } from "../../src/db/schema/inbound-items.ts";
import { inTenant } from "../../src/db/tenant.ts";
import type { InboundContent, InboundObservation } from "../../src/platform/social/inbound.ts";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { systemContext } from "./content.ts";
import { testDb } from "./tenants.ts";

/** A mention on X unless told otherwise. */
export function observation(
  overrides: Partial<Omit<InboundObservation, "content">> & { content?: Partial<InboundContent> | null } = {},
): InboundObservation {
  const { content, ...rest } = overrides;
  const itemId = rest.itemId ?? `item-${crypto.randomUUID()}`;
  return {
    platform: "x",
    recipient: null,
    itemId,
    observedAt: new Date("2026-12-01T10:00:00Z"),
    ...rest,
    content:
      content === null
        ? null
        : {
            kind: "mention",
            url: `https://x.com/someone/status/${itemId}`,
            text: "Great keynote at the summit",
            language: "en",
            mediaUrls: ["https://pbs.twimg.com/media/one.jpg"],
            author: { platformId: "42", handle: "someone", name: "Some One", avatarUrl: null, followers: 12 },
            inReplyTo: null,
            mentionedHandles: [],
            hashtags: [],
            createdAt: new Date("2026-12-01T09:59:00Z"),
            ...content,
          },
  };
}

export async function inboundItemsOf(
  organizationId: string,
  filter: { platform?: Platform; itemId?: string } = {},
): Promise<InboundItem[]> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(inboundItems)
      .where(
        and(
          eq(inboundItems.organizationId, organizationId),
          filter.platform ? eq(inboundItems.platform, filter.platform) : undefined,
          filter.itemId ? eq(inboundItems.platformItemId, filter.itemId) : undefined,
        ),
      ),
  }));
  return rows;
}

/** One stored item of the organisation (an X mention unless told otherwise). */
export async function createInboundItem(
  organizationId: string,
  overrides: Parameters<typeof observation>[0] = {},
  addressing: { socialAccountId?: string | null; eventId?: string | null; receivedAt?: Date } = {},
): Promise<InboundItem> {
  const seen = observation(overrides);
  await storeObservations(
    systemContext(organizationId),
    [
      {
        observation: seen,
        socialAccountId: addressing.socialAccountId ?? null,
        eventId: addressing.eventId ?? null,
      },
    ],
    addressing.receivedAt ?? new Date(),
  );
  const [item] = await inboundItemsOf(organizationId, { platform: seen.platform, itemId: seen.itemId });
  if (!item) throw new Error("the item was not stored");
  return item;
}
