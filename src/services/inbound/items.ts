/** Reading the inbound store: what came back from the platforms, filtered, searched and paged. */
import { and, eq, gte, isNull, lt, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import type { Platform } from "../../db/schema/columns.ts";
import { type InboundItem, inboundItems } from "../../db/schema/inbound-items.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import { NotFoundError } from "../../errors.ts";
import type { InboundKind } from "../../platform/social/inbound.ts";
import type { TenantContext } from "../context.ts";
import {
  byRelevance,
  type PageInput,
  type PageOrder,
  type PageValue,
  pageStatement,
  paginate,
  webSearch,
} from "../pagination.ts";

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

/** By relevance to `q` when searching, else newest arrival first. */
const itemOrder = (search: boolean, value?: Value<"q">): PageOrder =>
  search
    ? byRelevance(inboundItems.searchVector, inboundItems.id, value)
    : { by: inboundItems.receivedAt, id: inboundItems.id };

/** A page of inbound items, rendered once per filters and order (db/prepared.ts). */
const itemsPage = preparedStatement(
  "inboundItemsPage",
  (
    db,
    value: Value<
      | "organizationId"
      | "eventId"
      | "platform"
      | "kind"
      | "delegateId"
      | "publishedPostId"
      | "from"
      | "until"
      | "q"
      | PageValue
    >,
    shape: {
      continued: boolean;
      includeDeleted: boolean;
      eventId: boolean;
      platform: boolean;
      kind: boolean;
      delegateId: boolean;
      publishedPostId: boolean;
      from: boolean;
      until: boolean;
      q: boolean;
    },
  ) => {
    const page = pageStatement(itemOrder(shape.q, value), shape.continued, value);
    return db
      .select({ row: inboundItems, key: page.key })
      .from(inboundItems)
      .where(
        and(
          eq(inboundItems.organizationId, value("organizationId")),
          shape.includeDeleted ? undefined : isNull(inboundItems.deletedAt),
          shape.eventId ? eq(inboundItems.eventId, value("eventId")) : undefined,
          shape.platform ? eq(inboundItems.platform, value("platform")) : undefined,
          shape.kind ? eq(inboundItems.kind, value("kind")) : undefined,
          shape.delegateId
            ? sql`${inboundItems.mentionedDelegateIds} @> array[${value("delegateId")}::uuid]`
            : undefined,
          shape.publishedPostId ? eq(inboundItems.publishedPostId, value("publishedPostId")) : undefined,
          shape.from ? gte(inboundItems.receivedAt, value("from")) : undefined,
          shape.until ? lt(inboundItems.receivedAt, value("until")) : undefined,
          shape.q ? sql`${inboundItems.searchVector} @@ ${webSearch(value("q"))}` : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/**
 * Newest first by arrival, or by relevance with `q`; one round trip. The arrival bounds prune the
 * monthly partitions; the `@@` match uses the GIN index on `search_vector`.
 */
export async function listInboundItems(ctx: TenantContext, input: ListInboundItemsInput) {
  const search = Boolean(input.q);
  const page = paginate(input, itemOrder(search));
  // `to` is inclusive to the millisecond: everything before the next millisecond.
  const until = input.to ? new Date(input.to.getTime() + 1) : undefined;
  const { rows } = await inTenant(ctx, (db) => ({
    rows: itemsPage(
      db,
      {
        organizationId: ctx.organizationId,
        eventId: input.event_id,
        platform: input.platform,
        kind: input.kind,
        delegateId: input.delegate_id,
        publishedPostId: input.published_post_id,
        from: input.from?.toISOString(),
        until: until?.toISOString(),
        q: input.q,
        ...page.values,
      },
      {
        continued: page.continued,
        includeDeleted: Boolean(input.include_deleted),
        eventId: Boolean(input.event_id),
        platform: Boolean(input.platform),
        kind: Boolean(input.kind),
        delegateId: Boolean(input.delegate_id),
        publishedPostId: Boolean(input.published_post_id),
        from: Boolean(input.from),
        until: until !== undefined,
        q: search,
      },
    ),
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
