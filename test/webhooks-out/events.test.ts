/**
 * Each event is recorded where its change happens, in the same batch: content submitted, approved and
 * rejected, an approval step waiting, a post published or failed, an account needing reconnection, a
 * mention received, a sentiment alert. Only for endpoints subscribed to the type; a change that did
 * not happen (a duplicate, an older state) records nothing.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { loadConfig } from "../../src/env.ts";
import { systemContext as serviceSystemContext } from "../../src/services/context.ts";
import { storeObservations } from "../../src/services/inbound/ingest-delivery.ts";
import { ALERT_MIN_ITEMS } from "../../src/services/sentiment/alerts.ts";
import { loadConnectedAccount, refreshAccount } from "../../src/services/social-accounts/credentials.ts";
import type { WebhookEventType } from "../../src/services/webhooks/event-types.ts";
import { acted, draftBy, rolesStep, submitted } from "../support/approvals.ts";
import { systemContext } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { observation } from "../support/inbound.ts";
import {
  connectedAccount,
  publishMessage,
  queuedPost,
  settled,
  uniqueCaption,
  waitForPost,
} from "../support/publishing.ts";
import { createSocialAccount } from "../support/social-accounts.ts";
import { createTenant, createUser, type TestUser } from "../support/tenants.ts";
import {
  createEndpointAs,
  deliveriesOf,
  eventsOf,
  newReceiver,
  verifyReceived,
  waitForReceived,
} from "../support/webhooks.ts";
import { createWorkflow } from "../support/workflows.ts";

/** An endpoint of the organisation subscribed to `events`, and its receiver. */
async function subscribe(owner: TestUser, events: WebhookEventType[]) {
  const receiver = newReceiver();
  const endpoint = await createEndpointAs(owner, { url: receiver.url, events });
  return { receiver, endpoint };
}

/** The organisation's recorded events, in the order their deliveries keep (one endpoint). */
async function recorded(organizationId: string, endpointId: string) {
  const deliveries = await deliveriesOf(organizationId, endpointId);
  const events = await eventsOf(organizationId);
  return deliveries.map((d) => events.find((e) => e.id === d.eventId)!);
}

const CONTENT_EVENTS: WebhookEventType[] = [
  "content.submitted",
  "approval.step_waiting",
  "content.approved",
  "content.rejected",
];

