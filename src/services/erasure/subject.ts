/**
 * The person's own rows, deleted (physically: not a soft delete), a bounded chunk per step. Each
 * answers what it removed or cut, by kind, for the receipt. The subject's own row goes last, so a
 * step that fails leaves the erasure able to start again.
 */
import { sql } from "drizzle-orm";
import type { ErasureWorking } from "../../db/schema/erasures.ts";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import type { ObjectStepResult } from "./objects.ts";

const count = (n: number | undefined, kind: string): Record<string, number> => (n ? { [kind]: n } : {});

/** Takes the person's handles out of every wall's blocked and allowed authors (one statement: widgets are few). */
export async function wallFiltersStep(
  ctx: TenantContext,
  working: ErasureWorking,
): Promise<ObjectStepResult> {
  if (working.handles.length === 0) return { done: true };
  const handles = JSON.stringify(working.handles);
  const kept = (list: string) => sql`coalesce((
      select jsonb_agg(a order by n) from jsonb_array_elements(w.filters->${list}) with ordinality as e(a, n)
      where not exists (select 1 from jsonb_to_recordset(${handles}::jsonb) as h(platform text, handle text)
                        where h.platform = a->>'platform' and h.handle = lower(ltrim(a->>'handle', '@')))), '[]'::jsonb)`;
  const { updated } = await inTenant(ctx, (db) => ({
    updated: db.execute<{ n: number }>(sql`
      with changed as (
        update event_widgets w
           set filters = w.filters || jsonb_build_object('blocked_authors', ${kept("blocked_authors")},
                                                         'allowed_authors', ${kept("allowed_authors")}),
               updated_at = now()
         where w.organization_id = ${ctx.organizationId}
           and exists (select 1 from jsonb_array_elements(coalesce(w.filters->'blocked_authors', '[]') || coalesce(w.filters->'allowed_authors', '[]')) a
                       join jsonb_to_recordset(${handles}::jsonb) as h(platform text, handle text)
                         on h.platform = a->>'platform' and h.handle = lower(ltrim(a->>'handle', '@')))
        returning 1)
      select count(*)::int as n from changed`),
  }));
  return { done: true, redacted: count(updated.rows[0]?.n, "event_widgets") };
}

/** Inbound items stop listing the delegate among those they mention (the id would outlive its row). */
export async function mentionsChunk(
  ctx: TenantContext,
  delegateId: string,
  limit: number,
): Promise<ObjectStepResult> {
  const { updated } = await inTenant(ctx, (db) => ({
    updated: db.execute<{ n: number }>(sql`
      with batch as (
        select id, received_at from inbound_items
        where organization_id = ${ctx.organizationId} and mentioned_delegate_ids @> array[${delegateId}::uuid]
        limit ${limit}),
      changed as (
        update inbound_items i set mentioned_delegate_ids = array_remove(i.mentioned_delegate_ids, ${delegateId}::uuid)
        from batch b where i.id = b.id and i.received_at = b.received_at and i.organization_id = ${ctx.organizationId}
        returning 1)
      select count(*)::int as n from changed`),
  }));
  const n = updated.rows[0]?.n ?? 0;
  return { done: n < limit, redacted: count(n, "inbound_item_mentions") };
}

/**
 * The delegate's photo: its bytes (and anything stored beside them under its key) deleted from R2,
 * then its row, and its id out of the content that used it.
 */
