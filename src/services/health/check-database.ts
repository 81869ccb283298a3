import { sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { ServiceUnavailableError } from "../../errors.ts";

/** One round trip: proves the database answers as the application role. */
export async function checkDatabase(db: Database): Promise<{ latencyMs: number }> {
  const started = Date.now();
  try {
    await db.execute(sql`select 1`);
  } catch {
    throw new ServiceUnavailableError("database_unavailable", "The database did not answer.");
  }
  return { latencyMs: Date.now() - started };
}
