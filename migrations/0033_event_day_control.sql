CREATE TABLE "publishing_pauses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"platform" text,
	"social_account_id" uuid,
	"until" timestamp with time zone,
	"reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publishing_pauses_platform_check" CHECK ("publishing_pauses"."platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads')),
	CONSTRAINT "publishing_pauses_one_target_check" CHECK ("publishing_pauses"."platform" is null or "publishing_pauses"."social_account_id" is null)
);
--> statement-breakpoint
ALTER TABLE "publishing_pauses" ADD CONSTRAINT "publishing_pauses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_pauses" ADD CONSTRAINT "publishing_pauses_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_pauses" ADD CONSTRAINT "publishing_pauses_social_account_id_social_accounts_id_fk" FOREIGN KEY ("social_account_id") REFERENCES "public"."social_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publishing_pauses" ADD CONSTRAINT "publishing_pauses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publishing_pauses_organization_id_idx" ON "publishing_pauses" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "publishing_pauses_event_id_until_idx" ON "publishing_pauses" USING btree ("event_id","until");--> statement-breakpoint
CREATE INDEX "publishing_pauses_social_account_id_idx" ON "publishing_pauses" USING btree ("social_account_id");--> statement-breakpoint
CREATE INDEX "publishing_pauses_created_by_idx" ON "publishing_pauses" USING btree ("created_by");--> statement-breakpoint
-- The event-wide switch becomes a pause without expiry (written before row-level security is on);
-- its column goes at the end.
INSERT INTO "publishing_pauses" ("organization_id", "event_id", "created_at")
	SELECT "organization_id", "id", "updated_at" FROM "events" WHERE "publishing_paused";--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "publishing_pauses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "publishing_pauses" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "publishing_pauses"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- An API key limited to one event sees and makes only that event's pauses (the rule of 0024).
CREATE POLICY api_key_event_scope ON "publishing_pauses" AS RESTRICTIVE
	USING (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true
		ELSE event_id = nullif(current_setting('app.event_scope', true), '')::uuid END)
	WITH CHECK (CASE WHEN nullif(current_setting('app.event_scope', true), '') IS NULL THEN true
		ELSE event_id = nullif(current_setting('app.event_scope', true), '')::uuid END);
--> statement-breakpoint
-- The one rule of a pause, asked by claim_due_posts (at now()) and by the publish consumer (at its
-- clock): the pause of the event that holds a post to this platform and account at p_at, or null. A
-- pause holds while its `until` is null or later than p_at, so one that expires simply stops matching
-- (no job lifts it). An event-wide pause names neither platform nor account; with both arguments null
-- only event-wide pauses match. Of several, the one that lifts last is answered.
CREATE OR REPLACE FUNCTION publishing_pause_for(
	p_event_id uuid, p_platform text, p_social_account_id uuid, p_at timestamptz
) RETURNS uuid
LANGUAGE sql STABLE AS $$
	SELECT z.id FROM publishing_pauses z
	WHERE z.event_id = p_event_id
		AND (z.until IS NULL OR z.until > p_at)
		AND (z.platform IS NULL OR z.platform = p_platform)
		AND (z.social_account_id IS NULL OR z.social_account_id = p_social_account_id)
	ORDER BY z.until DESC NULLS FIRST, z.created_at DESC
	LIMIT 1
$$;--> statement-breakpoint
-- claim_due_posts of 0013, holding what a pause (publishing_pause_for) or an embargo
-- (content_embargoed, 0032) holds now, instead of the event's old on/off switch.
CREATE OR REPLACE FUNCTION claim_due_posts(
	p_limit integer, p_queued_lease_seconds integer, p_publishing_lease_seconds integer
) RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH due AS (
		SELECT p.id
		FROM published_posts p
		JOIN content c ON c.id = p.content_id
		LEFT JOIN social_accounts a ON a.id = p.social_account_id
		WHERE (
			(p.publish_status = 'pending' AND p.next_attempt_at <= now())
			OR (p.publish_status = 'queued'
				AND coalesce(p.next_attempt_at, p.claimed_at) <= now() - make_interval(secs => p_queued_lease_seconds))
			OR (p.publish_status = 'publishing'
				AND p.claimed_at <= now() - make_interval(secs => p_publishing_lease_seconds))
		)
		AND c.deleted_at IS NULL
		AND c.workflow_status IN ('scheduled', 'publishing')
		-- A closing organisation's posts wait (0030: nothing goes out during the grace period).
		AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = p.organization_id AND o.status = 'active')
		AND publishing_pause_for(c.event_id, p.platform, p.social_account_id, now()) IS NULL
		AND NOT content_embargoed(c.id, now())
		AND (a.id IS NULL OR a.deleted_at IS NOT NULL OR (a.is_active AND a.connection_status = 'connected'))
		ORDER BY p.next_attempt_at NULLS FIRST
		LIMIT p_limit
		FOR UPDATE OF p SKIP LOCKED
	)
	UPDATE published_posts p
	SET publish_status = 'queued', claimed_at = now(), next_attempt_at = now(), updated_at = now()
	FROM due
	WHERE p.id = due.id
	RETURNING p.id, p.organization_id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION claim_due_posts(integer, integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_due_posts(integer, integer, integer) TO guddu_app;--> statement-breakpoint
ALTER TABLE "events" DROP COLUMN "publishing_paused";
