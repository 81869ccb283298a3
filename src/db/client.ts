/**
 * The per-request database client. Workers forbid sharing sockets across requests, so each request
 * makes its own; `neon()` over HTTP does no I/O until the first query (one query or one `batch`
 * = one round trip). Interactive transactions need the WebSocket `Pool`: see `withPool`.
 */
import { neon, neonConfig, Pool } from "@neondatabase/serverless";
import { drizzle as drizzleHttp } from "drizzle-orm/neon-http";
import { drizzle as drizzleWs } from "drizzle-orm/neon-serverless";
import type { Config } from "../env.ts";
import * as schema from "./schema/index.ts";

export type Database = ReturnType<typeof createDb>;
export type PoolDatabase = ReturnType<typeof drizzleWs<typeof schema>>;

let configuredProxy: string | undefined;

/** Points the driver at the local Neon proxy when one is configured (dev, tests, bench). */
function configureDriver(config: Config): void {
  const proxy = config.NEON_LOCAL_PROXY;
  if (!proxy || configuredProxy === proxy) return;
  configuredProxy = proxy;
  neonConfig.fetchEndpoint = `http://${proxy}/sql`;
  neonConfig.wsProxy = () => `${proxy}/v1`;
  neonConfig.useSecureWebSocket = false;
  neonConfig.pipelineTLS = false;
  // The local PostgreSQL uses password auth, so connect can be pipelined into one round trip.
  neonConfig.pipelineConnect = "password";
}

export function createDb(config: Config) {
  configureDriver(config);
  return drizzleHttp({ client: neon(config.DATABASE_URL), schema, casing: "snake_case" });
}

/**
 * Runs `fn` with a WebSocket pool (interactive transactions). The pool is closed after `fn`,
 * success or not; every pool has an error listener so a dropped socket cannot crash the isolate.
 */
export async function withPool<T>(config: Config, fn: (db: PoolDatabase) => Promise<T>): Promise<T> {
  configureDriver(config);
  const pool = new Pool({ connectionString: config.DATABASE_URL });
  pool.on("error", () => {});
  try {
    return await fn(drizzleWs({ client: pool, schema, casing: "snake_case" }));
  } finally {
    await pool.end();
  }
}
