CREATE TABLE "user_event_access" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_event_access_user_id_event_id_pk" PRIMARY KEY("user_id","event_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "access_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "access_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "access_ends_with_event" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "access_ends_with_event_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "limited_to_events" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "access_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "user_event_access" ADD CONSTRAINT "user_event_access_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_event_access" ADD CONSTRAINT "user_event_access_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_event_access" ADD CONSTRAINT "user_event_access_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_event_access_organization_id_idx" ON "user_event_access" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "user_event_access_event_id_idx" ON "user_event_access" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_access_ends_with_event_id_events_id_fk" FOREIGN KEY ("access_ends_with_event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "users_access_ends_with_event_id_idx" ON "users" USING btree ("access_ends_with_event_id");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_access_window_check" CHECK ("users"."access_starts_at" is null or "users"."access_ends_at" is null or "users"."access_ends_at" > "users"."access_starts_at");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_access_end_check" CHECK (not ("users"."access_ends_with_event" and "users"."access_ends_at" is not null) and ("users"."access_ends_with_event" or "users"."access_ends_with_event_id" is null));--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "user_event_access" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "user_event_access" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "user_event_access"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- A user's access as sign-in, refresh and every request of theirs see it: the version their tokens
-- must carry, the window (its end resolved from the event's end at the time of asking, so moving the
-- event moves it; an event that is gone ends it) and the events they are limited to (null: all; an
-- empty list once every one of them is gone). SECURITY DEFINER like auth_user_by_email: sign-in and
-- refresh call it before the organisation is set.
CREATE OR REPLACE FUNCTION auth_user_access(p_user_id uuid)
RETURNS TABLE (
	access_version integer, access_starts_at timestamptz, access_ends_at timestamptz,
	access_ends_with_event boolean, access_event_ids uuid[]
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT u.access_version, u.access_starts_at,
	       CASE WHEN u.access_ends_with_event THEN coalesce(e.end_date, '-infinity') ELSE u.access_ends_at END,
	       u.access_ends_with_event,
	       CASE WHEN u.limited_to_events THEN coalesce(
	         (SELECT array_agg(a.event_id ORDER BY a.event_id) FROM user_event_access a WHERE a.user_id = u.id),
	         '{}'
	       ) END
	FROM users u LEFT JOIN events e ON e.id = u.access_ends_with_event_id
	WHERE u.id = p_user_id
$$;--> statement-breakpoint
-- The per-request guard: db/tenant.ts calls it in the statement that sets `app.org_id`, so it costs
-- no round trip. An access token names the access version it was issued under; a change of the
-- user's window or events bumps the version, so older tokens stop here (GU401 token_revoked), and a
-- window that closed after the token was issued (an event moved earlier) stops it too (GU401
-- access_ended). `p_at` is the Worker's clock, the one that issued the token. An unknown user passes:
-- deleting users is not this guard's business.
CREATE OR REPLACE FUNCTION assert_user_access(p_user_id uuid, p_version integer, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
	a record;
BEGIN
	SELECT * INTO a FROM auth_user_access(p_user_id);
	IF NOT FOUND THEN
		RETURN true;
	END IF;
	IF a.access_version <> p_version THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'token_revoked';
	END IF;
	IF p_at < a.access_starts_at THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_not_started';
	END IF;
	IF p_at >= a.access_ends_at THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_ended';
	END IF;
	RETURN true;
END;
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_user_access(uuid) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION assert_user_access(uuid, integer, timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_user_access(uuid) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION assert_user_access(uuid, integer, timestamptz) TO guddu_app;--> statement-breakpoint
-- One event scope for API keys and users: `app.event_scope` now holds one event id or several,
-- comma-separated (a user may be limited to several events), and the restrictive policies of 0024,
-- 0031 and 0033 (renamed: they serve both) compare against the list. Unset, the CASE still answers
-- true before it reads the row. A table added later that belongs to an event gets the same policy
-- with the list form (`event_id = ANY (string_to_array(…, ',')::uuid[])`), never `…::uuid`.
DO $$
DECLARE
	t text;
	scope constant text := 'nullif(current_setting(''app.event_scope'', true), '''')';
	rule text;
BEGIN
	FOREACH t IN ARRAY ARRAY[
		'campaigns:event_id', 'content:event_id', 'delegates:event_id', 'event_phases:event_id',
		'event_widgets:event_id', 'inbound_items:event_id', 'sentiment_alerts:event_id',
		'sentiment_analysis:event_id', 'events:id', 'event_sessions:event_id', 'publishing_pauses:event_id',
		'published_posts:content_id:content', 'approval_requests:content_id:content',
		'publish_attempts:published_post_id:published_posts',
		'engagement_metrics:published_post_id:published_posts',
		'approval_actions:approval_request_id:approval_requests',
		'event_session_speakers:session_id:event_sessions'
	]
	LOOP
		rule := CASE WHEN split_part(t, ':', 3) = ''
			THEN format('%I = ANY (string_to_array(%s, '','')::uuid[])', split_part(t, ':', 2), scope)
			ELSE format('%I IN (SELECT id FROM %I)', split_part(t, ':', 2), split_part(t, ':', 3))
		END;
		EXECUTE format('DROP POLICY IF EXISTS api_key_event_scope ON %I', split_part(t, ':', 1));
		EXECUTE format('DROP POLICY IF EXISTS event_scope ON %I', split_part(t, ':', 1));
		EXECUTE format(
			'CREATE POLICY event_scope ON %I AS RESTRICTIVE USING (CASE WHEN %s IS NULL THEN true ELSE %s END) WITH CHECK (CASE WHEN %s IS NULL THEN true ELSE %s END)',
			split_part(t, ':', 1), scope, rule, scope, rule
		);
	END LOOP;
	-- A single-event policy left behind would fail on a list: refuse to migrate past one.
	IF EXISTS (SELECT 1 FROM pg_policies WHERE policyname = 'api_key_event_scope') THEN
		RAISE EXCEPTION 'api_key_event_scope policies remain on: %',
			(SELECT string_agg(tablename, ', ') FROM pg_policies WHERE policyname = 'api_key_event_scope');
	END IF;
END;
$$;
