ALTER TABLE "content" ADD COLUMN "relative_session_id" uuid;--> statement-breakpoint
ALTER TABLE "content" ADD COLUMN "relative_phase_id" uuid;--> statement-breakpoint
ALTER TABLE "content" ADD COLUMN "relative_edge" text;--> statement-breakpoint
ALTER TABLE "content" ADD COLUMN "relative_offset_minutes" integer;--> statement-breakpoint
ALTER TABLE "content" ADD CONSTRAINT "content_relative_session_id_event_sessions_id_fk" FOREIGN KEY ("relative_session_id") REFERENCES "public"."event_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "content" ADD CONSTRAINT "content_relative_phase_id_event_phases_id_fk" FOREIGN KEY ("relative_phase_id") REFERENCES "public"."event_phases"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_relative_session_id_idx" ON "content" USING btree ("relative_session_id") WHERE "content"."relative_session_id" is not null;--> statement-breakpoint
CREATE INDEX "content_relative_phase_id_idx" ON "content" USING btree ("relative_phase_id") WHERE "content"."relative_phase_id" is not null;--> statement-breakpoint
ALTER TABLE "content" ADD CONSTRAINT "content_relative_to_check" CHECK (("content"."relative_session_id" is null or "content"."relative_phase_id" is null) and ("content"."relative_session_id" is null and "content"."relative_phase_id" is null or "content"."relative_edge" in ('start', 'end') and "content"."relative_offset_minutes" is not null));--> statement-breakpoint
ALTER TABLE "published_posts" DROP CONSTRAINT "published_posts_publish_status_check";--> statement-breakpoint
ALTER TABLE "published_posts" ADD CONSTRAINT "published_posts_publish_status_check" CHECK ("published_posts"."publish_status" in ('pending', 'queued', 'publishing', 'published', 'failed', 'cancelled', 'deleted', 'held'));--> statement-breakpoint
-- Sessions and their speakers belong to an event: an API key limited to one event sees only its own
-- (the same restrictive policy as migrations/0024 gives the other event tables).
CREATE POLICY api_key_event_scope ON "event_sessions" AS RESTRICTIVE
	USING (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true ELSE event_id = nullif(current_setting('app.event_scope', true), '')::uuid END)
	WITH CHECK (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true ELSE event_id = nullif(current_setting('app.event_scope', true), '')::uuid END);
--> statement-breakpoint
CREATE POLICY api_key_event_scope ON "event_session_speakers" AS RESTRICTIVE
	USING (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true ELSE session_id IN (SELECT id FROM event_sessions) END)
	WITH CHECK (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true ELSE session_id IN (SELECT id FROM event_sessions) END);
