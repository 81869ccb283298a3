/**
 * `npm run db:migrate`: applies pending migrations. With DATABASE_URL (an owner-role URL, e.g. Neon's
 * direct connection string) it migrates that database; without it, the local embedded one.
 */
import { spawnSync } from "node:child_process";
import { migrateDatabase } from "./lib/database.ts";

const url = process.env.DATABASE_URL;
if (url) {
  await migrateDatabase(url);
  process.stdout.write(`migrated ${new URL(url).host}${new URL(url).pathname}\n`);
} else {
  const result = spawnSync(
    process.execPath,
    [new URL("./stack.ts", import.meta.url).pathname, "--mode", "dev", "--migrate-only"],
    {
      stdio: ["pipe", "inherit", "inherit"],
    },
  );
  process.exit(result.status ?? 1);
}
