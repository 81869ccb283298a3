/**
 * A `thread` through the real queue and consumer: on X its parts go out as a reply chain, and an
 * attempt whose answer was lost is reconciled — the first post found, only the missing replies sent.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { fakePosts, queueFault } from "../support/fake-platforms.ts";
import {
  attemptsOf,
  connectedAccount,
  publishMessage,
  queuedPost,
  settled,
  uniqueCaption,
  waitForPost,
} from "../support/publishing.ts";
import { createTenant } from "../support/tenants.ts";

describe("publishing a thread", () => {
  it("X: the parts are a reply chain; a first post stored without an answer is found, and only the replies follow", async () => {
    const { owner } = await createTenant();
    const account = await connectedAccount(owner, "x");
    const parts = [
      uniqueCaption("The keynote starts"),
      uniqueCaption("Then the panel"),
      uniqueCaption("And lunch"),
    ];
    const { post } = await queuedPost(owner, account.row, {
      contentType: "thread",
      caption: parts.join("\n---\n"),
    });
    await queueFault("x", "publish", "timeout_after_accept", { account: account.key });
    await env.PUBLISH_QUEUE.send(publishMessage(owner.organizationId, post.id), { contentType: "json" });
    const done = await waitForPost(owner.organizationId, post.id, settled);

    const onPlatform = await fakePosts("x", account.key);
    expect(onPlatform.map((p) => p.text)).toEqual(parts);
    expect(onPlatform.map((p) => p.reply_to)).toEqual([null, onPlatform[0]?.id, onPlatform[1]?.id]);
    expect(done).toMatchObject({ publishStatus: "published", platformPostId: onPlatform[0]?.id });
    expect(done.publishedContent).toMatchObject({ text: parts[0], replies: parts.slice(1) });
    const attempts = await attemptsOf(owner.organizationId, post.id);
    expect(attempts.map((a) => a.outcome)).toEqual(["uncertain", "succeeded"]);
    expect(attempts[1]?.platformResponse).toMatchObject({
      replies: [onPlatform[1]?.id, onPlatform[2]?.id],
    });
  });
});
