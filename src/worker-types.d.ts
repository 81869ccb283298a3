/**
 * Types that tie the Worker together, kept out of the import graph: the Durable Object classes behind
 * their namespaces (see `DurableObjectClasses` in env.ts) and the `cloudflare:workers` env of tests.
 */
import type { ApprovalRequest } from "./durable-objects/approval-request/object.ts";
import type { EventLive } from "./durable-objects/event-live/object.ts";
import type { LoginThrottle } from "./durable-objects/login-throttle/object.ts";
import type { Bindings } from "./env.ts";

declare module "./env.ts" {
  interface DurableObjectClasses {
    ApprovalRequest: ApprovalRequest;
    EventLive: EventLive;
    LoginThrottle: LoginThrottle;
  }
}

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {}
    interface GlobalProps {
      mainModule: typeof import("./index.ts");
      durableNamespaces: "ApprovalRequest" | "EventLive" | "LoginThrottle";
    }
  }
}
