/**
 * The organisation's own posts on its event's wall: published through the real consumer (to the X
 * fake), pushed to open widgets in the batch that records them, and shown as `official` on the wall.
 */
import { describe, expect, it, vi } from "vitest";
import { call } from "../support/http.ts";
import { connectedAccount, deliver, queuedPost } from "../support/publishing.ts";
import { createTenant } from "../support/tenants.ts";
import { createWidgetEvent } from "../support/wall.ts";

describe("the organisation's posts on the wall", () => {
  it("appear as official the moment they are published, on the wall and on open widgets", async () => {
    const { organization, owner } = await createTenant();
    const { event, widgets } = await createWidgetEvent(organization.id);
    const account = await connectedAccount(owner, "x", { eventId: event.id });
    const { post } = await queuedPost(owner, account.row, {
      eventId: event.id,
      caption: "Doors open at 9 in Hall A",
    });

    const response = await call(`/public/v1/events/${widgets.publicKey}/live`, {
      headers: { upgrade: "websocket", "cf-connecting-ip": "192.0.2.90" },
    });
    const socket = response.webSocket!;
    const messages: Array<{ type: string; item?: { official: boolean; text: string } }> = [];
    socket.addEventListener("message", (e) => messages.push(JSON.parse(String(e.data))));
    socket.accept();

    const outcome = await deliver("guddu-publish", [
      { published_post_id: post.id, organization_id: organization.id },
    ]);
    expect(outcome.explicitAcks).toHaveLength(1);
    await vi.waitFor(
      () => {
        if (!messages.some((m) => m.type === "item"))
          throw new Error(`no item pushed: ${JSON.stringify(messages)}`);
      },
      { timeout: 5000, interval: 10 },
    );
    expect(messages.find((m) => m.type === "item")?.item).toMatchObject({
      official: true,
      kind: "post",
      text: "Doors open at 9 in Hall A",
    });
    const wall = await call(`/public/v1/events/${widgets.publicKey}/wall`, {
      headers: { "cf-connecting-ip": "192.0.2.91" },
    });
    expect(((await wall.json()) as { data: unknown[] }).data).toEqual([
      expect.objectContaining({ official: true, platform: "x", text: "Doors open at 9 in Hall A" }),
    ]);
    socket.close();
  });
});
