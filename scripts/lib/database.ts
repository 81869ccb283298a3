/** Creating, migrating and preparing a database for the Worker's role. Node only (scripts, test setup). */
import { fileURLToPath } from "node:url";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../migrations", import.meta.url));

/** The role the Worker connects as: no superuser, no BYPASSRLS (created by a migration). */
export const APP_ROLE = "guddu_app";
export const APP_ROLE_LOCAL_PASSWORD = "guddu_app";

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withClient(withDatabase(adminUrl, "postgres"), async (c) => {
    const r = await c.query("select 1 from pg_database where datname = $1", [name]);
    return r.rowCount === 1;
  });
}

/** Creates `name` (optionally as a copy of `template`) unless it exists. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<void> {
  if (await databaseExists(adminUrl, name)) return;
  await withClient(withDatabase(adminUrl, "postgres"), (c) =>
    c.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ""}`),
  );
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(withDatabase(adminUrl, "postgres"), (c) =>
    c.query(`drop database if exists ${quoteIdent(name)} with (force)`),
  );
}

/** Applies every pending migration in `migrations/` (drizzle's journal makes it idempotent). */
export async function migrateDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query("set client_min_messages = warning");
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
  });
}

/** Local only: lets the application role sign in with a known password. */
export async function enableAppRoleLogin(adminUrl: string): Promise<void> {
  await withClient(adminUrl, (c) =>
    c.query(`alter role ${APP_ROLE} login password '${APP_ROLE_LOCAL_PASSWORD}'`),
  );
}

export function appRoleUrl(adminUrl: string, database: string): string {
  const u = new URL(withDatabase(adminUrl, database));
  u.username = APP_ROLE;
  u.password = APP_ROLE_LOCAL_PASSWORD;
  return u.toString();
}

export { withDatabase };
