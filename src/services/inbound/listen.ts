/**
 * Listening where the platform is asked instead of delivering: a Bluesky account's notifications
 * (mentions, replies, quotes, reposts) and an event's official hashtags (Bluesky search, Instagram
 * hashtag search). The per-minute cron names the listeners that are due (`due_listeners`, one round
 * trip across tenants) and queues one message each; a turn reads the cursor, asks the platform for
 * what is new since it, and stores the items and the new cursor in one batch, so a turn that dies
 * half-way re-reads a page at worst and never skips one.
 *
 * Listener names: `notifications:<social account id>` and `hashtag:<platform>:<event id>:<tag>`.
 */
import { desc, eq, isNull, sql } from "drizzle-orm";
import { sendBatch } from "../../db/batch.ts";
import { createDb, type Database } from "../../db/client.ts";
import { listeningCursors } from "../../db/schema/listening-cursors.ts";
import { type SocialAccount, socialAccounts } from "../../db/schema/social-accounts.ts";
import { inTenant, ownedBy } from "../../db/tenant.ts";
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { ListenCursor, ListenPage } from "../../platform/social/inbound.ts";
import { adapterFor } from "../../platform/social/registry.ts";
import { type ConnectedAccount, PlatformError } from "../../platform/social/types.ts";
import type { ListenMessage } from "../../queues/ingest/message.ts";
import { systemContext, type TenantContext } from "../context.ts";
import { refreshAccount } from "../social-accounts/credentials.ts";
import { connectedAccountOf } from "../social-accounts/tokens.ts";
import { arrivalFacts, followArrivals } from "./arrivals.ts";
import { storeAll } from "./store.ts";

/** Instagram: at most 30 distinct hashtags per account in a rolling 7 days. */
export const INSTAGRAM_HASHTAGS_PER_WEEK = 30;

