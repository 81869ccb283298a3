-- A delegate's identity within an event, for CSV imports (re-importing a file updates the same people
-- instead of adding them again): the email when there is one, else "first|last|organisation", folded
-- to lower case for ASCII letters only (translate() is immutable and locale-free, so every server and
-- the application's own copy of the rule agree). One live delegate per key and event. The closed list
-- of delegate types and the 0-5 VIP tier are checked here too.
ALTER TABLE "delegates" DROP CONSTRAINT "delegates_vip_tier_check";--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "import_key" text GENERATED ALWAYS AS (coalesce(translate(email, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), translate(first_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') || '|' || coalesce(translate(last_name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), '') || '|' || coalesce(translate(organization, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), ''))) STORED NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "delegates_event_id_import_key_key" ON "delegates" USING btree ("event_id","import_key") WHERE "delegates"."deleted_at" is null;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_delegate_type_check" CHECK ("delegates"."delegate_type" in ('delegate', 'speaker', 'vip', 'minister', 'head_of_state', 'media', 'exhibitor', 'sponsor', 'staff', 'other'));--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_vip_tier_check" CHECK ("delegates"."vip_tier" between 0 and 5);