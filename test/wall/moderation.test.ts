/**
 * The wall's moderation: items arriving for an event with widgets on are judged as they are stored
 * (filters, trusted authors, floods, manual mode), a moderator approves, hides, pins and blocks, every
 * action audited, and every change reaches an open widget over the live channel at once.
 */
import { describe, expect, it, vi } from "vitest";
import type { WallFilters } from "../../src/db/schema/event-widgets.ts";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { systemContext } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { call, expectProblem, postJson } from "../support/http.ts";
import { inboundItemsOf, observation } from "../support/inbound.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant } from "../support/tenants.ts";
import { createWallItem, createWidgetEvent } from "../support/wall.ts";

type Seen = Parameters<typeof observation>[0];

/** Stores observations for the event as the ingest consumer would; answers the items by text. */
async function arrive(organizationId: string, eventId: string, ...seen: Seen[]) {
  const observations = seen.map((s) => observation(s));
  await storeObservations(
    systemContext(organizationId),
    observations.map((o) => ({ observation: o, socialAccountId: null, eventId })),
    new Date(),
  );
  const items = await inboundItemsOf(organizationId);
  return new Map(items.map((item) => [item.text ?? item.platformItemId, item]));
}

const said = (
  text: string,
  author: Partial<{ handle: string; followers: number; accountCreatedAt: Date }> = {},
): Seen => ({
  content: {
    text,
    author: {
      platformId: "1",
      handle: author.handle ?? "fan",
      name: "A Fan",
      avatarUrl: null,
      followers: author.followers ?? 50,
      accountCreatedAt: author.accountCreatedAt ?? null,
    },
  },
});

async function wallEvent(
  organizationId: string,
  options: { moderation?: "automatic" | "manual"; filters?: Partial<WallFilters> } = {},
) {
  return createWidgetEvent(organizationId, options);
}

