/**
 * The organisation's own posts on its events' walls: when a post is published, the statement below
 * (in the batch that records it, so no round trip of its own) reads what the wall shows of it when
 * the event's widgets are on and show official posts; the post is then pushed to open widgets.
 */
import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { TenantContext } from "../context.ts";
import { contentEmbargoedNow } from "../embargoes/embargo.ts";
import { publishLive } from "../public/live.ts";
import { type OfficialWallRow, officialWallItem } from "../public/wall-item.ts";

type OfficialEntry = OfficialWallRow & { public_key: string };

export function officialWallEntry(ctx: Pick<TenantContext, "organizationId">, db: Database, postId: string) {
  return db.execute<OfficialEntry>(sql`
    select w.public_key, p.platform, p.platform_post_id, p.platform_url, c.caption as text, a.username as handle,
           array(select m.sha256 from media_assets m
                 where m.id = any(c.media_assets) and m.deleted_at is null and m.sha256 is not null) as files,
           p.published_at as at
    from published_posts p
    join content c on c.id = p.content_id and c.organization_id = p.organization_id
    join event_widgets w on w.event_id = c.event_id and w.enabled and w.show_official_posts
    join social_accounts a on a.id = p.social_account_id and a.organization_id = p.organization_id
    where p.organization_id = ${ctx.organizationId} and p.id = ${postId} and p.publish_status = 'published'
      and p.platform_post_id is not null and p.published_at is not null
      and not ${contentEmbargoedNow(sql`c.id`)}`);
}

/** Pushes the published post to its event's open widgets (nothing when its wall does not show it). */
export async function pushOfficialPost(config: Config, entries: readonly OfficialEntry[], logger?: Logger) {
  await Promise.all(
    entries.map((entry) =>
      publishLive(
        config,
        entry.public_key,
        [{ type: "item", item: officialWallItem(entry.public_key, entry) }],
        logger,
      ),
    ),
  );
}
