import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { ApprovalRequest } from "../../src/durable-objects/approval-request/object.ts";

describe("ApprovalRequest", () => {
  it("answers 404 for a request Postgres does not have, and stores nothing", async () => {
    const requestId = crypto.randomUUID();
    const stub = env.APPROVAL_REQUEST.get(env.APPROVAL_REQUEST.idFromName(requestId));
    const reply = await stub.inspect({ requestId, organizationId: crypto.randomUUID() });
    expect(reply).toMatchObject({ ok: false, problem: { status: 404, code: "approval_request_not_found" } });
    const stored = await runInDurableObject(stub, async (_instance: ApprovalRequest, state) =>
      state.storage.list(),
    );
    expect(stored.size).toBe(0);
  });
});

describe("EventLive", () => {
  it("fans a wall item out to every connected widget", async () => {
    const stub = env.EVENT_LIVE.get(env.EVENT_LIVE.idFromName(crypto.randomUUID()));
    const sockets = await Promise.all(
      [1, 2].map(async () => {
        const response = await stub.fetch("http://event-live/connect", { headers: { upgrade: "websocket" } });
        expect(response.status).toBe(101);
        const socket = response.webSocket!;
        socket.accept();
        return socket;
      }),
    );
    const received = sockets.map(
      (socket) =>
        new Promise<string>((resolve) => socket.addEventListener("message", (e) => resolve(String(e.data)))),
    );
    expect(await stub.broadcast({ kind: "post", text: "hello" })).toBe(2);
    expect((await Promise.all(received)).map((m) => JSON.parse(m))).toEqual([
      { kind: "post", text: "hello" },
      { kind: "post", text: "hello" },
    ]);
  });

  it("refuses a plain request with 426", async () => {
    const stub = env.EVENT_LIVE.get(env.EVENT_LIVE.idFromName(crypto.randomUUID()));
    expect((await stub.fetch("http://event-live/connect")).status).toBe(426);
  });
});
