import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../../env.ts";

/**
 * One instance per event: holds the embed widgets' WebSockets (hibernatable, so idle walls cost
 * nothing) and fans new wall items out to them.
 */
export class EventLive extends DurableObject<Bindings> {
  /** Accepts a widget's WebSocket upgrade. */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade") !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Sends one JSON item to every connected widget; returns how many received it. */
  async broadcast(item: unknown): Promise<number> {
    const message = JSON.stringify(item);
    let delivered = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(message);
        delivered++;
      } catch {
        socket.close(1011, "send failed");
      }
    }
    return delivered;
  }

  override async webSocketMessage(socket: WebSocket, message: string | ArrayBuffer): Promise<void> {
    // Widgets only listen; a ping keeps intermediaries from closing an idle connection.
    if (message === "ping") socket.send("pong");
  }
}
