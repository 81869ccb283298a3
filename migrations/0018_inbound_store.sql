-- The inbound store: what the platforms bring back (src/db/schema/inbound-items.ts). inbound_items is
-- partitioned by month on received_at like the other time series, so it is created here and left out
-- of drizzle.config.ts; its uniqueness on (organization, platform, platform item id) cannot live on a
-- partitioned table (a unique key must include the partition key), so inbound_item_keys holds it.
CREATE TABLE "inbound_item_keys" (
	"organization_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"platform_item_id" text NOT NULL,
	"item_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "inbound_item_keys_pkey" PRIMARY KEY("organization_id","platform","platform_item_id")
);
--> statement-breakpoint
CREATE TABLE "inbound_items" (
	"id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"organization_id" uuid NOT NULL,
	"event_id" uuid,
	"social_account_id" uuid,
	"published_post_id" uuid,
	"platform" text NOT NULL,
	"kind" text NOT NULL,
	"platform_item_id" text NOT NULL,
	"platform_url" text,
	"in_reply_to_platform_id" text,
	"author_platform_id" text,
	"author_handle" text,
	"author_name" text,
	"author_avatar_url" text,
	"author_followers" integer,
	"text" text,
	"language" text,
	"media_urls" text[] DEFAULT '{}'::text[] NOT NULL,
	"hashtags" text[] DEFAULT '{}'::text[] NOT NULL,
	"mentioned_delegate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"platform_created_at" timestamp with time zone,
	"observed_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', coalesce(text, '') || ' ' || coalesce(author_handle, '') || ' ' || coalesce(author_name, ''))) STORED NOT NULL,
	CONSTRAINT "inbound_items_pkey" PRIMARY KEY("id","received_at"),
	CONSTRAINT "inbound_items_platform_check" CHECK ("inbound_items"."platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads')),
	CONSTRAINT "inbound_items_kind_check" CHECK ("inbound_items"."kind" in ('mention', 'reply', 'comment', 'quote', 'repost', 'hashtag'))
) PARTITION BY RANGE ("received_at");
--> statement-breakpoint
ALTER TABLE "inbound_item_keys" ADD CONSTRAINT "inbound_item_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_social_account_id_social_accounts_id_fk" FOREIGN KEY ("social_account_id") REFERENCES "public"."social_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_published_post_id_published_posts_id_fk" FOREIGN KEY ("published_post_id") REFERENCES "public"."published_posts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_items_organization_id_received_at_idx" ON "inbound_items" USING btree ("organization_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_items_event_id_received_at_idx" ON "inbound_items" USING btree ("event_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_items_published_post_id_idx" ON "inbound_items" USING btree ("published_post_id");--> statement-breakpoint
CREATE INDEX "inbound_items_search_vector_idx" ON "inbound_items" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "inbound_items_mentioned_delegate_ids_idx" ON "inbound_items" USING gin ("mentioned_delegate_ids");--> statement-breakpoint
CREATE TABLE "inbound_items_default" PARTITION OF "inbound_items" DEFAULT;--> statement-breakpoint
REVOKE ALL ON TABLE "inbound_items_default" FROM guddu_app;--> statement-breakpoint
-- Tenant data: the same policy as 0005.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['inbound_item_keys', 'inbound_items', 'listening_cursors']
	LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t);
		EXECUTE format(
			'CREATE POLICY tenant_isolation ON %I USING (organization_id = nullif(current_setting(''app.org_id'', true), '''')::uuid) WITH CHECK (organization_id = nullif(current_setting(''app.org_id'', true), '''')::uuid)',
			t
		);
	END LOOP;
END;
$$;
--> statement-breakpoint
-- A webhook delivery names our account the way the platform does (X user id, Page id, Instagram or
-- Threads user id, LinkedIn organization URN). Crossing tenants is this function's only job: it says
-- which organisations hold a live connection to those accounts, and the items are stored inside each.
CREATE OR REPLACE FUNCTION inbound_recipients(p_platform text, p_ids text[])
RETURNS TABLE (recipient text, organization_id uuid, social_account_id uuid, event_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT r.id, a.organization_id, a.id, a.event_id
	FROM unnest(p_ids) AS r(id)
	JOIN social_accounts a
	  ON a.platform = p_platform
	 AND (a.platform_user_id = r.id OR a.metadata->>'authorUrn' = r.id)
	WHERE a.deleted_at IS NULL AND a.is_active
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION inbound_recipients(text, text[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION inbound_recipients(text, text[]) TO guddu_app;--> statement-breakpoint
-- ensure_partitions now also makes inbound_items' monthly partitions (same body as 0001 otherwise).
CREATE OR REPLACE FUNCTION ensure_partitions(from_date date, months_ahead integer DEFAULT 3)
RETURNS SETOF text
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, public
SET "TimeZone" = 'UTC'
AS $$
DECLARE
	last_month date := (date_trunc('month', now()) + make_interval(months => months_ahead))::date;
	period date;
	part_name text;
	monthly record;
BEGIN
	IF from_date IS NULL OR months_ahead IS NULL OR months_ahead < 0 THEN
		RAISE EXCEPTION 'ensure_partitions: from_date must be set and months_ahead >= 0';
	END IF;
	-- Two runs at once would race to create the same partitions.
	PERFORM pg_advisory_xact_lock(hashtext('ensure_partitions'));

	period := date_trunc('month', from_date)::date;
	WHILE period <= last_month LOOP
		FOR monthly IN
			SELECT * FROM (VALUES ('engagement_metrics', 'measured_at'), ('sentiment_analysis', 'analyzed_at'),
					('inbound_items', 'received_at'))
				AS t(parent, key_column)
		LOOP
			part_name := monthly.parent || '_' || to_char(period, 'YYYY_MM');
			IF ensure_range_partition(monthly.parent, part_name, monthly.key_column,
					period::timestamptz, (period + interval '1 month')::timestamptz) THEN
				RETURN NEXT part_name;
			END IF;
		END LOOP;
		period := (period + interval '1 month')::date;
	END LOOP;

	period := date_trunc('quarter', from_date)::date;
	WHILE period <= last_month LOOP
		part_name := 'audit_logs_' || to_char(period, 'YYYY') || '_q' || to_char(period, 'Q');
		IF ensure_range_partition('audit_logs', part_name, 'created_at',
				period::timestamptz, (period + interval '3 months')::timestamptz) THEN
			RETURN NEXT part_name;
		END IF;
		period := (period + interval '3 months')::date;
	END LOOP;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION ensure_partitions(date, integer) FROM PUBLIC;--> statement-breakpoint
SELECT count(*) AS partitions_created FROM ensure_partitions('2026-01-01', 12);
--> statement-breakpoint
-- The listeners the per-minute cron queues a turn for: every live, active, connected Bluesky
-- account's notifications, each minute; and each official hashtag of every event that is live or
-- starts within a day (until a day after it ends): on Bluesky each minute, on Instagram every 15
-- minutes where the organisation has an Instagram account (its hashtag search allows few calls).
-- A listener is due when it was never polled or its interval has passed.
CREATE OR REPLACE FUNCTION due_listeners(p_now timestamptz)
RETURNS TABLE (organization_id uuid, listener text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	WITH wanted AS (
		SELECT a.organization_id, 'notifications:' || a.id AS listener, interval '1 minute' AS every
		FROM social_accounts a
		WHERE a.platform = 'bluesky' AND a.deleted_at IS NULL AND a.is_active AND a.connection_status = 'connected'
		UNION ALL
		SELECT e.organization_id, 'hashtag:' || p.platform || ':' || e.id || ':' || lower(ltrim(h, '#')), p.every
		FROM events e
		CROSS JOIN LATERAL unnest(e.official_hashtags) AS h
		CROSS JOIN (VALUES ('bluesky', interval '1 minute'), ('instagram', interval '15 minutes')) AS p(platform, every)
		WHERE e.deleted_at IS NULL AND e.status IN ('scheduled', 'live')
		  AND p_now BETWEEN e.start_date - interval '1 day' AND e.end_date + interval '1 day'
		  AND ltrim(h, '#') <> ''
		  AND (p.platform = 'bluesky' OR EXISTS (
			SELECT 1 FROM social_accounts i
			WHERE i.organization_id = e.organization_id AND i.platform = 'instagram'
			  AND i.deleted_at IS NULL AND i.is_active AND i.connection_status = 'connected'))
	)
	SELECT DISTINCT w.organization_id, w.listener
	FROM wanted w
	LEFT JOIN listening_cursors c ON c.organization_id = w.organization_id AND c.listener = w.listener
	-- 5 seconds of slack: a cron run a little early must not skip a listener for a whole interval.
	WHERE c.polled_at IS NULL OR c.polled_at <= p_now - w.every + interval '5 seconds'
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION due_listeners(timestamptz) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION due_listeners(timestamptz) TO guddu_app;
