/** GET /v1/inbound-items: filters, full-text search, deleted items, paging, one round trip. */
import { describe, expect, it } from "vitest";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { call, expectProblem } from "../support/http.ts";
import { createInboundItem, observation } from "../support/inbound.ts";
import { measure } from "../support/round-trips.ts";
import { createTenant } from "../support/tenants.ts";

interface Item {
  id: string;
  platform: string;
  kind: string;
  text: string | null;
  url: string | null;
  event_id: string | null;
  mentioned_delegate_ids: string[];
  deleted_at: string | null;
  author: { handle: string | null; name: string | null };
}
interface Page {
  data: Item[];
  next_cursor: string | null;
}

async function list(query: string, headers: Record<string, string>): Promise<Page> {
  const response = await call(`/v1/inbound-items${query}`, { headers });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as Page;
}

async function withItems() {
  const tenant = await createTenant(["owner", "editor"]);
  const org = tenant.organization.id;
  const event = await createEvent(org, { officialHashtags: ["#Guddu27"] });
  const delegate = await createDelegate(org, event.id, { socialHandles: { x: "amina" } });
  const minute = (n: number) => new Date(Date.UTC(2026, 11, 1, 10, n));
  const items = {
    mention: await createInboundItem(
      org,
      { content: { text: "Loved the keynote by @amina", mentionedHandles: ["amina"] } },
      { eventId: event.id, receivedAt: minute(1) },
    ),
    reply: await createInboundItem(
      org,
      { platform: "bluesky", content: { kind: "reply", text: "Where is the registration desk?" } },
      { receivedAt: minute(2) },
    ),
    hashtag: await createInboundItem(
      org,
      {
        platform: "instagram",
        content: { kind: "hashtag", text: "Day one #guddu27", hashtags: ["guddu27"] },
      },
      { receivedAt: minute(3) },
    ),
  };
  const gone = observation({ content: { text: "something regrettable" } });
  const deleted = await createInboundItem(org, gone, { receivedAt: minute(4) });
  await createInboundItem(org, { itemId: gone.itemId, content: null, observedAt: minute(5) });
  return { ...tenant, event, delegate, items, deleted };
}

describe("GET /v1/inbound-items", () => {
  it("lists the newest first, without deleted items, in one round trip", async () => {
    const { editor, items } = await withItems();
    const { response, roundTrips } = await measure("/v1/inbound-items", { headers: editor.headers });
    expect(response.status).toBe(200);
    expect(roundTrips).toBe(1);
    const { data, next_cursor } = (await response.json()) as Page;
    expect(next_cursor).toBeNull();
    expect(data.map((i) => i.id)).toEqual([items.hashtag.id, items.reply.id, items.mention.id]);
    expect(data[2]).toMatchObject({
      platform: "x",
      kind: "mention",
      text: "Loved the keynote by @amina",
      url: expect.stringMatching(/^https:\/\/x\.com\//),
      author: { handle: "someone", name: "Some One" },
    });
  });

  it("filters by event, platform, kind, mentioned delegate, and arrival time", async () => {
    const { owner, event, delegate, items } = await withItems();
    const ids = async (query: string) => (await list(query, owner.headers)).data.map((i) => i.id);
    // The hashtag item names the event through its official hashtag.
    expect(await ids(`?event_id=${event.id}`)).toEqual([items.hashtag.id, items.mention.id]);
    expect(await ids("?platform=bluesky")).toEqual([items.reply.id]);
    expect(await ids("?kind=hashtag")).toEqual([items.hashtag.id]);
    expect(await ids(`?delegate_id=${delegate.id}`)).toEqual([items.mention.id]);
    expect(await ids("?from=2026-12-01T10:02:00Z&to=2026-12-01T10:02:00Z")).toEqual([items.reply.id]);
    expect(await ids(`?delegate_id=${crypto.randomUUID()}`)).toEqual([]);
  });

  it("searches the text and the author in web-search syntax", async () => {
    const { owner, items } = await withItems();
    const ids = async (q: string) =>
      (await list(`?q=${encodeURIComponent(q)}`, owner.headers)).data.map((i) => i.id);
    expect(await ids("registration desk")).toEqual([items.reply.id]);
    expect(await ids('"day one"')).toEqual([items.hashtag.id]);
    expect(await ids("keynote -amina")).toEqual([]);
    // The deleted item's text is gone, so it is not found by it either.
    expect(await ids("regrettable")).toEqual([]);
  });

  it("shows deleted items on request, without their text, and reads one by id", async () => {
    const { owner, deleted } = await withItems();
    const { data } = await list("?include_deleted=true", owner.headers);
    expect(data[0]).toMatchObject({ id: deleted.id, text: null, deleted_at: expect.any(String) });
    const one = await call(`/v1/inbound-items/${deleted.id}`, { headers: owner.headers });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: deleted.id, text: null, author: { name: null } });
  });

  it("pages with a cursor and refuses an unknown kind and a backwards range", async () => {
    const { owner, items } = await withItems();
    const first = await list("?limit=2", owner.headers);
    expect(first.data.map((i) => i.id)).toEqual([items.hashtag.id, items.reply.id]);
    const second = await list(`?limit=2&cursor=${first.next_cursor}`, owner.headers);
    expect(second.data.map((i) => i.id)).toEqual([items.mention.id]);
    expect(second.next_cursor).toBeNull();
    await expectProblem(
      await call("/v1/inbound-items?kind=like", { headers: owner.headers }),
      400,
      "validation_failed",
    );
    await expectProblem(
      await call("/v1/inbound-items?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z", {
        headers: owner.headers,
      }),
      400,
      "validation_failed",
    );
  });
});
