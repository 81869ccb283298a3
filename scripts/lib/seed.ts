/** Demo data for `npm run dev`: idempotent (fixed ids, ON CONFLICT DO NOTHING), so a second run keeps it. */
import { withClient } from "./database.ts";

export async function seedDemoData(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async () => {});
}

/** Lines `npm run dev` prints about signing in (empty until sign-in exists). */
export const DEMO_CREDENTIALS: string[] = [];
