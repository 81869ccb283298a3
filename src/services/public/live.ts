/**
 * The event's live channel (durable-objects/event-live): its version, which the public cache keys
 * carry, and the changes pushed to open widgets. Named by the public key, so a public read finds it
 * without the database.
 */
import type { Config } from "../../env.ts";
import type { Logger } from "../../platform/logger.ts";
import type { LiveChange } from "./live-messages.ts";

const channel = (config: Config, key: string) => config.EVENT_LIVE.getByName(key);

export async function publicVersion(config: Config, key: string): Promise<number> {
  return channel(config, key).version();
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
    return await channel(config, key).publish(changes);
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
