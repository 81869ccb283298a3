/** Publishing pauses written straight into the table, as the pause service would leave them. */
import type { Platform } from "../../src/db/schema/columns.ts";
import { type PublishingPause, publishingPauses } from "../../src/db/schema/publishing-pauses.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { createEvent } from "./events.ts";
import { testDb } from "./tenants.ts";

/** A pause of an event (a new one unless given), the whole event unless a platform is named. */
export async function createPause(
  organizationId: string,
  options: { eventId?: string; platform?: Platform; until?: Date | null } = {},
): Promise<PublishingPause> {
  const eventId = options.eventId ?? (await createEvent(organizationId)).id;
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(publishingPauses)
      .values({ organizationId, eventId, platform: options.platform ?? null, until: options.until ?? null })
      .returning(),
  }));
  return inserted[0]!;
}
