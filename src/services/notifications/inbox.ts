/**
 * The caller's own notifications: list, unread count, mark one or all read. Every query is scoped to
 * the organisation AND the calling user: another user's notification is as absent as another
 * tenant's (404). Reading writes no audit row: read state is the user's own inbox bookkeeping, not a
 * change to the organisation's data, and auditing every glance would drown the trail.
 */
import { and, count, eq, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { preparedStatement, type Value } from "../../db/prepared.ts";
import { type Notification, notifications } from "../../db/schema/notifications.ts";
import { inTenant } from "../../db/tenant.ts";
import { ForbiddenError, NotFoundError } from "../../errors.ts";
import { actorUserId, type TenantContext } from "../context.ts";
import { type PageInput, type PageOrder, type PageValue, pageStatement, paginate } from "../pagination.ts";

/** Only users have an inbox. */
function inboxOwner(ctx: TenantContext): string {
  const userId = actorUserId(ctx.actor);
  if (!userId) throw new ForbiddenError("no_inbox", "Only users have notifications.");
  return userId;
}

/** A user's rows: the organisation and user are values, or a prepared statement's placeholders. */
function inboxOf(
  organizationId: SQLWrapper | string,
  userId: SQLWrapper | string,
  ...conditions: Array<SQL | undefined>
): SQL {
  return and(
    eq(notifications.organizationId, organizationId),
    eq(notifications.userId, userId),
    ...conditions,
  ) as SQL;
}

/** The calling user's rows. */
const mine = (ctx: TenantContext, ...conditions: Array<SQL | undefined>) =>
  inboxOf(ctx.organizationId, inboxOwner(ctx), ...conditions);

export interface ListNotificationsInput extends PageInput {
  unread?: boolean;
  type?: string;
}

const newestFirst: PageOrder = { by: notifications.createdAt, id: notifications.id, direction: "desc" };

/** A page of the user's notifications, rendered once per filters and order (db/prepared.ts). */
const notificationsPage = preparedStatement(
  "notificationsPage",
  (
    db,
    value: Value<"organizationId" | "userId" | "isRead" | "type" | PageValue>,
    shape: { continued: boolean; unread: boolean; type: boolean },
  ) => {
    const page = pageStatement(newestFirst, shape.continued, value);
    return db
      .select({ row: notifications, key: page.key })
      .from(notifications)
      .where(
        inboxOf(
          value("organizationId"),
          value("userId"),
          shape.unread ? eq(notifications.isRead, value("isRead")) : undefined,
          shape.type ? eq(notifications.type, value("type")) : undefined,
          page.after,
        ),
      )
      .orderBy(...page.orderBy)
      .limit(page.fetch);
  },
);

/** Newest first. */
export async function listNotifications(ctx: TenantContext, input: ListNotificationsInput) {
  const page = paginate(input, newestFirst);
  const userId = inboxOwner(ctx);
  const { rows } = await inTenant(ctx, (db) => ({
    rows: notificationsPage(
      db,
      {
        organizationId: ctx.organizationId,
        userId,
        isRead: input.unread === undefined ? undefined : !input.unread,
        type: input.type,
        ...page.values,
      },
      { continued: page.continued, unread: input.unread !== undefined, type: Boolean(input.type) },
    ),
  }));
  return page.result(rows);
}

/** Polled by every client for its badge: rendered once (db/prepared.ts). */
const countUnread = preparedStatement("countUnread", (db, value: Value<"organizationId" | "userId">) =>
  db
    .select({ unread: count() })
    .from(notifications)
    .where(inboxOf(value("organizationId"), value("userId"), eq(notifications.isRead, false))),
);

export async function unreadCount(ctx: TenantContext): Promise<number> {
  const userId = inboxOwner(ctx);
  const {
    counted: [row],
  } = await inTenant(ctx, (db) => ({
    counted: countUnread(db, { organizationId: ctx.organizationId, userId }),
  }));
  return row?.unread ?? 0;
}

/** Idempotent: marking a read notification again keeps its first `read_at`. */
export async function markRead(ctx: TenantContext, id: string): Promise<Notification> {
  const where = mine(ctx, eq(notifications.id, id));
  const {
    updated: [row],
  } = await inTenant(ctx, (db) => ({
    updated: db
      .update(notifications)
      .set({
        isRead: true,
        readAt: sql`coalesce(${notifications.readAt}, ${ctx.now().toISOString()}::timestamptz)`,
      })
      .where(where)
      .returning(),
  }));
  if (!row) throw new NotFoundError("notification_not_found", "No such notification.");
  return row;
}

/**
 * Marks the caller's unread notifications read, those created at or before `before` when given (a
 * client passes the newest it has shown, so one that arrived meanwhile stays unread). Compared at
 * millisecond precision, as clients see the times. Answers how many it marked.
 */
export async function markAllRead(ctx: TenantContext, before?: string): Promise<number> {
  const where = mine(
    ctx,
    eq(notifications.isRead, false),
    before
      ? sql`date_trunc('milliseconds', ${notifications.createdAt}) <= ${before}::timestamptz`
      : undefined,
  );
  const { rows } = await inTenant(ctx, (db) => ({
    rows: db
      .update(notifications)
      .set({ isRead: true, readAt: ctx.now() })
      .where(where)
      .returning({ id: notifications.id }),
  }));
  return rows.length;
}
