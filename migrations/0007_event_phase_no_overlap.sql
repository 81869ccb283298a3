-- Phases of one event never overlap, even when two requests write them at the same moment: the
-- application answers 409 phase_overlap for what it sees, and this constraint (violation 23P01,
-- mapped to the same 409) settles the race between two transactions that could not see each other.
-- Half-open ranges, so one phase may end exactly when the next begins. Deleted phases do not count.
-- btree_gist lets the uuid equality share the GiST index with the range overlap.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "event_phases" ADD CONSTRAINT "event_phases_no_overlap"
	EXCLUDE USING gist ("event_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)
	WHERE ("deleted_at" IS NULL);
