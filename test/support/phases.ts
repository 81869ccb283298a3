/** Event phase factories, written like the Worker writes (application role, tenant set). */
import { eventPhases } from "../../src/db/schema/event-phases.ts";
import { inTenant } from "../../src/db/tenant.ts";
import { testDb } from "./tenants.ts";

export async function createPhase(
  organizationId: string,
  eventId: string,
  overrides: { name?: string; startsAt?: Date; endsAt?: Date; sortOrder?: number; deleted?: boolean } = {},
) {
  const { inserted } = await inTenant({ db: testDb(), organizationId }, (db) => ({
    inserted: db
      .insert(eventPhases)
      .values({
        organizationId,
        eventId,
        name: overrides.name ?? "Day 1",
        startsAt: overrides.startsAt ?? new Date("2027-03-10T05:00:00Z"),
        endsAt: overrides.endsAt ?? new Date("2027-03-10T18:00:00Z"),
        sortOrder: overrides.sortOrder ?? 0,
        deletedAt: overrides.deleted ? new Date() : null,
      })
      .returning(),
  }));
  return inserted[0]!;
}
