/**
 * The database client. Over HTTP, `neon()` holds no socket (each query or `batch` is one fetch = one
 * round trip), so one client per connection string serves every request of the isolate: building it
 * (drizzle walks the whole schema for its relations) cost about 0.6 ms of CPU per request. Every write goes out in one batch with its guards (db/batch.ts), so nothing
 * needs an interactive transaction over the WebSocket `Pool`.
 */
import { neon, neonConfig } from "@neondatabase/serverless";
import { drizzle as drizzleHttp } from "drizzle-orm/neon-http";
import type { Config } from "../env.ts";
import * as schema from "./schema/index.ts";

let configuredProxy: string | undefined;

/** Points the driver at the local Neon proxy when one is configured (dev, tests, bench). */
function configureDriver(config: Config): void {
  const proxy = config.NEON_LOCAL_PROXY;
  if (!proxy || configuredProxy === proxy) return;
  configuredProxy = proxy;
  neonConfig.fetchEndpoint = `http://${proxy}/sql`;
}

function connect(url: string) {
  return drizzleHttp({ client: neon(url), schema, casing: "snake_case" });
}

export type Database = ReturnType<typeof connect>;

/** Tests tag connection strings per measurement; the bound keeps such an isolate's map small. */
const MAX_CLIENTS = 64;
const clients = new Map<string, Database>();

function clientFor(config: Config, url: string): Database {
  configureDriver(config);
  let db = clients.get(url);
  if (!db) {
    if (clients.size >= MAX_CLIENTS) clients.clear();
    db = connect(url);
    clients.set(url, db);
  }
  return db;
}

export function createDb(config: Config): Database {
  return clientFor(config, config.DATABASE_URL);
}

/**
 * Where analytics and dashboards read: the read replica when `DATABASE_URL_READ` is set (the data
 * model: analytics → read replica), the primary otherwise. Only for reads that may lag the primary
 * by a moment.
 */
export function createReadDb(config: Config): Database {
  return clientFor(config, config.DATABASE_URL_READ ?? config.DATABASE_URL);
}
