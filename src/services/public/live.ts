/**
 * The event's live channel (durable-objects/event-live): its version, which the public cache keys
 * carry, and the changes pushed to open widgets. Named by the public key, so a public read finds it
 * without the database.
 */
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { LiveChange } from "./live-messages.ts";

const channel = (config: Config, key: string) => config.EVENT_LIVE.getByName(key);

/**
 * Versions this isolate read or moved on within the last second: a burst of readers asks the channel
 * once a second instead of once each. A change made elsewhere reaches this isolate's readers within
 * that second; one made here, at once.
 */
const recent = new Map<string, { version: number; at: number }>();
const FRESH_MS = 1000;
const MAX_REMEMBERED = 1000;

function remember(key: string, version: number): void {
  if (recent.size >= MAX_REMEMBERED) recent.clear();
  recent.set(key, { version, at: Date.now() });
}

export async function publicVersion(config: Config, key: string): Promise<number> {
  const known = recent.get(key);
  if (known && Date.now() - known.at < FRESH_MS) return known.version;
  const version = await channel(config, key).version();
  remember(key, version);
  return version;
}

/**
 * Moves the event's version on and pushes the changes to its widgets. Called after the change is
 * committed; when the channel cannot be reached the change is logged and readers see it within the
 * cache's time to live (services/public/cache.ts).
 */
export async function publishLive(
  config: Config,
  key: string,
  changes: readonly LiveChange[],
  logger?: Logger,
): Promise<number | null> {
  try {
    const version = await channel(config, key).publish(changes);
    remember(key, version);
    return version;
  } catch (error) {
    logger?.warn("the live channel could not be told of a change", {
      error: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}

/** Hands a widget's WebSocket upgrade to the channel with the caps and the client's address. */
export function joinLive(config: Config, key: string, request: Request, client: string): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set("x-guddu-client", client);
  headers.set("x-guddu-cap-event", String(config.LIVE_MAX_CONNECTIONS_PER_EVENT));
  headers.set("x-guddu-cap-client", String(config.LIVE_MAX_CONNECTIONS_PER_CLIENT));
  return channel(config, key).fetch(new Request(request.url, { headers }));
}
