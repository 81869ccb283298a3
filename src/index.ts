/** The Worker's entry: HTTP, queues, crons, and the Durable Object classes wrangler.toml binds. */
import { createApp } from "./app.ts";
import type { Bindings } from "./env.ts";
import { handleQueue } from "./queues/index.ts";
import { handleScheduled } from "./scheduled.ts";

const app = createApp();

export default {
  fetch: app.fetch,
  queue: (batch, env, _ctx) => handleQueue(batch, env),
  scheduled: (controller, env, _ctx) => handleScheduled(controller, env),
} satisfies ExportedHandler<Bindings>;

export { ApprovalRequest } from "./durable-objects/approval-request/object.ts";
export { EventLive } from "./durable-objects/event-live/object.ts";
export { LoginThrottle } from "./durable-objects/login-throttle/object.ts";
