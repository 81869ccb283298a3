import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema/notifications.ts";
import { users } from "../../src/db/schema/users.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { auditEntry } from "../../src/services/audit/record.ts";
import { notify } from "../../src/services/notifications/notify.ts";
import { auditRows } from "../support/audit.ts";
import { systemContext } from "../support/content.ts";
import { createTenant, createUser, testDb } from "../support/tenants.ts";

async function notificationsOf(organizationId: string) {
  const { rows } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    rows: db
      .select()
      .from(notifications)
      .where(eq(notifications.organizationId, organizationId))
      .orderBy(asc(notifications.createdAt), asc(notifications.id)),
  }));
  return rows;
}

describe("notify", () => {
  it("writes in the caller's batch; a retry with the same dedupe key adds nothing", async () => {
    const { owner, manager } = await createTenant(["owner", "manager"]);
    const ctx = systemContext(owner.organizationId);
    const entityId = crypto.randomUUID();
    const write = () =>
      inTenant(ctx, (db) => ({
        audit: auditEntry(ctx, db, { action: "approval.request", entityType: "approval_request", entityId }),
        notice: notify(ctx, db, [owner.id, manager.id], {
          type: "approval.requested",
          title: "Content waits for your approval",
          link: `/v1/approval-requests/${entityId}`,
          data: { approval_request_id: entityId },
          dedupeKey: `approval:${entityId}:requested`,
        }),
      }));
    await write();
    await write();
    const rows = await notificationsOf(owner.organizationId);
    expect(rows.map((n) => n.userId).sort()).toEqual([owner.id, manager.id].sort());
    expect(rows[0]).toMatchObject({
      type: "approval.requested",
      link: `/v1/approval-requests/${entityId}`,
      data: { approval_request_id: entityId },
      isRead: false,
      readAt: null,
    });
    // The other write of the batch did run twice: only the notification is one of a kind.
    expect(await auditRows(owner.organizationId, entityId)).toHaveLength(2);
  });

  it("without a dedupe key, each write notifies again", async () => {
    const { owner } = await createTenant();
    const ctx = systemContext(owner.organizationId);
    for (let i = 0; i < 2; i += 1) {
      await inTenant(ctx, (db) => ({
        notice: notify(ctx, db, [owner.id], { type: "post.failed", title: "A post failed" }),
      }));
    }
    expect(await notificationsOf(owner.organizationId)).toHaveLength(2);
  });

  it("reaches only active, live users of the organisation", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const inactive = await createUser(owner.organizationId, { role: "manager", isActive: false });
    const removed = await createUser(owner.organizationId, { role: "manager" });
    await inTenant(systemContext(owner.organizationId), (db) => ({
      removed: db.update(users).set({ deletedAt: new Date() }).where(eq(users.id, removed.id)),
    }));
    const ctx = systemContext(owner.organizationId);
    await inTenant(ctx, (db) => ({
      notice: notify(ctx, db, [owner.id, inactive.id, removed.id, other.owner.id, crypto.randomUUID()], {
        type: "approval.escalated",
        title: "An approval is overdue",
      }),
    }));
    expect((await notificationsOf(owner.organizationId)).map((n) => n.userId)).toEqual([owner.id]);
    expect(await notificationsOf(other.organization.id)).toEqual([]);
  });

  it("takes recipients as a query, e.g. everyone with a role", async () => {
    const { owner, manager, editor } = await createTenant(["owner", "manager", "editor"]);
    const ctx = systemContext(owner.organizationId);
    await inTenant(ctx, (db) => ({
      notice: notify(
        ctx,
        db,
        sql`select ${users.id} from ${users} where ${and(
          eq(users.organizationId, owner.organizationId),
          sql`${users.role} in ('owner', 'manager')`,
        )}`,
        { type: "approval.requested", title: "Content waits for your approval" },
      ),
    }));
    const recipients = (await notificationsOf(owner.organizationId)).map((n) => n.userId);
    expect(recipients.sort()).toEqual([owner.id, manager.id].sort());
    expect(recipients).not.toContain(editor.id);
  });
});