type Listener =
  | { type: "notifications"; accountId: string }
  | { type: "hashtag"; platform: "bluesky" | "instagram"; eventId: string; tag: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseListener(name: string): Listener | null {
  const [type, ...rest] = name.split(":");
  if (type === "notifications" && rest.length === 1 && UUID.test(rest[0] ?? "")) {
    return { type, accountId: rest[0] as string };
  }
  const [platform, eventId, ...tag] = rest;
  if (
    type === "hashtag" &&
    (platform === "bluesky" || platform === "instagram") &&
    UUID.test(eventId ?? "")
  ) {
    const joined = tag.join(":");
    if (joined) return { type, platform, eventId: eventId as string, tag: joined };
  }
  return null;
}

export interface ListenOutcome {
  listener: string;
  found: number;
  stored: number;
  /** Why the turn asked nothing or was refused (an unusable account, a platform limit). */
  skipped?: string;
}

/** One listener's turn; a platform refusal is saved on the cursor row, not thrown (the next turn tries again). */
export async function listenOnce(
  config: Config,
  message: ListenMessage,
  logger: Logger,
): Promise<ListenOutcome> {
  const listener = parseListener(message.listener);
  const outcome: ListenOutcome = { listener: message.listener, found: 0, stored: 0 };
  if (!listener) {
    logger.warn("unknown listener", { listener: message.listener });
    return { ...outcome, skipped: "unknown_listener" };
  }
  const ctx = systemContext(config, message.organization_id, "listener", { db: createDb(config) });
  const { cursorRow, account, hashtagsThisWeek } = await inTenant(ctx, (db) => ({
    cursorRow: db
      .select({ cursor: listeningCursors.cursor })
      .from(listeningCursors)
      .where(ownedBy(ctx, listeningCursors.organizationId, eq(listeningCursors.listener, message.listener))),
    account: accountFor(ctx, db, listener),
    hashtagsThisWeek:
      listener.type === "hashtag" && listener.platform === "instagram"
        ? db.execute<{ tags: number }>(sql`
            select count(distinct split_part(listener, ':', 4))::int as tags from listening_cursors
            where organization_id = ${ctx.organizationId} and listener like 'hashtag:instagram:%'
              and cursor <> '{}'::jsonb and created_at > now() - interval '7 days'`)
        : undefined,
  }));
  // A cursor row without a cursor is a listener that was refused before it ever read a page.
  const saved = cursorRow[0]?.cursor;
  const cursor = saved && Object.keys(saved).length > 0 ? saved : null;
  if (!cursor && (hashtagsThisWeek?.rows[0]?.tags ?? 0) >= INSTAGRAM_HASHTAGS_PER_WEEK) {
    return saveRefusal(ctx, message.listener, outcome, "instagram_hashtag_limit");
  }
  const row = account[0];
  if ((listener.type === "notifications" || listener.platform === "instagram") && !row) {
    return saveRefusal(ctx, message.listener, outcome, "no_connected_account");
  }
  let page: ListenPage;
  try {
    page = await ask(ctx, listener, row, cursor);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    logger.warn("a listener's platform refused", {
      listener: message.listener,
      kind: error.kind,
      code: error.code,
    });
    return saveRefusal(ctx, message.listener, outcome, `${error.kind}: ${error.message}`);
  }
  const receivedAt = ctx.now();
  const addressed = page.observations.map((observation) => ({
    observation,
    socialAccountId: row?.id ?? null,
    eventId: listener.type === "hashtag" ? listener.eventId : null,
  }));
  const { stored, facts } = await inTenant(ctx, (db) => ({
    stored: storeAll(db, ctx.organizationId, addressed, receivedAt),
    facts: arrivalFacts(ctx, db),
    cursor: saveCursor(db, ctx, message.listener, { cursor: page.cursor, lastError: null }),
  }));
  const arrived = stored.filter((item) => item !== null);
  await followArrivals(ctx, facts, arrived, logger);
  return { ...outcome, found: page.observations.length, stored: arrived.length };
}

/** Notifications: the listener's account. Instagram hashtags: the event's Instagram account, else the organisation's newest. */
function accountFor(ctx: TenantContext, db: Database, listener: Listener) {
  const live = [
    isNull(socialAccounts.deletedAt),
    eq(socialAccounts.isActive, true),
    eq(socialAccounts.connectionStatus, "connected"),
  ] as const;
  if (listener.type === "notifications") {
    return db
      .select()
      .from(socialAccounts)
      .where(ownedBy(ctx, socialAccounts.organizationId, eq(socialAccounts.id, listener.accountId), ...live));
  }
  return db
    .select()
    .from(socialAccounts)
    .where(ownedBy(ctx, socialAccounts.organizationId, eq(socialAccounts.platform, "instagram"), ...live))
    .orderBy(
      sql`${socialAccounts.eventId} is not distinct from ${listener.eventId}::uuid desc`,
      desc(socialAccounts.createdAt),
    )
    .limit(1);
}

/** Asks the platform; an expired token is refreshed once (refreshAccount) and the question asked again. */
async function ask(
  ctx: TenantContext,
  listener: Listener,
  row: SocialAccount | undefined,
  cursor: ListenCursor | null,
): Promise<ListenPage> {
  const platform = listener.type === "notifications" ? (row?.platform ?? "bluesky") : listener.platform;
  const listen = adapterFor(platform, ctx.config).listen;
  const question = (account: ConnectedAccount | null) => {
    if (listener.type === "notifications") {
      if (!listen?.notifications || !account)
        throw new PlatformError("permanent", `${platform} has no notifications to poll`);
      return listen.notifications(account, cursor);
    }
    if (!listen?.hashtag) throw new PlatformError("permanent", `${platform} has no hashtag search`);
    return listen.hashtag(account, listener.tag, cursor);
  };
  const account = row ? await connectedAccountOf(ctx.config.TOKEN_ENCRYPTION_KEYS, row) : null;
  try {
    return await question(account);
  } catch (error) {
    if (!(row && error instanceof PlatformError && error.kind === "auth_expired")) throw error;
    return question(await refreshAccount(ctx, row, "listening"));
  }
}

function saveCursor(
  db: Database,
  ctx: TenantContext,
  listener: string,
  set: { cursor?: ListenCursor; lastError: string | null },
) {
  const polledAt = ctx.now();
  return db
    .insert(listeningCursors)
    .values({
      organizationId: ctx.organizationId,
      listener,
      cursor: set.cursor ?? {},
      lastError: set.lastError,
      polledAt,
    })
    .onConflictDoUpdate({
      target: [listeningCursors.organizationId, listeningCursors.listener],
      set: { ...(set.cursor ? { cursor: set.cursor } : {}), lastError: set.lastError, polledAt },
    });
}

async function saveRefusal(ctx: TenantContext, listener: string, outcome: ListenOutcome, reason: string) {
  await inTenant(ctx, (db) => ({ saved: saveCursor(db, ctx, listener, { lastError: reason }) }));
  return { ...outcome, skipped: reason };
}

/** What the cron queues each minute: the listeners due (sendBatch sends at most 100 messages). */
export async function dispatchDueListeners(config: Config, db: Database, now: Date): Promise<number> {
  const { due } = await sendBatch(db, {
    due: db.execute<{ organization_id: string; listener: string }>(
      sql`select * from due_listeners(${now.toISOString()}::timestamptz)`,
    ),
  });
  for (let i = 0; i < due.rows.length; i += 100) {
    await config.INGEST_QUEUE.sendBatch(
      due.rows.slice(i, i + 100).map((r) => ({
        body: { type: "listen" as const, organization_id: r.organization_id, listener: r.listener },
        contentType: "json" as const,
      })),
    );
  }
  return due.rows.length;
}
