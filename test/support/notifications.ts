/** Notification factories, written like the Worker writes (application role, tenant set). */
import { notifications } from "../../src/db/schema/notifications.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createUser, testDb } from "./tenants.ts";

/** A notification for `userId` (a new user of the organisation when not given). */
export async function createNotification(
  organizationId: string,
  userId?: string,
  overrides: { type?: string; title?: string; isRead?: boolean; createdAt?: Date } = {},
) {
  const recipient = userId ?? (await createUser(organizationId, { role: "editor" })).id;
  const {
    inserted: [row],
  } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(notifications)
      .values({
        organizationId,
        userId: recipient,
        type: overrides.type ?? "approval.requested",
        title: overrides.title ?? "Content waits for your approval",
        isRead: overrides.isRead ?? false,
        readAt: overrides.isRead ? new Date() : null,
        ...(overrides.createdAt ? { createdAt: overrides.createdAt } : {}),
      })
      .returning(),
  }));
  return row!;
}