export async function photoStep(ctx: TenantContext, delegateId: string): Promise<ObjectStepResult> {
  const { photo } = await inTenant(ctx, (db) => ({
    photo: db.execute<{ id: string; storage_key: string }>(sql`
      select m.id::text, m.storage_key from delegates d join media_assets m on m.id = d.photo_media_id
      where d.organization_id = ${ctx.organizationId} and d.id = ${delegateId} and m.organization_id = ${ctx.organizationId}`),
  }));
  const media = photo.rows[0];
  if (!media) return { done: true };
  const listed = await ctx.config.MEDIA.list({ prefix: media.storage_key });
  const keys = [...new Set([media.storage_key, ...listed.objects.map((o) => o.key)])];
  await ctx.config.MEDIA.delete(keys);
  const { content, deleted } = await inTenant(ctx, (db) => ({
    content: db.execute<{ n: number }>(sql`
      with changed as (
        update content set media_assets = array_remove(media_assets, ${media.id}::uuid), updated_at = now()
        where organization_id = ${ctx.organizationId} and media_assets @> array[${media.id}::uuid]
        returning 1)
      select count(*)::int as n from changed`),
    deleted: db.execute<{ n: number }>(sql`
      with gone as (delete from media_assets where organization_id = ${ctx.organizationId} and id = ${media.id} returning 1)
      select count(*)::int as n from gone`),
  }));
  return {
    done: true,
    removed: { ...count(deleted.rows[0]?.n, "media_assets"), media_objects: listed.objects.length },
    redacted: count(content.rows[0]?.n, "content_media_refs"),
  };
}

/** The delegate's row, and with it (foreign keys) their places in the agenda's sessions. */
export async function deleteDelegateStep(ctx: TenantContext, delegateId: string): Promise<ObjectStepResult> {
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ speakers: number; delegates: number }>(sql`
      with speakers as (
        select count(*)::int as n from event_session_speakers
        where organization_id = ${ctx.organizationId} and delegate_id = ${delegateId}),
      gone as (delete from delegates where organization_id = ${ctx.organizationId} and id = ${delegateId} returning 1)
      select (select n from speakers) as speakers, (select count(*) from gone)::int as delegates`),
  }));
  const row = result.rows[0];
  return {
    done: true,
    removed: {
      ...count(row?.delegates, "delegates"),
      ...(row?.delegates ? count(row.speakers, "event_session_speakers") : {}),
    },
  };
}

/**
 * What the user wrote on approvals: their comments, and the notifications that carried them to
 * others (`approval:<action id>` is such a notification's dedupe key).
 */
export async function approvalCommentsChunk(
  ctx: TenantContext,
  userId: string,
  limit: number,
): Promise<ObjectStepResult> {
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ actions: number; notifications: number }>(sql`
      with acts as (
        select id from approval_actions
        where organization_id = ${ctx.organizationId} and actioned_by = ${userId} and comment is not null
        limit ${limit}),
      told as (
        update notifications n set message = null
        from acts a
        where n.organization_id = ${ctx.organizationId} and n.message is not null
          and n.dedupe_key like 'approval:' || a.id::text || '%'
        returning 1),
      cut as (
        update approval_actions t set comment = null from acts a
        where t.id = a.id and t.organization_id = ${ctx.organizationId}
        returning 1)
      select (select count(*) from cut)::int as actions, (select count(*) from told)::int as notifications`),
  }));
  const row = result.rows[0];
  return {
    done: (row?.actions ?? 0) < limit,
    redacted: { ...count(row?.actions, "approval_actions"), ...count(row?.notifications, "notifications") },
  };
}

/**
 * The user's row, and with it (foreign keys) their sessions, recovery codes and notifications; rows
 * that name them as an actor keep the row and lose the id (the audit trail's `user_id` too, the one
 * change its trigger allows). The organisation's last active owner is never deleted.
 */
