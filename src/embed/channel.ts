/**
 * One live connection per event and page, shared by its widgets: a WebSocket to the event's channel,
 * or, when no socket can be held (closed with 4429, or failing), polling `GET …/wall` with backoff.
 * Polling turns a new version into a `refresh`, so widgets handle one kind of news either way.
 */
import { ReadError, readJson } from "./api.ts";
import type { LiveMessage } from "./types.ts";

export type LiveState = "connecting" | "live" | "polling" | "offline";

export interface LiveListener {
  live(message: LiveMessage): void;
  /** `every`: milliseconds until the next poll or retry, when there is one. */
  liveState(state: LiveState, every: number): void;
}

const PING_MS = 30_000;
const POLL_MIN_MS = 5_000;
const POLL_MAX_MS = 60_000;
/** Over the caps, the server is busy with other readers: try a socket again much later. */
const OVER_CAP_RETRY_MS = 300_000;

const channels = new Map<string, Channel>();

/** Joins the event's channel; returns how to leave it. The last widget to leave closes it. */
export function joinChannel(api: string, key: string, listener: LiveListener): () => void {
  const id = `${api}/${key}`;
  let channel = channels.get(id);
  if (!channel) {
    channel = new Channel(api, key, () => channels.delete(id));
    channels.set(id, channel);
  }
  return channel.add(listener);
}

class Channel {
  private readonly listeners = new Set<LiveListener>();
  private socket: WebSocket | null = null;
  private timer = 0;
  private pinger = 0;
  private version = -1;
  private delay = POLL_MIN_MS;
  private socketDueAt = 0;
  private state: LiveState = "connecting";
  private readonly api: string;
  private readonly key: string;
  private readonly closed: () => void;

  constructor(api: string, key: string, closed: () => void) {
    this.api = api;
    this.key = key;
    this.closed = closed;
  }

  add(listener: LiveListener): () => void {
    this.listeners.add(listener);
    listener.liveState(this.state, this.delay);
    if (this.listeners.size === 1) this.connect();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.close();
    };
  }

  private set(state: LiveState): void {
    this.state = state;
    for (const listener of this.listeners) listener.liveState(state, this.delay);
  }

  private emit(message: LiveMessage): void {
    this.version = message.version;
    for (const listener of this.listeners) listener.live(message);
  }

  private connect(): void {
    let socket: WebSocket;
    try {
      socket = new WebSocket(`${this.api.replace(/^http/, "ws")}/public/v1/events/${this.key}/live`);
    } catch {
      this.fallBack(false);
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.delay = POLL_MIN_MS;
      this.set("live");
      this.pinger = window.setInterval(() => socket.send("ping"), PING_MS);
    };
    socket.onmessage = (event) => {
      const message = parse(event.data);
      if (message) this.emit(message);
    };
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.dropSocket();
      this.fallBack(event.code === 4429);
    };
  }

  private dropSocket(): void {
    clearInterval(this.pinger);
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState < WebSocket.CLOSING) socket.close(1000);
  }

  /** Polls at once (what was missed while the socket was down), and tries a socket again later. */
  private fallBack(overCap: boolean): void {
    this.socketDueAt = Date.now() + (overCap ? OVER_CAP_RETRY_MS : this.delay);
    this.set("polling");
    this.schedule(0);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.poll(), ms);
  }

  private async poll(): Promise<void> {
    let wait: number;
    try {
      const page = await readJson<{ version: number }>(
        `${this.api}/public/v1/events/${this.key}/wall?limit=1`,
      );
      if (this.listeners.size === 0) return;
      if (page.version !== this.version) {
        this.delay = POLL_MIN_MS;
        this.emit({ type: "refresh", version: page.version });
      } else {
        this.delay = Math.min(this.delay * 2, POLL_MAX_MS);
      }
      wait = this.delay;
      this.set("polling");
    } catch (error) {
      if (this.listeners.size === 0) return;
      this.delay = Math.min(this.delay * 2, POLL_MAX_MS);
      const retryAfter = error instanceof ReadError && error.retryAfter ? error.retryAfter * 1000 : 0;
      wait = Math.max(this.delay, retryAfter);
      this.set("offline");
    }
    if (Date.now() >= this.socketDueAt) this.connect();
    else this.schedule(wait);
  }

  private close(): void {
    clearTimeout(this.timer);
    this.dropSocket();
    this.closed();
  }
}

/** A server message, or null for anything else (`pong`, or a message type this script predates). */
function parse(data: unknown): LiveMessage | null {
  if (typeof data !== "string" || !data.startsWith("{")) return null;
  try {
    const message = JSON.parse(data) as LiveMessage;
    return ["hello", "item", "remove", "refresh"].includes(message.type) &&
      typeof message.version === "number"
      ? message
      : null;
  } catch {
    return null;
  }
}
