/**
 * The inbound store's one write, driven directly: each item once per organisation, the latest state
 * wins, a deletion is final and erases the text, and an item is linked to our post, its event and the
 * delegates it names.
 */
import { describe, expect, it } from "vitest";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import type { AddressedObservation } from "../../src/services/inbound/store.ts";
import { createContent, systemContext } from "../support/content.ts";
import { createDelegate } from "../support/delegates.ts";
import { createEvent } from "../support/events.ts";
import { inboundItemsOf, observation } from "../support/inbound.ts";
import { createPost } from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createOrganization } from "../support/tenants.ts";

const at = (iso: string) => new Date(iso);
const addressed = (o: ReturnType<typeof observation>, extra: Partial<AddressedObservation> = {}) => ({
  observation: o,
  socialAccountId: null,
  eventId: null,
  ...extra,
});

async function store(organizationId: string, ...observations: ReturnType<typeof observation>[]) {
  return storeObservations(
    systemContext(organizationId),
    observations.map((o) => addressed(o)),
    new Date(),
  );
}

describe("the inbound store", () => {
  it("takes an item once, a newer state over an older one, and never an older over a newer", async () => {
    const { id: org } = await createOrganization();
    const first = observation({ observedAt: at("2026-12-01T10:00:00Z") });
    const edited = observation({
      itemId: first.itemId,
      observedAt: at("2026-12-01T10:05:00Z"),
      content: { text: "Great keynote at the summit (edited)" },
    });
    expect(await store(org, first, first)).toEqual(["created", "unchanged"]);
    expect(await store(org, edited, first)).toEqual(["updated", "unchanged"]);
    const [item, ...others] = await inboundItemsOf(org);
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      platformItemId: first.itemId,
      kind: "mention",
      text: "Great keynote at the summit (edited)",
      observedAt: at("2026-12-01T10:05:00Z"),
      authorHandle: "someone",
      mediaUrls: ["https://pbs.twimg.com/media/one.jpg"],
      deletedAt: null,
    });
  });

  it("keeps text PostgreSQL cannot hold (U+0000, lone surrogates) as it can, instead of failing the delivery", async () => {
    const { id: org } = await createOrganization();
    const odd = observation({
      content: {
        text: "nul\u0000here \uD83D alone 🎉",
        author: {
          platformId: "4\u00002",
          handle: "some\u0000one",
          name: "\uDE00Name",
          avatarUrl: null,
          followers: 1,
          accountCreatedAt: null,
        },
        hashtags: ["summit\u0000"],
      },
    });
    expect(await store(org, odd)).toEqual(["created"]);
    const [item] = await inboundItemsOf(org);
    expect(item).toMatchObject({
      text: "nulhere \uFFFD alone 🎉",
      authorPlatformId: "42",
      authorHandle: "someone",
      authorName: "\uFFFDName",
      hashtags: ["summit"],
    });
  });

  it("a deletion erases the text, media and author's name for good; a creation after it is not stored", async () => {
    const { id: org } = await createOrganization();
    const created = observation({ observedAt: at("2026-12-01T10:00:00Z") });
    const deleted = observation({
      itemId: created.itemId,
      observedAt: at("2026-12-01T09:00:00Z"),
      content: null,
    });
    const laterEdit = observation({ itemId: created.itemId, observedAt: at("2026-12-02T00:00:00Z") });
    // The deletion's platform time is earlier than the creation's (clocks differ): it still wins.
    expect(await store(org, created, deleted, laterEdit, created)).toEqual([
      "created",
      "deleted",
      "unchanged",
      "unchanged",
    ]);
    const [item] = await inboundItemsOf(org);
    expect(item).toMatchObject({
      text: null,
      mediaUrls: [],
      authorName: null,
      authorAvatarUrl: null,
      deletedAt: at("2026-12-01T09:00:00Z"),
      authorHandle: "someone",
    });

    // Deleted before we ever saw it (out of order): the creation that follows is never stored.
    const early = observation({ content: null });
    const late = observation({ itemId: early.itemId });
    expect(await store(org, early, late)).toEqual(["deleted", "unchanged"]);
    expect(await inboundItemsOf(org, { itemId: early.itemId })).toEqual([]);
  });

  it("is per organisation: the same platform item reaches two tenants as two items", async () => {
    const [a, b] = [await createOrganization(), await createOrganization()];
    const item = observation();
    expect(await store(a.id, item)).toEqual(["created"]);
    expect(await store(b.id, item)).toEqual(["created"]);
    expect(await inboundItemsOf(a.id)).toHaveLength(1);
    expect(await inboundItemsOf(b.id)).toHaveLength(1);
    expect((await inboundItemsOf(a.id))[0]!.id).not.toBe((await inboundItemsOf(b.id))[0]!.id);
  });

  it("links a reply to our post and its content's event, and names the delegates it mentions", async () => {
    const { id: org } = await createOrganization();
    const event = await createEvent(org);
    const delegate = await createDelegate(org, event.id, { socialHandles: { x: "@AminaSpeaks" } });
    const other = await createDelegate(org, event.id, { socialHandles: { bluesky: "aminaspeaks" } });
    const account = await createSocialAccount(org, { platform: "x" });
    const content = await createContent(org, { eventId: event.id, targetPlatforms: ["x"] });
    const post = await createPost(org, {
      contentId: content.id,
      socialAccountId: account.id,
      platform: "x",
      publishStatus: "published",
      platformPostId: `tweet-${crypto.randomUUID()}`,
    });
    const reply = observation({
      content: { kind: "reply", inReplyTo: post.platformPostId, mentionedHandles: ["aminaspeaks"] },
    });
    await storeObservations(
      systemContext(org),
      [addressed(reply, { socialAccountId: account.id })],
      new Date(),
    );
    const [item] = await inboundItemsOf(org);
    expect(item).toMatchObject({
      kind: "reply",
      publishedPostId: post.id,
      eventId: event.id,
      socialAccountId: account.id,
      mentionedDelegateIds: [delegate.id],
    });
    expect(item!.mentionedDelegateIds).not.toContain(other.id);
  });

  it("files an item under the event whose official hashtag it carries when nothing else says which", async () => {
    const { id: org } = await createOrganization();
    const summit = await createEvent(org, { officialHashtags: ["#NairobiSummit"] });
    await createEvent(org, { officialHashtags: ["#OtherThing"] });
    await store(org, observation({ content: { kind: "hashtag", hashtags: ["nairobisummit"] } }));
    await store(org, observation({ content: { hashtags: ["unrelated"] } }));
    const items = await inboundItemsOf(org);
    expect(items.map((i) => i.eventId).sort()).toEqual([summit.id, null].sort());
  });
});
