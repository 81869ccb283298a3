/** Reading the inbound store: what came back from the platforms, filtered, searched and paged. */
import { and, arrayContains, eq, gte, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import { type InboundItem, inboundItems } from "../../db/schema/inbound-items.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { InboundKind } from "../../platform/social/inbound.ts";
import type { TenantContext } from "../context.ts";
import { type PageInput, paginate } from "../pagination.ts";

export interface ListInboundItemsInput extends PageInput {
  event_id?: string;
  platform?: Platform;
  kind?: InboundKind;
  /** Items mentioning this delegate. */
  delegate_id?: string;
  /** Items answering this published post of ours. */
  published_post_id?: string;
  /** Inclusive bound on when the item first arrived. */
  from?: Date;
  /** Inclusive bound (to the millisecond) on when the item first arrived. */
  to?: Date;
  /** Full text over the text and the author's handle and name (web-search syntax). */
  q?: string;
  /** Also the items deleted on the platform (their text and media are gone). Default false. */
  include_deleted?: boolean;
}

/**
 * Newest first by arrival, or by relevance with `q`; one round trip. The arrival bounds prune the
 * monthly partitions; the `@@` match uses the GIN index on `search_vector`.
 */
export async function listInboundItems(ctx: TenantContext, input: ListInboundItemsInput) {
  const query = input.q ? sql`websearch_to_tsquery('simple', ${input.q})` : undefined;
  const page = query
    ? paginate(input, {
        by: { sql: sql`ts_rank(${inboundItems.searchVector}, ${query})`, type: "real" },
        id: inboundItems.id,
      })
    : paginate(input, { by: inboundItems.receivedAt, id: inboundItems.id });
  const filters: Array<SQL | undefined> = [
    input.include_deleted ? undefined : isNull(inboundItems.deletedAt),
    input.event_id ? eq(inboundItems.eventId, input.event_id) : undefined,
    input.platform ? eq(inboundItems.platform, input.platform) : undefined,
    input.kind ? eq(inboundItems.kind, input.kind) : undefined,
    input.delegate_id ? arrayContains(inboundItems.mentionedDelegateIds, [input.delegate_id]) : undefined,
    input.published_post_id ? eq(inboundItems.publishedPostId, input.published_post_id) : undefined,
    input.from ? gte(inboundItems.receivedAt, input.from) : undefined,
    input.to ? lt(inboundItems.receivedAt, new Date(input.to.getTime() + 1)) : undefined,
    query ? sql`${inboundItems.searchVector} @@ ${query}` : undefined,
  ];
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select({ row: inboundItems, key: page.key })
      .from(inboundItems)
      .where(ownedBy(ctx, inboundItems.organizationId, ...filters, page.after))
      .orderBy(...page.orderBy)
      .limit(page.fetch),
  }));
  return page.result(rows);
}

export const inboundItemNotFound = () =>
  new NotFoundError("inbound_item_not_found", "No such inbound item in this organisation.");

/** One item, deleted ones included (they say they were deleted). One round trip. */
export async function getInboundItem(ctx: TenantContext, id: string): Promise<InboundItem> {
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .select()
      .from(inboundItems)
      .where(and(ownedBy(ctx, inboundItems.organizationId, eq(inboundItems.id, id)))),
  }));
  const row = rows[0];
  if (!row) throw inboundItemNotFound();
  return row;
}
