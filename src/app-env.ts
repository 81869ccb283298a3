import type { Database } from "./db/client.ts";
import type { Bindings, Config } from "./env.ts";
import type { Logger } from "./platform/logger.ts";

/** The Hono environment of every route: bindings plus what `init` puts on the context. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: {
    requestId: string;
    config: Config;
    logger: Logger;
    db: Database;
  };
}
