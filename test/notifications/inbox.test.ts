import { describe, expect, it } from "vitest";
import { auditRows } from "../support/audit.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { createNotification } from "../support/notifications.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant, type TestUser } from "../support/tenants.ts";

interface NotificationBody {
  id: string;
  type: string;
  title: string;
  is_read: boolean;
  read_at: string | null;
  created_at: string;
}

interface Page {
  data: NotificationBody[];
  next_cursor: string | null;
}

const list = async (user: TestUser, query = ""): Promise<Page> =>
  (await (await call(`/v1/notifications${query}`, { headers: user.headers })).json()) as Page;

const unread = async (user: TestUser): Promise<number> =>
  (
    (await (await call("/v1/notifications/unread-count", { headers: user.headers })).json()) as {
      unread: number;
    }
  ).unread;

const markRead = (user: TestUser, id: string) =>
  call(`/v1/notifications/${id}/read`, { method: "POST", headers: user.headers });

const at = (iso: string) => new Date(iso);

/** A user with three notifications (oldest read), a colleague and another tenant with their own. */
async function inbox() {
  const { owner, editor } = await createTenant(["owner", "editor"]);
  const other = await createTenant();
  const org = owner.organizationId;
  const old = await createNotification(org, editor.id, {
    type: "approval.approved",
    isRead: true,
    createdAt: at("2027-01-01T00:00:00Z"),
  });
  const middle = await createNotification(org, editor.id, { createdAt: at("2027-01-02T00:00:00Z") });
  const recent = await createNotification(org, editor.id, { createdAt: at("2027-01-03T00:00:00Z") });
  const colleagues = await createNotification(org, owner.id, { createdAt: at("2027-01-02T12:00:00Z") });
  const foreign = await createNotification(other.organization.id, other.owner.id);
  return { owner, editor, other, old, middle, recent, colleagues, foreign };
}

describe("the notifications inbox", () => {
  it("lists only the caller's own, newest first, in one round trip; filters unread and type; pages", async () => {
    const { editor, owner, old, middle, recent, colleagues } = await inbox();
    const { response, roundTrips } = await measure("/v1/notifications", { headers: editor.headers });
    expect(roundTrips).toBe(1);
    const page = (await response.json()) as Page;
    expect(page.data.map((n) => n.id)).toEqual([recent.id, middle.id, old.id]);
    expect(page.data[2]).toMatchObject({
      type: "approval.approved",
      is_read: true,
      read_at: expect.any(String),
    });
    expect((await list(editor, "?unread=true")).data.map((n) => n.id)).toEqual([recent.id, middle.id]);
    expect((await list(editor, "?unread=false")).data.map((n) => n.id)).toEqual([old.id]);
    expect((await list(editor, "?type=approval.approved")).data.map((n) => n.id)).toEqual([old.id]);
    expect((await list(owner)).data.map((n) => n.id)).toEqual([colleagues.id]);

    const first = await list(editor, "?limit=2");
    expect(first.data.map((n) => n.id)).toEqual([recent.id, middle.id]);
    const second = await list(editor, `?limit=2&cursor=${first.next_cursor}`);
    expect(second).toEqual({ data: [expect.objectContaining({ id: old.id })], next_cursor: null });
    await expectProblem(
      await call("/v1/notifications?unread=yes", { headers: editor.headers }),
      400,
      "validation_failed",
    );
  });

  it("counts the caller's unread notifications in one round trip", async () => {
    const { editor, owner, other } = await inbox();
    const { response, roundTrips } = await measure("/v1/notifications/unread-count", {
      headers: editor.headers,
    });
    expect(roundTrips).toBe(1);
    expect(await response.json()).toEqual({ unread: 2 });
    expect(await unread(owner)).toBe(1);
    expect(await unread(other.owner)).toBe(1);
  });

  it("marks one read, idempotently, without an audit row; another user's or tenant's is 404", async () => {
    const { editor, middle, colleagues, foreign } = await inbox();
    const { response, roundTrips } = await measure(`/v1/notifications/${middle.id}/read`, {
      method: "POST",
      headers: editor.headers,
    });
    expect(roundTrips).toBe(1);
    const read = (await response.json()) as NotificationBody;
    expect(read).toMatchObject({ id: middle.id, is_read: true, read_at: expect.any(String) });
    const again = (await (await markRead(editor, middle.id)).json()) as NotificationBody;
    expect(again.read_at).toBe(read.read_at);
    expect(await unread(editor)).toBe(1);

    await expectProblem(await markRead(editor, colleagues.id), 404, "notification_not_found");
    await expectProblem(await markRead(editor, foreign.id), 404, "notification_not_found");
    await expectProblem(await markRead(editor, crypto.randomUUID()), 404, "notification_not_found");
    expect(await auditRows(editor.organizationId)).toEqual([]);
  });

  it("marks all read and says how many; `before` leaves newer ones unread; others' stay untouched", async () => {
    const { editor, owner, other, recent } = await inbox();
    const before = await postJson(
      "/v1/notifications/read-all",
      { before: "2027-01-02T00:00:00.000Z" },
      { headers: editor.headers },
    );
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ marked: 1 });
    expect((await list(editor, "?unread=true")).data.map((n) => n.id)).toEqual([recent.id]);

    const all = await call("/v1/notifications/read-all", { method: "POST", headers: editor.headers });
    expect(await all.json()).toEqual({ marked: 1 });
    const none = await postJson("/v1/notifications/read-all", {}, { headers: editor.headers });
    expect(await none.json()).toEqual({ marked: 0 });
    expect(await unread(editor)).toBe(0);
    expect(await unread(owner)).toBe(1);
    expect(await unread(other.owner)).toBe(1);

    await expectProblem(
      await postJson("/v1/notifications/read-all", { before: "yesterday" }, { headers: editor.headers }),
      400,
      "validation_failed",
    );
  });

  it("every role has an inbox", async () => {
    const { viewer, approver } = await createTenant(["viewer", "approver"]);
    for (const user of [viewer, approver]) {
      await createNotification(user.organizationId, user.id);
      expect(await unread(user)).toBe(1);
    }
  });
});
