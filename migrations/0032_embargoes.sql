ALTER TABLE "content" ADD COLUMN "embargo_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "content" ADD COLUMN "embargo_session_id" uuid;--> statement-breakpoint
ALTER TABLE "media_assets" ADD COLUMN "embargo_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "media_assets" ADD COLUMN "embargo_session_id" uuid;--> statement-breakpoint
ALTER TABLE "content" ADD CONSTRAINT "content_embargo_session_id_event_sessions_id_fk" FOREIGN KEY ("embargo_session_id") REFERENCES "public"."event_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "media_assets" ADD CONSTRAINT "media_assets_embargo_session_id_event_sessions_id_fk" FOREIGN KEY ("embargo_session_id") REFERENCES "public"."event_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "content_embargo_session_id_idx" ON "content" USING btree ("embargo_session_id");--> statement-breakpoint
CREATE INDEX "media_assets_embargo_session_id_idx" ON "media_assets" USING btree ("embargo_session_id");--> statement-breakpoint
-- When an embargo lifts: the later of its time and its session's start (null: no embargo). The
-- session's start is read each time, so moving the session moves the embargo. A deleted (restorable)
-- session still holds until its start: deleting it is not a way to lift an embargo.
CREATE OR REPLACE FUNCTION embargo_lifts_at(p_until timestamptz, p_session_id uuid) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT greatest(p_until, (SELECT s.starts_at FROM event_sessions s WHERE s.id = p_session_id))
$$;--> statement-breakpoint
-- Content's own embargo and that of every media asset it uses: the latest lift wins. Primary-key
-- lookups only (the row's sessions, its assets), so it is cheap per row of a claim or a public read.
CREATE OR REPLACE FUNCTION content_embargo_lifts_at(
	p_until timestamptz, p_session_id uuid, p_media_ids uuid[]
) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT greatest(
		embargo_lifts_at(p_until, p_session_id),
		(SELECT max(embargo_lifts_at(m.embargo_until, m.embargo_session_id))
		 FROM media_assets m
		 WHERE m.id = ANY(p_media_ids) AND (m.embargo_until IS NOT NULL OR m.embargo_session_id IS NOT NULL))
	)
$$;--> statement-breakpoint
-- Whether a post of this content may not go out (nor be shown publicly) yet at p_at. claim_due_posts
-- and the publish consumer ask it per post; the public reads per row they show.
CREATE OR REPLACE FUNCTION content_embargoed(p_content_id uuid, p_at timestamptz) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT coalesce((
		SELECT content_embargo_lifts_at(c.embargo_until, c.embargo_session_id, c.media_assets) > p_at
		FROM content c WHERE c.id = p_content_id
	), false)
$$;--> statement-breakpoint
-- A session deleted for good (its event purged) sets the embargoes that follow it to null through the
-- foreign key; just before, its start becomes their embargo_until, so that never lifts one early.
CREATE OR REPLACE FUNCTION keep_session_embargoes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	UPDATE content SET embargo_until = greatest(embargo_until, OLD.starts_at) WHERE embargo_session_id = OLD.id;
	UPDATE media_assets SET embargo_until = greatest(embargo_until, OLD.starts_at) WHERE embargo_session_id = OLD.id;
	RETURN OLD;
END;
$$;--> statement-breakpoint
CREATE TRIGGER event_sessions_keep_embargoes BEFORE DELETE ON "event_sessions"
	FOR EACH ROW EXECUTE FUNCTION keep_session_embargoes();
