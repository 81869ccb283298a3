/** Inbound items: observations to store, and the store read back as the application role sees it. */
import { neon } from "@neondatabase/serverless";
import { and, eq } from "drizzle-orm";
import { inject } from "vitest";
import type { Platform } from "../../src/db/schema/columns.ts";
import { type InboundFailure, inboundFailures } from "../../src/db/schema/inbound-failures.ts";
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
            author: {
              platformId: "42",
              handle: "someone",
              name: "Some One",
              avatarUrl: null,
              followers: 12,
              accountCreatedAt: null,
            },
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

/** A delivery of the organisation's that could not be stored (the row only; nothing kept in R2). */
export async function createInboundFailure(
  organizationId: string,
  overrides: Partial<typeof inboundFailures.$inferInsert> = {},
): Promise<InboundFailure> {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .insert(inboundFailures)
      .values({
        organizationId,
        platform: "x",
        deliveryId: crypto.randomUUID().replaceAll("-", ""),
        error: "the database did not answer",
        attempts: 4,
        ...overrides,
      })
      .returning(),
  }));
  const [row] = rows;
  if (!row) throw new Error("the failure was not stored");
  return row;
}

/**
 * Makes PostgreSQL refuse to store the platform item `itemId` (a trigger installed as the owner),
 * until `restore` drops it: a delivery that fails for good while the database answers.
 */
export async function refuseInboundItem(itemId: string): Promise<{ restore: () => Promise<void> }> {
  testDb(); // points the driver at the local proxy
  const owner = neon(inject("adminUrl"));
  const name = `test_refuse_item_${crypto.randomUUID().replaceAll("-", "")}`;
  await owner.query(`
    create or replace function test_refuse_inbound_item() returns trigger language plpgsql as $$
    begin
      raise exception 'inbound item refused for this test';
    end $$`);
  await owner.query(
    `create trigger ${name} before insert on inbound_item_keys for each row
       when (new.platform_item_id = '${itemId.replaceAll("'", "''")}') execute function test_refuse_inbound_item()`,
  );
  return { restore: () => owner.query(`drop trigger if exists ${name} on inbound_item_keys`).then(() => {}) };
}
