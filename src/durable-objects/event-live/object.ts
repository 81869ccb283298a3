import { DurableObject } from "cloudflare:workers";
import type { Bindings } from "../../env.ts";
import type { LiveChange, LiveMessage } from "../../services/public/live-messages.ts";

/**
 * One instance per event's public key: the event's live channel. It holds the embed widgets'
 * WebSockets (hibernatable: an idle wall costs nothing, and `ping` is answered without waking it) and
 * the event's public **version**, which every change that readers can see moves on. The public API
 * caches its answers under the version (services/public/cache.ts), so a change reaches readers at
 * once, and pushes the change itself to every open widget.
 */
export class EventLive extends DurableObject<Bindings> {
  constructor(ctx: DurableObjectState, env: Bindings) {
    super(ctx, env);
    this.ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair("ping", "pong"));
  }

  version(): number {
    return this.ctx.storage.kv.get<number>("version") ?? 0;
  }

  /** Moves the version on once for the changes and sends each to every open widget. */
  publish(changes: readonly LiveChange[]): number {
    const version = this.version() + 1;
    this.ctx.storage.kv.put("version", version);
    const messages = (changes.length > 0 ? changes : [{ type: "refresh" } as const]).map((change) =>
      JSON.stringify({ ...change, version } satisfies LiveMessage),
    );
    for (const socket of this.ctx.getWebSockets()) {
      try {
        for (const message of messages) socket.send(message);
      } catch {
        socket.close(1011, "send failed");
      }
    }
    return version;
  }

  /** How many widgets are connected (for tests and the bench). */
  connections(): number {
    return this.ctx.getWebSockets().length;
  }

  /**
   * A widget joins. The Worker has checked the event and passes the client's address and the caps
   * (services/public/live.ts); over a cap the socket is accepted and closed at once with 4429, so
   * the widget knows to poll instead.
   */
  override async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade", { status: 426 });
    }
    const client = request.headers.get("x-guddu-client") ?? "unknown";
    const perEvent = Number(request.headers.get("x-guddu-cap-event"));
    const perClient = Number(request.headers.get("x-guddu-cap-client"));
    const tag = `client:${client}`;
    const { 0: widget, 1: server } = new WebSocketPair();
    const full =
      this.ctx.getWebSockets().length >= perEvent || this.ctx.getWebSockets(tag).length >= perClient;
    if (full) {
      server.accept();
      server.close(4429, "too many connections: poll instead");
      return new Response(null, { status: 101, webSocket: widget });
    }
    this.ctx.acceptWebSocket(server, [tag]);
    server.send(JSON.stringify({ type: "hello", version: this.version() } satisfies LiveMessage));
    return new Response(null, { status: 101, webSocket: widget });
  }

  override async webSocketClose(socket: WebSocket, code: number): Promise<void> {
    // 1005 (no status) cannot be sent back; anything else is echoed as the closing handshake asks.
    socket.close(code === 1005 ? 1000 : code, "bye");
  }
}
