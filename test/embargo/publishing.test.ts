/**
 * Embargoes and publishing: embargoed content can be approved and scheduled, but the cron never
 * claims its posts before the lift, a message that arrives anyway puts its post back to pending due at
 * the lift, and publishing now is refused. After the lift the same real cron, queue and consumer
 * publish it. An embargo may follow a session's start, and moves with it.
 */
import { env } from "cloudflare:workers";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inTenant } from "../../src/db/tenant.ts";
import { loadConfig } from "../../src/env.ts";
import { createLogger } from "../../src/platform/logger.ts";
import { systemContext } from "../../src/services/context.ts";
import { publishPost } from "../../src/services/publishing/publish-post.ts";
import { createContent, createContentAs, createMedia, patchContent, transition } from "../support/content.ts";
import { createEvent } from "../support/events.ts";
import { fakePosts } from "../support/fake-platforms.ts";
import { call, expectProblem } from "../support/http.ts";
import {
  connectedAccount,
  deliver,
  postRow,
  postsOf,
  publishMessage,
  queuedPost,
  runDispatchCron,
  settled,
  uniqueCaption,
  updatePost,
  waitForPost,
} from "../support/publishing.ts";
import { createTenant, type TestUser, testDb } from "../support/tenants.ts";
import { createWidgetEvent } from "../support/wall.ts";
import {
  contentRow,
  createSession,
  type Embargoed,
  fromNow,
  HOUR,
  iso,
  moveSession,
  setContentEmbargo,
  setMediaEmbargo,
} from "./support.ts";

type ContentAnswer = Embargoed & { id: string; workflow_status: string };
type Wall = { version: number; data: Array<{ text: string; official: boolean }> };

const logger = createLogger("error");
const client = () => ({ "cf-connecting-ip": `203.0.113.${Math.floor(Math.random() * 250) + 1}` });

async function createdContent(user: TestUser, body: Record<string, unknown>): Promise<ContentAnswer> {
  const response = await createContentAs(user, {
    content_type: "post",
    caption: uniqueCaption("Embargoed"),
    target_platforms: ["x"],
    ...body,
  });
  expect(response.status).toBe(201);
  return (await response.json()) as ContentAnswer;
}

async function readContent(user: TestUser, id: string): Promise<ContentAnswer> {
  const response = await call(`/v1/content/${id}`, { headers: user.headers });
  expect(response.status).toBe(200);
  return (await response.json()) as ContentAnswer;
}

/** Through review to scheduled (in ten minutes), as a person does it; answers the content's one post. */
async function approveAndSchedule(user: TestUser, id: string) {
  for (const to of ["in_review", "approved"]) {
    expect((await transition(user, id, { to })).status).toBe(200);
  }
  const scheduled = await transition(user, id, { to: "scheduled", scheduled_for: iso(fromNow(600_000)) });
  expect(scheduled.status).toBe(200);
  expect(((await scheduled.json()) as ContentAnswer).workflow_status).toBe("scheduled");
  const posts = await postsOf(user.organizationId, id);
  expect(posts).toHaveLength(1);
  return posts[0]!;
}

/** The post's time has come (its scheduled minute passed). */
const makeDue = (organizationId: string, postId: string) =>
  updatePost(organizationId, postId, { nextAttemptAt: new Date(Date.now() - 1000) });

