/** Event factories, written like the Worker writes (application role, tenant set). */
import type { Platform } from "../../src/db/schema/columns.ts";
import { events } from "../../src/db/schema/events.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

export async function createEvent(
  organizationId: string,
  overrides: {
    slug?: string;
    name?: string;
    startDate?: Date;
    endDate?: Date;
    timezone?: string;
    officialHashtags?: string[];
    socialHandles?: Partial<Record<Platform, string>>;
    deleted?: boolean;
  } = {},
) {
  const slug = overrides.slug ?? `event-${crypto.randomUUID().slice(0, 8)}`;
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(events)
      .values({
        organizationId,
        name: overrides.name ?? `Event ${slug}`,
        slug,
        startDate: overrides.startDate ?? new Date("2027-03-10T05:00:00Z"),
        endDate: overrides.endDate ?? new Date("2027-03-11T18:00:00Z"),
        timezone: overrides.timezone ?? "Africa/Nairobi",
        officialHashtags: overrides.officialHashtags ?? [],
        socialHandles: overrides.socialHandles ?? {},
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}
