/**
 * The inbound store's one write: an observation of an item, taken exactly once per organisation.
 *
 * Platforms deliver at least once and out of order, so an observation only changes what we hold
 * when it is newer than what we have (`observed_at`), and a deletion is final: the key row stays as
 * a tombstone, the item row loses its text, media and author display fields, and a creation that
 * arrives after its deletion is never stored. The key row (`inbound_item_keys`) is the uniqueness
 * the partitioned item table cannot have, and it names the item row's partition, so the item is
 * written by its full primary key. One statement per observation; a caller batches them.
 */
import { sql } from "drizzle-orm";
import { reading } from "../../db/batch.ts";
import type { Database } from "../../db/client.ts";
import type { InboundObservation } from "../../platform/social/inbound.ts";
import { mentionsReceivedEvents } from "../webhooks/events.ts";

/** An observation and what the caller knows of whose it is. */
export interface AddressedObservation {
  observation: InboundObservation;
  /** Our account it was delivered to or found for. */
  socialAccountId: string | null;
  /** The event it belongs to when the caller knows (an event's hashtag, the account's event). */
  eventId: string | null;
}

/** What storing an observation did: nothing (no row), or this, of the item it names. */
type StoredRow = {
  outcome: "created" | "updated" | "deleted";
  item_id: string;
  received_at: string;
  event_id: string | null;
};

/** An observation the store took (created, updated or deleted an item). */
export interface StoredItem {
  outcome: StoredRow["outcome"];
  itemId: string;
  receivedAt: Date;
  eventId: string | null;
  observation: InboundObservation;
}

/**
 * Statements storing each observation, read back as what each did (null: nothing, a duplicate or older
 * state), and the `mention.received` webhook events of the items new in this batch.
 */
export function storeAll(
  db: Database,
  organizationId: string,
  addressed: readonly AddressedObservation[],
  receivedAt: Date,
) {
  return reading(
    {
      stored: addressed.map((item) => storeObservation(db, organizationId, item, receivedAt)),
      mentions: addressed.length > 0 ? mentionsReceivedEvents(db, organizationId, receivedAt) : undefined,
    },
    ({ stored }) =>
      stored.map((result, index): StoredItem | null => {
        const row = result.rows[0];
        const item = addressed[index];
        return row && item
          ? {
              outcome: row.outcome,
              itemId: row.item_id,
              receivedAt: new Date(row.received_at),
              eventId: row.event_id,
              observation: item.observation,
            }
          : null;
      }),
  );
}

const textArray = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;

/**
 * PostgreSQL text holds neither U+0000 nor a lone surrogate, and a platform may send either (JSON
 * allows both): they are dropped or replaced (U+FFFD), so such an item is stored instead of failing
 * its delivery for ever.
 */
function storable<T extends string | null | undefined>(text: T): T {
  if (typeof text !== "string") return text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: U+0000 is the character removed
  const cleaned = text.replace(/\u0000/g, "");
  return (/[\uD800-\uDFFF]/.test(cleaned) ? wellFormed(cleaned) : cleaned) as T;
}

/** Lone surrogates as U+FFFD (String.prototype.toWellFormed, which ES2023's types do not know). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

function storableObservation(observation: InboundObservation): InboundObservation {
  const { content } = observation;
  return {
    ...observation,
    itemId: storable(observation.itemId),
    content: content && {
      ...content,
      url: storable(content.url),
      text: storable(content.text),
      language: storable(content.language),
      mediaUrls: content.mediaUrls.map(storable),
      author: {
        platformId: storable(content.author.platformId),
        handle: storable(content.author.handle),
        name: storable(content.author.name),
        avatarUrl: storable(content.author.avatarUrl),
        followers: content.author.followers,
        accountCreatedAt: content.author.accountCreatedAt,
      },
      inReplyTo: storable(content.inReplyTo),
      mentionedHandles: content.mentionedHandles.map(storable),
      hashtags: content.hashtags.map(storable),
    },
  };
}

/**
 * The statement storing one observation for `organizationId`. Its one row says what it did:
 * `created` (a new item), `updated` (a newer state), `deleted`, or nothing (a duplicate or an older
 * state: no row). Event: the caller's, else the account's, else the event of our post it answers,
 * else the event whose official hashtag it carries (nearest in time, among those not archived).
 */