describe("embargoed content is approved and scheduled, but never published before the lift", () => {
  it("the cron leaves its post pending until the embargo lifts, then publishes it; the wall shows it only then", async () => {
    const { owner } = await createTenant();
    const { event, widgets } = await createWidgetEvent(owner.organizationId);
    const account = await connectedAccount(owner, "x");
    const lift = fromNow(HOUR);
    const created = await createdContent(owner, { event_id: event.id, embargo_until: iso(lift) });
    expect(created).toMatchObject({
      embargo_until: iso(lift),
      embargo_session_id: null,
      embargo_lifts_at: iso(lift),
    });
    const post = await approveAndSchedule(owner, created.id);
    await makeDue(owner.organizationId, post.id);

    await runDispatchCron();
    expect(await postRow(owner.organizationId, post.id)).toMatchObject({
      publishStatus: "pending",
      attemptCount: 0,
    });
    expect(await fakePosts("x", account.key)).toEqual([]);
    const wall = `/public/v1/events/${widgets.publicKey}/wall`;
    const before = (await (await call(wall, { headers: client() })).json()) as Wall;
    expect(before.data).toEqual([]);

    // An hour passes: the embargo's time is now behind us.
    await setContentEmbargo(owner.organizationId, created.id, { until: new Date(Date.now() - 1000) });
    await runDispatchCron();
    const done = await waitForPost(owner.organizationId, post.id, settled);
    expect(done.publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
    const after = (await (await call(wall, { headers: client() })).json()) as Wall;
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.data).toEqual([expect.objectContaining({ official: true })]);
  });

  it("a message that arrives under embargo puts its post back to pending, due at the lift; the consumer's clock past it publishes", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const { content, post } = await queuedPost(owner, account.row);
    const lift = fromNow(HOUR);
    await setContentEmbargo(owner.organizationId, content.id, { until: lift });

    const delivered = await deliver("guddu-publish", [publishMessage(owner.organizationId, post.id)]);
    expect(delivered.explicitAcks).toEqual(delivered.ids);
    const parked = await postRow(owner.organizationId, post.id);
    expect(parked).toMatchObject({ publishStatus: "pending", claimedAt: null, attemptCount: 0 });
    expect(parked!.nextAttemptAt?.getTime()).toBe(lift.getTime());
    expect(await fakePosts("x", account.key)).toEqual([]);

    // The consumer's clock (as the publishing tests inject it): a minute before the lift it holds the
    // post again; a second after, the post goes out.
    const config = loadConfig(env);
    const at = (time: Date) =>
      systemContext(config, owner.organizationId, "publisher", { db: testDb(), now: () => time });
    const requeue = () =>
      updatePost(owner.organizationId, post.id, { publishStatus: "queued", claimedAt: new Date() });
    await requeue();
    const early = await publishPost(at(new Date(lift.getTime() - 60_000)), post.id, logger);
    expect(early).toEqual({
      action: "ack",
      reason: `under embargo until ${iso(lift)}: back to pending until then`,
    });
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("pending");
    await requeue();
    const late = await publishPost(at(new Date(lift.getTime() + 1000)), post.id, logger);
    expect(late).toEqual({ action: "ack", reason: "published" });
    expect((await postRow(owner.organizationId, post.id))?.publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("publish-now is 409 content_embargoed with the lift time, for the content's own embargo or a media asset's", async () => {
    const { owner } = await createTenant();
    await connectedAccount(owner, "x");
    const publishNow = (id: string) =>
      call(`/v1/content/${id}/publish-now`, { method: "POST", headers: owner.headers });

    const own = await createContent(owner.organizationId, {
      workflowStatus: "approved",
      targetPlatforms: ["x"],
      caption: uniqueCaption(),
    });
    const lift = fromNow(HOUR);
    await setContentEmbargo(owner.organizationId, own.id, { until: lift });
    const refused = await expectProblem(await publishNow(own.id), 409, "content_embargoed");
    expect(refused).toMatchObject({ embargo_lifts_at: iso(lift) });
    expect(refused.detail).toContain(iso(lift));
    expect(await postsOf(owner.organizationId, own.id)).toEqual([]);
    expect((await contentRow(owner.organizationId, own.id)).workflowStatus).toBe("approved");

    const photo = await createMedia(owner.organizationId);
    const mediaLift = fromNow(2 * HOUR);
    await setMediaEmbargo(owner.organizationId, photo.id, mediaLift);
    const withMedia = await createContent(owner.organizationId, {
      workflowStatus: "scheduled",
      targetPlatforms: ["x"],
      caption: uniqueCaption(),
      mediaAssets: [photo.id],
    });
    expect(await readContent(owner, withMedia.id)).toMatchObject({
      embargo_until: null,
      embargo_lifts_at: iso(mediaLift),
    });
    const byMedia = await expectProblem(await publishNow(withMedia.id), 409, "content_embargoed");
    expect(byMedia).toMatchObject({ embargo_lifts_at: iso(mediaLift) });

    // Once the embargo is behind it, publishing now goes through.
    await setContentEmbargo(owner.organizationId, own.id, { until: new Date(Date.now() - 1000) });
    const sent = await publishNow(own.id);
    expect(sent.status).toBe(202);
    const [post] = await postsOf(owner.organizationId, own.id);
    expect((await waitForPost(owner.organizationId, post!.id, settled)).publishStatus).toBe("published");
  });
});

describe("an embargo that follows a session's start", () => {
  it("lifts when the session starts, moves when the session moves, and holds the cron until then", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const event = await createEvent(owner.organizationId);
    const start = fromNow(2 * HOUR);
    const session = await createSession(owner.organizationId, event.id, start);

    const created = await createdContent(owner, { embargo_session_id: session.id });
    expect(created).toMatchObject({
      embargo_until: null,
      embargo_session_id: session.id,
      embargo_lifts_at: iso(start),
    });
    // With a time as well, the later of the two wins; null takes the time away again (a draft: in place).
    const later = fromNow(3 * HOUR);
    const both = await patchContent(owner, created.id, { embargo_until: iso(later) });
    expect(both.status).toBe(200);
    expect(await both.json()).toMatchObject({ embargo_lifts_at: iso(later) });
    expect(await (await patchContent(owner, created.id, { embargo_until: null })).json()).toMatchObject({
      embargo_until: null,
      embargo_lifts_at: iso(start),
    });

    const moved = fromNow(4 * HOUR);
    await moveSession(owner.organizationId, session.id, moved);
    expect(await readContent(owner, created.id)).toMatchObject({ embargo_lifts_at: iso(moved) });

    const post = await approveAndSchedule(owner, created.id);
    await makeDue(owner.organizationId, post.id);
    await runDispatchCron();
    expect(await postRow(owner.organizationId, post.id)).toMatchObject({
      publishStatus: "pending",
      attemptCount: 0,
    });

    // The programme changes: the session has started already. The embargo follows it, the post goes.
    await moveSession(owner.organizationId, session.id, new Date(Date.now() - 60_000));
    expect(Date.parse((await readContent(owner, created.id)).embargo_lifts_at!)).toBeLessThan(Date.now());
    await runDispatchCron();
    expect((await waitForPost(owner.organizationId, post.id, settled)).publishStatus).toBe("published");
    expect(await fakePosts("x", account.key)).toHaveLength(1);
  });

  it("a session that does not exist, or is another organisation's, is 404 event_session_not_found", async () => {
    const { owner } = await createTenant();
    const other = await createTenant();
    const theirs = await createSession(
      other.owner.organizationId,
      (await createEvent(other.owner.organizationId)).id,
      fromNow(HOUR),
    );
    for (const id of [crypto.randomUUID(), theirs.id]) {
      await expectProblem(
        await createContentAs(owner, { content_type: "post", embargo_session_id: id }),
        404,
        "event_session_not_found",
      );
    }
    const draft = await createdContent(owner, {});
    await expectProblem(
      await patchContent(owner, draft.id, { embargo_session_id: theirs.id }),
      404,
      "event_session_not_found",
    );
    await expectProblem(
      await createContentAs(owner, { content_type: "post", embargo_until: "tomorrow" }),
      400,
      "validation_failed",
    );
  });

  it("a session deleted for good (its event purged) leaves its start as the embargo's time: never lifted early", async () => {
    const { owner } = await createTenant();
    const event = await createEvent(owner.organizationId);
    const start = fromNow(5 * HOUR);
    const session = await createSession(owner.organizationId, event.id, start);
    const created = await createdContent(owner, { event_id: event.id, embargo_session_id: session.id });

    await inTenant({ db: testDb(), organizationId: owner.organizationId }, (db) => ({
      purged: db.execute(sql`delete from events where id = ${event.id}`),
    }));
    const row = await contentRow(owner.organizationId, created.id);
    expect(row).toMatchObject({ eventId: null, embargoSessionId: null });
    expect(row.embargoUntil?.getTime()).toBe(start.getTime());
    expect(await readContent(owner, created.id)).toMatchObject({ embargo_lifts_at: iso(start) });
  });
});