describe("what records webhook events", () => {
  it("submitting and approving content: submitted, each step waiting, approved — delivered in that order", async () => {
    const { owner, editor, manager, approver } = await createTenant([
      "owner",
      "editor",
      "manager",
      "approver",
    ]);
    await createWorkflow(owner.organizationId, {
      steps: [rolesStep(["approver"], 1, { name: "Comms" }), rolesStep(["manager"], 1, { name: "Sign-off" })],
    });
    const { receiver, endpoint } = await subscribe(owner, CONTENT_EVENTS);
    const draft = await draftBy(editor, { title: "Keynote line-up" });
    const request = await submitted(editor, draft.id, { comment: "Ready" });
    await acted(approver, request.id, "approve");
    await acted(manager, request.id, "approve");
    const events = await vi.waitFor(async () => {
      const found = await recorded(owner.organizationId, endpoint.id);
      expect(found).toHaveLength(4);
      return found;
    });
    expect(events.map((e) => [e.type, e.resourceId])).toEqual([
      ["content.submitted", draft.id],
      ["approval.step_waiting", draft.id],
      ["approval.step_waiting", draft.id],
      ["content.approved", draft.id],
    ]);
    expect(events[0]?.data).toEqual({
      content_id: draft.id,
      title: "Keynote line-up",
      version: draft.version,
      event_id: null,
      approval_request_id: request.id,
      submitted_by: editor.id,
      steps_total: 2,
    });
    expect(events[1]?.data).toMatchObject({
      step: 1,
      step_name: "Comms",
      steps_total: 2,
      approval_request_id: request.id,
    });
    expect(events[2]?.data).toMatchObject({ step: 2, step_name: "Sign-off" });
    expect(events[3]?.data).toMatchObject({
      decision: "approved",
      decided_by: manager.id,
      approval_request_id: request.id,
    });

    const got = await waitForReceived(receiver.name, 4);
    expect(got.map((r) => verifyReceived(endpoint.secret, r).type)).toEqual([
      "content.submitted",
      "approval.step_waiting",
      "approval.step_waiting",
      "content.approved",
    ]);
  });

  it("rejecting, or asking for changes, records content.rejected with the decision and the comment", async () => {
    const { owner, editor, manager } = await createTenant(["owner", "editor", "manager"]);
    const { endpoint } = await subscribe(owner, ["content.rejected"]);
    const first = await draftBy(editor);
    const second = await draftBy(editor);
    await acted(manager, (await submitted(editor, first.id)).id, "reject", "Off brand");
    await acted(manager, (await submitted(editor, second.id)).id, "request_changes", "Fix the time");
    const events = await vi.waitFor(async () => {
      const found = await recorded(owner.organizationId, endpoint.id);
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events.map((e) => [e.type, e.resourceId, e.data.decision, e.data.comment])).toEqual([
      ["content.rejected", first.id, "rejected", "Off brand"],
      ["content.rejected", second.id, "changes_requested", "Fix the time"],
    ]);
  });

  it("a post published and a post failed record post.published and post.failed", async () => {
    const { owner } = await createTenant();
    const { endpoint } = await subscribe(owner, ["post.published", "post.failed"]);
    const account = await connectedAccount(owner, "x");
    const good = await queuedPost(owner, account.row);
    // Over X's 280 characters: the platform refuses it for good.
    const bad = await queuedPost(owner, account.row, { caption: uniqueCaption("x".repeat(300)) });
    for (const { post } of [good, bad]) {
      await env.PUBLISH_QUEUE.send(publishMessage(owner.organizationId, post.id), { contentType: "json" });
    }
    const published = await waitForPost(owner.organizationId, good.post.id, settled);
    const failed = await waitForPost(owner.organizationId, bad.post.id, settled);
    const events = await recorded(owner.organizationId, endpoint.id);
    const of = (id: string) => events.find((e) => e.resourceId === id);
    expect(of(good.post.id)).toMatchObject({
      type: "post.published",
      data: {
        published_post_id: good.post.id,
        content_id: good.content.id,
        social_account_id: account.row.id,
        platform: "x",
        publish_status: "published",
        platform_post_id: published.platformPostId,
        platform_url: published.platformUrl,
        published_at: published.publishedAt?.toISOString(),
        error: null,
        attempts: 1,
      },
    });
    expect(of(bad.post.id)).toMatchObject({
      type: "post.failed",
      data: {
        published_post_id: bad.post.id,
        publish_status: "failed",
        error: failed.lastError,
        platform_url: null,
      },
    });
    expect(events).toHaveLength(2);
  });

  it("an account whose platform refuses to renew its access records social_account.reauth_required, once", async () => {
    const { owner } = await createTenant();
    const { endpoint } = await subscribe(owner, ["social_account.reauth_required"]);
    const account = await createSocialAccount(owner, {
      platform: "x",
      username: "aes_summit",
      tokens: { refreshToken: "a-refresh-token-x-never-issued" },
    });
    const ctx = serviceSystemContext(loadConfig(env), owner.organizationId, "test");
    const { row } = await loadConnectedAccount(ctx, account.id);
    await expect(refreshAccount(ctx, row, "expiring")).rejects.toThrow(/must be reconnected/);
    await expect(refreshAccount(ctx, row, "again")).rejects.toThrow(/must be reconnected/);
    const events = await recorded(owner.organizationId, endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "social_account.reauth_required",
      resourceId: account.id,
      data: {
        social_account_id: account.id,
        platform: "x",
        username: "aes_summit",
        reason: expect.stringMatching(/^X refused to renew access: /),
      },
    });
  });

  it("a new mention, reply, comment or quote records mention.received; a repeat, an edit, a repost do not", async () => {
    const { owner } = await createTenant();
    const { endpoint } = await subscribe(owner, ["mention.received"]);
    const ctx = systemContext(owner.organizationId);
    const mention = observation({
      content: {
        text: "@aes see you at #AES2027",
        author: {
          handle: "fan",
          name: "A Fan",
          followers: 9,
          platformId: "9",
          avatarUrl: null,
          accountCreatedAt: null,
        },
      },
    });
    const repost = observation({ content: { kind: "repost", text: null } });
    const reply = observation({ platform: "bluesky", content: { kind: "reply", text: "Where is hall B?" } });
    const receivedAt = new Date();
    const store = (...items: ReturnType<typeof observation>[]) =>
      storeObservations(
        ctx,
        items.map((o) => ({ observation: o, socialAccountId: null, eventId: null })),
        new Date(),
      );
    await storeObservations(
      ctx,
      [mention, repost, reply].map((o) => ({ observation: o, socialAccountId: null, eventId: null })),
      receivedAt,
    );
    await store(mention);
    await store({
      ...mention,
      observedAt: new Date("2026-12-01T11:00:00Z"),
      content: { ...mention.content!, text: "edited" },
    });
    const events = await recorded(owner.organizationId, endpoint.id);
    expect(events.map((e) => [e.type, e.data.kind, e.data.platform]).sort()).toEqual([
      ["mention.received", "mention", "x"],
      ["mention.received", "reply", "bluesky"],
    ]);
    expect(events.find((e) => e.data.kind === "mention")?.data).toMatchObject({
      text: "@aes see you at #AES2027",
      url: mention.content?.url,
      author: { handle: "fan", name: "A Fan", followers: 9 },
      posted_at: "2026-12-01T09:59:00.000Z",
      received_at: receivedAt.toISOString(),
      event_id: null,
      published_post_id: null,
    });
  });

  it("a negative spike records one sentiment.alert for its window", async () => {
    const { owner } = await createTenant();
    const { endpoint } = await subscribe(owner, ["sentiment.alert"]);
    const event = await createEvent(owner.organizationId);
    const window = 15 * 60_000;
    const midWindow = new Date(Math.floor(Date.now() / window) * window + window / 2);
    const angry = (n: number) =>
      observation({ content: { text: `Awful, chaotic and disappointing: the worst queue ever (${n})` } });
    const store = (...items: ReturnType<typeof observation>[]) =>
      storeObservations(
        { ...systemContext(owner.organizationId), now: () => midWindow },
        items.map((o) => ({ observation: o, socialAccountId: null, eventId: event.id })),
        new Date(),
      );
    await store(...Array.from({ length: ALERT_MIN_ITEMS }, (_, n) => angry(n)));
    await store(angry(100));
    const events = await recorded(owner.organizationId, endpoint.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "sentiment.alert",
      resourceId: event.id,
      data: {
        event_id: event.id,
        event_name: event.name,
        window_start: new Date(midWindow.getTime() - window / 2).toISOString(),
        items: ALERT_MIN_ITEMS,
        negative_share: 1,
      },
    });
  });

  it("records nothing for an organisation without a subscribed, enabled endpoint", async () => {
    const { owner } = await createTenant();
    const other = await createUser(owner.organizationId, { role: "admin" });
    await subscribe(other, ["post.failed"]);
    const ctx = systemContext(owner.organizationId);
    await storeObservations(
      ctx,
      [{ observation: observation(), socialAccountId: null, eventId: null }],
      new Date(),
    );
    expect(await eventsOf(owner.organizationId)).toEqual([]);
    const { owner: lonely } = await createTenant();
    await storeObservations(
      systemContext(lonely.organizationId),
      [{ observation: observation(), socialAccountId: null, eventId: null }],
      new Date(),
    );
    expect(await eventsOf(lonely.organizationId)).toEqual([]);
  });
});