export function storeObservation(
  db: Database,
  organizationId: string,
  { observation, socialAccountId, eventId }: AddressedObservation,
  receivedAt: Date,
) {
  const { platform, itemId, observedAt, content } = storableObservation(observation);
  const deletedAt = content ? null : observedAt;
  const author = content?.author;
  const hashtags = content?.hashtags ?? [];
  return db.execute<StoredRow>(sql`
    with key as (
      insert into inbound_item_keys as k
        (organization_id, platform, platform_item_id, received_at, observed_at, deleted_at)
      values (${organizationId}, ${platform}, ${itemId}, ${receivedAt}, ${observedAt}, ${deletedAt})
      on conflict (organization_id, platform, platform_item_id) do update
        set observed_at = excluded.observed_at, deleted_at = excluded.deleted_at
        where k.deleted_at is null
          and (excluded.deleted_at is not null or excluded.observed_at > k.observed_at)
      returning k.item_id, k.received_at, k.deleted_at, (k.xmax = 0) as created
    ),
    ours as (
      select p.id, c.event_id
      from published_posts p join content c on c.id = p.content_id and c.organization_id = p.organization_id
      where p.organization_id = ${organizationId} and p.platform = ${platform}
        and p.platform_post_id = ${content?.inReplyTo ?? null}
      limit 1
    ),
    written as (
      insert into inbound_items as i (
        id, received_at, organization_id, event_id, social_account_id, published_post_id, platform, kind,
        platform_item_id, platform_url, in_reply_to_platform_id, author_platform_id, author_handle,
        author_name, author_avatar_url, author_followers, author_created_at, text, language, media_urls, hashtags,
        mentioned_delegate_ids, platform_created_at, observed_at
      )
      select key.item_id, key.received_at, ${organizationId},
        coalesce(
          ${eventId}::uuid,
          (select a.event_id from social_accounts a
            where a.id = ${socialAccountId}::uuid and a.organization_id = ${organizationId}),
          (select ours.event_id from ours),
          (select e.id from events e
            where e.organization_id = ${organizationId} and e.deleted_at is null and e.status <> 'archived'
              and exists (select 1 from unnest(e.official_hashtags) h
                          where lower(ltrim(h, '#')) = any(${textArray(hashtags)}))
            order by abs(extract(epoch from (e.start_date - ${observedAt}::timestamptz))) limit 1)
        ),
        ${socialAccountId}::uuid, (select ours.id from ours), ${platform}, ${content?.kind ?? null},
        ${itemId}, ${content?.url ?? null}, ${content?.inReplyTo ?? null}, ${author?.platformId ?? null},
        ${author?.handle ?? null}, ${author?.name ?? null}, ${author?.avatarUrl ?? null},
        ${author?.followers ?? null}, ${author?.accountCreatedAt ?? null}, ${content?.text ?? null},
        ${content?.language ?? null},
        ${textArray(content?.mediaUrls ?? [])}, ${textArray(hashtags)},
        array(select d.id from delegates d
          where d.organization_id = ${organizationId} and d.deleted_at is null
            and lower(ltrim(d.social_handles ->> ${platform}, '@')) = any(${textArray(content?.mentionedHandles ?? [])})),
        ${content?.createdAt ?? null}, ${observedAt}
      from key where key.deleted_at is null
      on conflict (id, received_at) do update set
        kind = excluded.kind, platform_url = excluded.platform_url,
        in_reply_to_platform_id = excluded.in_reply_to_platform_id,
        published_post_id = coalesce(excluded.published_post_id, i.published_post_id),
        author_platform_id = excluded.author_platform_id, author_handle = excluded.author_handle,
        author_name = excluded.author_name, author_avatar_url = excluded.author_avatar_url,
        author_followers = excluded.author_followers, author_created_at = excluded.author_created_at,
        text = excluded.text, language = excluded.language,
        media_urls = excluded.media_urls, hashtags = excluded.hashtags,
        mentioned_delegate_ids = excluded.mentioned_delegate_ids,
        platform_created_at = coalesce(excluded.platform_created_at, i.platform_created_at),
        observed_at = excluded.observed_at, updated_at = now()
      returning i.id, i.event_id
    ),
    erased as (
      update inbound_items i set
        text = null, media_urls = '{}', author_name = null, author_avatar_url = null, hashtags = '{}',
        mentioned_delegate_ids = '{}', deleted_at = key.deleted_at, observed_at = key.deleted_at,
        updated_at = now()
      from key
      where key.deleted_at is not null and i.organization_id = ${organizationId}
        and i.id = key.item_id and i.received_at = key.received_at
      returning i.id, i.event_id
    )
    select case when key.deleted_at is not null then 'deleted'
                when key.created then 'created' else 'updated' end as outcome,
           key.item_id, key.received_at,
           coalesce((select event_id from written), (select event_id from erased)) as event_id
    from key
  `);
}