/** A widget on the event's live channel, through the public route. */
async function openWidget(key: string) {
  const response = await call(`/public/v1/events/${key}/live`, {
    headers: { upgrade: "websocket", "cf-connecting-ip": "192.0.2.10" },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  const messages: Array<Record<string, unknown>> = [];
  socket.addEventListener("message", (e) => messages.push(JSON.parse(String(e.data))));
  socket.accept();
  const waitFor = (match: (m: Record<string, unknown>) => boolean) =>
    vi.waitFor(
      () => {
        const found = messages.find(match);
        if (!found) throw new Error(`no such message among ${JSON.stringify(messages)}`);
        return found;
      },
      { timeout: 5000, interval: 10 },
    );
  return { socket, messages, waitFor };
}

describe("moderation as items arrive", () => {
  it("automatic: shows clean items, holds profanity, blocked words, small and new accounts, hides blocked authors", async () => {
    const { organization } = await createTenant();
    const { event } = await wallEvent(organization.id, {
      filters: {
        blocked_words: ["pipeline"],
        blocked_authors: [{ platform: "x", handle: "@Troll" }],
        min_followers: 10,
        min_account_age_days: 30,
      },
    });
    const items = await arrive(
      organization.id,
      event.id,
      said("What a keynote at #AES2027"),
      said("This panel is fucking useless"),
      said("Quelle merde ce panel"),
      said("Stop the Pipeline now"),
      said("Hello from a new account", { followers: 2 }),
      said("Troll here", { handle: "troll" }),
      said("Brand new account", { accountCreatedAt: new Date(Date.now() - 2 * 86_400_000) }),
      said("An old account", { accountCreatedAt: new Date("2012-01-01T00:00:00Z") }),
    );
    const verdict = (text: string) => [items.get(text)?.wallStatus, items.get(text)?.wallReason];
    expect(verdict("What a keynote at #AES2027")).toEqual(["approved", null]);
    expect(verdict("This panel is fucking useless")).toEqual(["pending", "profanity"]);
    expect(verdict("Quelle merde ce panel")).toEqual(["pending", "profanity"]);
    expect(verdict("Stop the Pipeline now")).toEqual(["pending", "blocked_word"]);
    expect(verdict("Hello from a new account")).toEqual(["pending", "few_followers"]);
    expect(verdict("Troll here")).toEqual(["hidden", "blocked_author"]);
    expect(verdict("Brand new account")).toEqual(["pending", "new_account"]);
    expect(verdict("An old account")).toEqual(["approved", null]);
  });

  it("manual: everything waits, except the organisation's accounts and the event's delegates", async () => {
    const { organization, owner } = await createTenant();
    const { event } = await wallEvent(organization.id, { moderation: "manual" });
    await createSocialAccount(owner, { platform: "x", username: "AESummit" });
    await createDelegate(organization.id, event.id, { socialHandles: { x: "@MinisterAmina" } });
    const items = await arrive(
      organization.id,
      event.id,
      said("From a fan"),
      said("From our own account", { handle: "aesummit" }),
      said("From the minister", { handle: "ministeramina" }),
    );
    expect(items.get("From a fan")).toMatchObject({ wallStatus: "pending", wallReason: "manual" });
    expect(items.get("From our own account")).toMatchObject({ wallStatus: "approved" });
    expect(items.get("From the minister")).toMatchObject({ wallStatus: "approved" });
  });

  it("holds a flood of identical text after the allowed number", async () => {
    const { organization } = await createTenant();
    const { event } = await wallEvent(organization.id, {
      filters: { flood: { max_identical: 2, window_minutes: 10 } },
    });
    for (const n of [1, 2, 3]) {
      await arrive(organization.id, event.id, {
        itemId: `flood-${n}-${Date.now()}`,
        ...said("Buy followers now!!!"),
      });
    }
    const statuses = (await inboundItemsOf(organization.id))
      .sort(
        (a, b) =>
          a.receivedAt.getTime() - b.receivedAt.getTime() || a.platformItemId.localeCompare(b.platformItemId),
      )
      .map((item) => [item.wallStatus, item.wallReason]);
    expect(statuses).toEqual([
      ["approved", null],
      ["approved", null],
      ["pending", "flood"],
    ]);
  });

  it("pushes a shown item to open widgets, and takes it away when an edit makes it profane or it is deleted", async () => {
    const { organization } = await createTenant();
    const { event, widgets } = await wallEvent(organization.id);
    const widget = await openWidget(widgets.publicKey);
    const itemId = `${Date.now()}42`;
    const at = (minute: number) => new Date(Date.UTC(2027, 2, 10, 9, minute));
    await arrive(organization.id, event.id, { itemId, observedAt: at(0), ...said("Great opening") });
    const shown = await widget.waitFor((m) => m.type === "item");
    expect(shown).toMatchObject({ item: { id: `x:${itemId}`, text: "Great opening", official: false } });

    await arrive(organization.id, event.id, { itemId, observedAt: at(1), ...said("Great fucking opening") });
    await widget.waitFor((m) => m.type === "remove" && m.id === `x:${itemId}`);
    const [held] = await inboundItemsOf(organization.id);
    expect(held).toMatchObject({ wallStatus: "pending", wallReason: "profanity" });

    const second = `${Date.now()}43`;
    await arrive(organization.id, event.id, { itemId: second, observedAt: at(2), ...said("Fine words") });
    await widget.waitFor((m) => m.type === "item" && (m.item as { id: string }).id === `x:${second}`);
    await arrive(organization.id, event.id, { itemId: second, observedAt: at(3), content: null });
    await widget.waitFor((m) => m.type === "remove" && m.id === `x:${second}`);
    widget.socket.close();
  });
});

describe("the moderator", () => {
  it("approves, hides, pins and unpins; each action audited and pushed at once; the public wall follows", async () => {
    const { organization, owner, approver, viewer } = await createTenant(["owner", "approver", "viewer"]);
    const { event, widgets } = await wallEvent(organization.id);
    const waiting = await createWallItem(organization.id, event.id, {
      status: "pending",
      content: { text: "Waiting" },
    });
    const auth = (user: { token: string }) => ({ authorization: `Bearer ${user.token}` });
    const act = (user: { token: string }, action: string) =>
      postJson(`/v1/events/${event.id}/wall/${waiting.id}/moderation`, { action }, { headers: auth(user) });
    const widget = await openWidget(widgets.publicKey);
    const publicWall = async () => {
      const response = await call(`/public/v1/events/${widgets.publicKey}/wall`, {
        headers: { "cf-connecting-ip": "192.0.2.77" },
      });
      return ((await response.json()) as { data: Array<{ text: string; pinned: boolean }> }).data;
    };
    expect(await publicWall()).toEqual([]);

    await expectProblem(await act(viewer, "approve"), 403, "missing_permission");
    const approved = await act(approver, "approve");
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ wall: { status: "approved", reason: "moderator" } });
    await widget.waitFor((m) => m.type === "item");
    expect((await publicWall()).map((i) => i.text)).toEqual(["Waiting"]);

    expect((await act(approver, "pin")).status).toBe(200);
    expect((await publicWall())[0]).toMatchObject({ text: "Waiting", pinned: true });
    expect((await act(approver, "unpin")).status).toBe(200);

    expect((await act(approver, "hide")).status).toBe(200);
    await widget.waitFor((m) => m.type === "remove");
    expect(await publicWall()).toEqual([]);

    const queue = await call(`/v1/events/${event.id}/wall?status=hidden`, { headers: auth(approver) });
    expect(((await queue.json()) as { data: Array<{ id: string }> }).data.map((i) => i.id)).toEqual([
      waiting.id,
    ]);
    const audit = await call(`/v1/audit-logs?action=wall_item.*&entity_id=${waiting.id}`, {
      headers: auth(owner),
    });
    expect(
      ((await audit.json()) as { data: Array<{ action: string }> }).data.map((a) => a.action).sort(),
    ).toEqual(["wall_item.approve", "wall_item.hide", "wall_item.pin", "wall_item.unpin"]);
    widget.socket.close();
  });

  it("pins at most three items (409), and an unknown item or another event's is 404", async () => {
    const { organization, owner } = await createTenant();
    const { event } = await wallEvent(organization.id);
    const other = await wallEvent(organization.id);
    const headers = { authorization: `Bearer ${owner.token}` };
    for (const n of [1, 2, 3])
      await createWallItem(organization.id, event.id, { pinned: true, content: { text: `pin ${n}` } });
    const fourth = await createWallItem(organization.id, event.id);
    await expectProblem(
      await postJson(`/v1/events/${event.id}/wall/${fourth.id}/moderation`, { action: "pin" }, { headers }),
      409,
      "too_many_pinned",
    );
    await expectProblem(
      await postJson(
        `/v1/events/${other.event.id}/wall/${fourth.id}/moderation`,
        { action: "hide" },
        { headers },
      ),
      404,
      "wall_item_not_found",
    );
  });

  it("blocks an author: every item of theirs hidden and pushed away, and their next one hidden on arrival", async () => {
    const { organization, owner } = await createTenant();
    const { event, widgets } = await wallEvent(organization.id);
    const shown = await createWallItem(organization.id, event.id, {
      content: {
        text: "First",
        author: {
          platformId: "9",
          handle: "spammer",
          name: "S",
          avatarUrl: null,
          followers: 1,
          accountCreatedAt: null,
        },
      },
    });
    const widget = await openWidget(widgets.publicKey);
    const blocked = await postJson(
      `/v1/events/${event.id}/wall/blocked-authors`,
      { platform: "x", handle: "@Spammer" },
      { headers: { authorization: `Bearer ${owner.token}` } },
    );
    expect(await blocked.json()).toEqual({ hidden: 1 });
    await widget.waitFor((m) => m.type === "remove" && m.id === `x:${shown.platformItemId}`);
    const items = await arrive(organization.id, event.id, said("Again", { handle: "spammer" }));
    expect(items.get("Again")).toMatchObject({ wallStatus: "hidden", wallReason: "blocked_author" });
    widget.socket.close();
  });
});
