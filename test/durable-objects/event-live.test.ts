/**
 * EventLive, an event's live channel: its version moves on with every change, each change reaches
 * every open widget with that version, `ping` is answered without waking the object, and a
 * connection over the caps is closed with 4429 so the widget polls instead.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";

const channel = () => env.EVENT_LIVE.getByName(`test-${crypto.randomUUID()}`);

async function connect(
  stub: ReturnType<typeof channel>,
  caps = { event: 100, client: 10 },
  client = "203.0.113.1",
) {
  const response = await stub.fetch("http://event-live/live", {
    headers: {
      upgrade: "websocket",
      "x-guddu-client": client,
      "x-guddu-cap-event": String(caps.event),
      "x-guddu-cap-client": String(caps.client),
    },
  });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  const messages: unknown[] = [];
  const closed = new Promise<number>((resolve) => socket.addEventListener("close", (e) => resolve(e.code)));
  socket.addEventListener("message", (e) => messages.push(typeof e.data === "string" ? e.data : ""));
  socket.accept();
  const next = async (count: number) => {
    await vi.waitFor(
      () => {
        if (messages.length < count) throw new Error(`only ${messages.length} of ${count} messages arrived`);
      },
      { timeout: 5000, interval: 10 },
    );
    return messages.slice(0, count).map((m) => (m === "pong" ? m : JSON.parse(String(m))));
  };
  return { socket, next, closed };
}

describe("EventLive", () => {
  it("greets with the version, and sends every change with the version it moved to", async () => {
    const stub = channel();
    expect(await stub.version()).toBe(0);
    const [a, b] = [await connect(stub), await connect(stub)];
    expect(await a.next(1)).toEqual([{ type: "hello", version: 0 }]);
    expect(await stub.publish([{ type: "remove", id: "x:1" }, { type: "refresh" }])).toBe(1);
    expect(await stub.publish([])).toBe(2);
    const expected = [
      { type: "hello", version: 0 },
      { type: "remove", id: "x:1", version: 1 },
      { type: "refresh", version: 1 },
      { type: "refresh", version: 2 },
    ];
    expect(await a.next(4)).toEqual(expected);
    expect(await b.next(4)).toEqual(expected);
    expect(await stub.version()).toBe(2);
    expect(await stub.connections()).toBe(2);
  });

  it("answers ping with pong", async () => {
    const widget = await connect(channel());
    await widget.next(1);
    widget.socket.send("ping");
    expect((await widget.next(2))[1]).toBe("pong");
  });

  it("closes a connection over the event's cap or the client's with 4429", async () => {
    const stub = channel();
    await connect(stub, { event: 2, client: 1 }, "203.0.113.1");
    const sameClient = await connect(stub, { event: 2, client: 1 }, "203.0.113.1");
    expect(await sameClient.closed).toBe(4429);
    await connect(stub, { event: 2, client: 1 }, "203.0.113.2");
    const overEvent = await connect(stub, { event: 2, client: 1 }, "203.0.113.3");
    expect(await overEvent.closed).toBe(4429);
    expect(await stub.connections()).toBe(2);
  });

  it("refuses a plain request with 426", async () => {
    expect((await channel().fetch("http://event-live/live")).status).toBe(426);
  });
});
