/**
 * An erasure's first step: what to look for and where to purge, read in one round trip while the
 * person's rows still exist, and kept on the erasure (`working`) until it ends. A subject that is
 * gone (a delegate or user deleted for good meanwhile) leaves nothing to plan: the erasure fails.
 */
import { sql } from "drizzle-orm";
import type { Platform } from "../../db/schema/columns.ts";
import type { Erasure, ErasureWorking } from "../../db/schema/erasures.ts";
import { inTenant } from "../../db/tenant.ts";
import type { TenantContext } from "../context.ts";
import { filePath, inboundImagePath, wallItemId } from "../public/wall-item.ts";
import { distinctTerms, handleTerm, nameTerms, normalHandle } from "./terms.ts";

/** Avatars and images of an author's wall items purged from the public cache, at most. */
const MAX_CACHED_ITEMS = 500;
/** Display names an author used, at most (each is a term). */
const MAX_AUTHOR_NAMES = 50;

/** The platform and handle of an inbound author's erasure, from its running subject key. */
export function authorOf(row: Pick<Erasure, "subjectKey" | "subjectPlatform">): {
  platform: Platform;
  handle: string;
} | null {
  const prefix = `inbound_author:${row.subjectPlatform}:`;
  if (!row.subjectPlatform || !row.subjectKey?.startsWith(prefix)) return null;
  return { platform: row.subjectPlatform, handle: row.subjectKey.slice(prefix.length) };
}

const handlesOf = (value: Partial<Record<Platform, string>> | null) =>
  Object.entries(value ?? {})
    .filter((entry): entry is [Platform, string] => typeof entry[1] === "string" && entry[1].trim() !== "")
    .map(([platform, handle]) => ({ platform, handle: normalHandle(handle) }));

/** Reads what the erasure needs; null when its subject no longer exists. */
export async function planErasure(ctx: TenantContext, row: Erasure): Promise<ErasureWorking | null> {
  const org = ctx.organizationId;
  const author = authorOf(row);
  const authored = author
    ? sql`i.organization_id = ${org} and i.platform = ${author.platform} and lower(ltrim(i.author_handle, '@')) = ${author.handle}`
    : sql`false`;
  const found = await inTenant(ctx, (db) => ({
    delegate:
      row.subjectType === "delegate"
        ? db.execute<{
            title: string | null;
            first_name: string;
            last_name: string | null;
            email: string | null;
            social_handles: Partial<Record<Platform, string>>;
            photo: string | null;
          }>(sql`
            select d.title, d.first_name, d.last_name, d.email, d.social_handles, m.sha256 as photo
            from delegates d left join media_assets m on m.id = d.photo_media_id and m.organization_id = d.organization_id
            where d.organization_id = ${org} and d.id = ${row.subjectId}`)
        : undefined,
    user:
      row.subjectType === "user"
        ? db.execute<{ first_name: string | null; last_name: string | null; email: string }>(
            sql`select first_name, last_name, email from users where organization_id = ${org} and id = ${row.subjectId}`,
          )
        : undefined,
    names: author
      ? db.execute<{ name: string }>(sql`
          select distinct i.author_name as name from inbound_items i
          where ${authored} and i.author_name is not null limit ${MAX_AUTHOR_NAMES}`)
      : undefined,
    walled: author
      ? db.execute<{ key: string; platform: string; item: string; media: number }>(sql`
          select w.public_key as key, i.platform, i.platform_item_id as item, cardinality(i.media_urls) as media
          from inbound_items i join event_widgets w on w.event_id = i.event_id and w.organization_id = i.organization_id
          where ${authored} and i.wall_status is not null limit ${MAX_CACHED_ITEMS}`)
      : undefined,
    widgets: db.execute<{ key: string }>(
      sql`select public_key as key from event_widgets where organization_id = ${org}`,
    ),
  }));
  const keys = found.widgets.rows.map((w) => w.key);
  const base = { widget_keys: keys, item_ids: [] };
  if (row.subjectType === "delegate") {
    const delegate = found.delegate?.rows[0];
    if (!delegate) return null;
    const handles = handlesOf(delegate.social_handles);
    return {
      ...base,
      terms: distinctTerms([
        ...nameTerms({ title: delegate.title, first: delegate.first_name, last: delegate.last_name }),
        ...(delegate.email ? [delegate.email] : []),
        ...handles.map((h) => handleTerm(h.handle)),
      ]),
      handles,
      cached_paths: delegate.photo ? keys.map((key) => filePath(key, delegate.photo as string)) : [],
    };
  }
  if (row.subjectType === "user") {
    const user = found.user?.rows[0];
    if (!user) return null;
    return {
      ...base,
      // Not the username: a login name ("admin", "events") is too often an ordinary word elsewhere.
      terms: distinctTerms([...nameTerms({ first: user.first_name, last: user.last_name }), user.email]),
      handles: [],
      cached_paths: [],
    };
  }
  if (!author) return null;
  const cached = (found.walled?.rows ?? []).flatMap((item) => {
    const id = wallItemId(item.platform, item.item);
    const slots: Array<"avatar" | number> = ["avatar", ...Array.from({ length: item.media }, (_, n) => n)];
    return slots.map((slot) => inboundImagePath(item.key, id, slot));
  });
  return {
    ...base,
    terms: distinctTerms([
      handleTerm(author.handle),
      ...(found.names?.rows ?? []).map((n) => n.name).filter((name) => name.trim().length >= 3),
    ]),
    handles: [author],
    cached_paths: cached,
  };
}
