import type { Database } from "./db/client.ts";
import type { Bindings, Config } from "./env.ts";
import type { Logger } from "./platform/logger.ts";
import type { TenantContext } from "./services/context.ts";

/** The Hono environment of every route: bindings plus what the middleware puts on the context. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    config: Config;
    logger: Logger;
    db: Database;
    /** Set by `requirePermission` on authenticated routes. */
    tenant: TenantContext;
    /** What a replay of this POST answers instead of its body: the body without a secret shown once. */
    replayBody?: string;
  };
}