export async function deleteUserStep(ctx: TenantContext, userId: string): Promise<ObjectStepResult> {
  const org = ctx.organizationId;
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ users: number; notifications: number; refresh_tokens: number; mfa: number }>(sql`
      with counted as (
        select (select count(*) from notifications where organization_id = ${org} and user_id = ${userId})::int as notifications,
               (select count(*) from refresh_tokens where organization_id = ${org} and user_id = ${userId})::int as refresh_tokens,
               (select count(*) from mfa_recovery_codes where organization_id = ${org} and user_id = ${userId})::int as mfa),
      gone as (
        delete from users u where u.organization_id = ${org} and u.id = ${userId}
          and not (u.role = 'owner' and u.is_active and u.deleted_at is null
                   and not exists (select 1 from users o where o.organization_id = ${org} and o.id <> u.id
                                     and o.role = 'owner' and o.is_active and o.deleted_at is null))
        returning 1)
      select (select count(*) from gone)::int as users, c.notifications, c.refresh_tokens, c.mfa from counted c`),
  }));
  const row = result.rows[0];
  if (!row?.users) throw new Error("the user could not be deleted: the organisation's last active owner");
  return {
    done: true,
    removed: {
      users: 1,
      ...count(row.notifications, "notifications"),
      // Not named by their tables: the audit trail redacts keys that look like secrets.
      ...count(row.refresh_tokens, "sessions"),
      ...count(row.mfa, "mfa_codes"),
    },
  };
}

/**
 * A chunk of what the author wrote: the items, their sentiment, and the items' keys kept as
 * tombstones, so a platform that delivers an item again cannot bring it back. Their ids are kept on
 * the erasure: archived sentiment of these items goes too (objects.ts). Before the archives step, so
 * retention can no longer archive an item that erasure has passed.
 */
export async function authoredChunk(
  ctx: TenantContext,
  working: ErasureWorking,
  limit: number,
): Promise<ObjectStepResult> {
  const author = working.handles[0];
  if (!author) return { done: true };
  const org = ctx.organizationId;
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ items: number; sentiment: number; ids: string[] }>(sql`
      with doomed as (
        select id, received_at, platform_item_id from inbound_items
        where organization_id = ${org} and platform = ${author.platform}
          and lower(ltrim(author_handle, '@')) = ${author.handle}
        limit ${limit}),
      judged as (
        delete from sentiment_analysis s
        where s.organization_id = ${org} and s.inbound_item_id in (select id from doomed)
        returning 1),
      tombstoned as (
        update inbound_item_keys k set deleted_at = coalesce(k.deleted_at, now())
        from doomed d
        where k.organization_id = ${org} and k.platform = ${author.platform} and k.platform_item_id = d.platform_item_id
        returning 1),
      gone as (
        delete from inbound_items i using doomed d
        where i.organization_id = ${org} and i.id = d.id and i.received_at = d.received_at
        returning 1)
      select (select count(*) from gone)::int as items, (select count(*) from judged)::int as sentiment,
             (select count(*) from tombstoned)::int as keys,
             array(select id::text from doomed) as ids`),
  }));
  const row = result.rows[0];
  const ids = row?.ids ?? [];
  return {
    done: (row?.items ?? 0) < limit,
    removed: { ...count(row?.items, "inbound_items"), ...count(row?.sentiment, "sentiment_analysis") },
    ...(ids.length > 0 ? { working: { ...working, item_ids: [...working.item_ids, ...ids] } } : {}),
  };
}

/** Sentiment rows of the author's items that only archives still held (their ids gathered from them). */
export async function archivedSentimentChunk(
  ctx: TenantContext,
  working: ErasureWorking,
  limit: number,
): Promise<ObjectStepResult> {
  if (working.item_ids.length === 0) return { done: true };
  const { result } = await inTenant(ctx, (db) => ({
    result: db.execute<{ n: number }>(sql`
      with doomed as (
        select id, analyzed_at from sentiment_analysis
        where organization_id = ${ctx.organizationId}
          and inbound_item_id = any(${`{${working.item_ids.join(",")}}`}::uuid[])
        limit ${limit}),
      gone as (
        delete from sentiment_analysis s using doomed d
        where s.organization_id = ${ctx.organizationId} and s.id = d.id and s.analyzed_at = d.analyzed_at
        returning 1)
      select count(*)::int as n from gone`),
  }));
  const n = result.rows[0]?.n ?? 0;
  return { done: n < limit, removed: count(n, "sentiment_analysis") };
}
