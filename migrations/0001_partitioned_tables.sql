-- engagement_metrics and sentiment_analysis (by month) and audit_logs (by quarter) are partitioned by
-- range, which drizzle-kit cannot express, so they are created here and left out of drizzle.config.ts.
-- Keep them in step with src/db/schema/{engagement-metrics,sentiment-analysis,audit-logs}.ts.
-- A partitioned table's primary key must include its partition key: hence (id, <time column>).
CREATE TABLE "engagement_metrics" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"published_post_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"impressions" bigint DEFAULT 0 NOT NULL,
	"reach" bigint DEFAULT 0 NOT NULL,
	"likes" bigint DEFAULT 0 NOT NULL,
	"comments" bigint DEFAULT 0 NOT NULL,
	"shares" bigint DEFAULT 0 NOT NULL,
	"engagement_rate" numeric(7, 4),
	"measured_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_metrics_pkey" PRIMARY KEY("id","measured_at"),
	CONSTRAINT "engagement_metrics_platform_check" CHECK ("engagement_metrics"."platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads')),
	CONSTRAINT "engagement_metrics_counters_check" CHECK ("engagement_metrics"."impressions" >= 0 and "engagement_metrics"."reach" >= 0 and "engagement_metrics"."likes" >= 0 and "engagement_metrics"."comments" >= 0 and "engagement_metrics"."shares" >= 0)
) PARTITION BY RANGE ("measured_at");
--> statement-breakpoint
CREATE TABLE "sentiment_analysis" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"published_post_id" uuid,
	"event_id" uuid,
	"platform" text NOT NULL,
	"text_content" text NOT NULL,
	"sentiment" text NOT NULL,
	"sentiment_score" numeric(5, 4) NOT NULL,
	"entities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"analyzed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sentiment_analysis_pkey" PRIMARY KEY("id","analyzed_at"),
	CONSTRAINT "sentiment_analysis_platform_check" CHECK ("sentiment_analysis"."platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads')),
	CONSTRAINT "sentiment_analysis_sentiment_check" CHECK ("sentiment_analysis"."sentiment" in ('positive', 'neutral', 'negative', 'mixed')),
	CONSTRAINT "sentiment_analysis_sentiment_score_check" CHECK ("sentiment_analysis"."sentiment_score" between -1 and 1)
) PARTITION BY RANGE ("analyzed_at");
--> statement-breakpoint
CREATE TABLE "audit_logs" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid,
	"actor_type" text DEFAULT 'user' NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_logs_pkey" PRIMARY KEY("id","created_at"),
	CONSTRAINT "audit_logs_actor_type_check" CHECK ("audit_logs"."actor_type" in ('user', 'system', 'webhook'))
) PARTITION BY RANGE ("created_at");
--> statement-breakpoint
ALTER TABLE "engagement_metrics" ADD CONSTRAINT "engagement_metrics_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_metrics" ADD CONSTRAINT "engagement_metrics_published_post_id_published_posts_id_fk" FOREIGN KEY ("published_post_id") REFERENCES "public"."published_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_analysis" ADD CONSTRAINT "sentiment_analysis_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_analysis" ADD CONSTRAINT "sentiment_analysis_published_post_id_published_posts_id_fk" FOREIGN KEY ("published_post_id") REFERENCES "public"."published_posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_analysis" ADD CONSTRAINT "sentiment_analysis_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_metrics_measured_at_idx" ON "engagement_metrics" USING btree ("measured_at");--> statement-breakpoint
CREATE INDEX "engagement_metrics_published_post_id_measured_at_idx" ON "engagement_metrics" USING btree ("published_post_id","measured_at");--> statement-breakpoint
CREATE INDEX "engagement_metrics_organization_id_measured_at_idx" ON "engagement_metrics" USING btree ("organization_id","measured_at");--> statement-breakpoint
CREATE INDEX "sentiment_analysis_analyzed_at_idx" ON "sentiment_analysis" USING btree ("analyzed_at");--> statement-breakpoint
CREATE INDEX "sentiment_analysis_published_post_id_analyzed_at_idx" ON "sentiment_analysis" USING btree ("published_post_id","analyzed_at");--> statement-breakpoint
CREATE INDEX "sentiment_analysis_event_id_analyzed_at_idx" ON "sentiment_analysis" USING btree ("event_id","analyzed_at");--> statement-breakpoint
CREATE INDEX "sentiment_analysis_organization_id_analyzed_at_idx" ON "sentiment_analysis" USING btree ("organization_id","analyzed_at");--> statement-breakpoint
CREATE INDEX "audit_logs_entity_type_entity_id_idx" ON "audit_logs" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_logs_organization_id_created_at_idx" ON "audit_logs" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_logs_user_id_idx" ON "audit_logs" USING btree ("user_id");--> statement-breakpoint
-- Catch-alls, so a write never fails for want of a partition (the cron creates them ahead of time).
CREATE TABLE "engagement_metrics_default" PARTITION OF "engagement_metrics" DEFAULT;--> statement-breakpoint
CREATE TABLE "sentiment_analysis_default" PARTITION OF "sentiment_analysis" DEFAULT;--> statement-breakpoint
CREATE TABLE "audit_logs_default" PARTITION OF "audit_logs" DEFAULT;--> statement-breakpoint
-- Creates one range partition unless it exists. Rows already caught by the default partition for that
-- range (the cron fell behind) are moved into the new partition; otherwise creating it would fail.
-- Returns whether it created the partition.
CREATE OR REPLACE FUNCTION ensure_range_partition(
	parent text,
	partition_name text,
	key_column text,
	range_start timestamptz,
	range_end timestamptz
) RETURNS boolean
LANGUAGE plpgsql
SET search_path = pg_catalog, public
SET "TimeZone" = 'UTC'
AS $$
DECLARE
	default_partition text := parent || '_default';
	has_strays boolean;
BEGIN
	IF to_regclass(format('public.%I', partition_name)) IS NOT NULL THEN
		RETURN false;
	END IF;

	EXECUTE format('SELECT EXISTS (SELECT 1 FROM public.%I WHERE %I >= $1 AND %I < $2)',
		default_partition, key_column, key_column)
		INTO has_strays USING range_start, range_end;

	IF NOT has_strays THEN
		EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
			partition_name, parent, range_start, range_end);
	ELSE
		-- Detaching drops the triggers cloned from the parent (audit_logs' append-only guard), so the
		-- strays can leave the default partition; attaching it again restores them.
		EXECUTE format('ALTER TABLE public.%I DETACH PARTITION public.%I', parent, default_partition);
		EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
			partition_name, parent, range_start, range_end);
		EXECUTE format('INSERT INTO public.%I SELECT * FROM public.%I WHERE %I >= $1 AND %I < $2',
			partition_name, default_partition, key_column, key_column)
			USING range_start, range_end;
		EXECUTE format('DELETE FROM public.%I WHERE %I >= $1 AND %I < $2',
			default_partition, key_column, key_column)
			USING range_start, range_end;
		EXECUTE format('ALTER TABLE public.%I ATTACH PARTITION public.%I DEFAULT', parent, default_partition);
	END IF;

	-- The application reaches rows through the parent only: row-level security policies live there, and
	-- a partition queried directly would bypass them.
	IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guddu_app') THEN
		EXECUTE format('REVOKE ALL ON TABLE public.%I FROM guddu_app', partition_name);
	END IF;
	RETURN true;
END;
$$;
--> statement-breakpoint
-- Creates the monthly partitions of engagement_metrics and sentiment_analysis and the quarterly ones of
-- audit_logs (e.g. engagement_metrics_2026_11, audit_logs_2026_q4), in UTC, from the period holding
-- from_date through the period holding the month months_ahead months after now. Idempotent; a daily
-- cron calls it. SECURITY DEFINER so the application role can run it without owning the tables.
-- Returns the names of the partitions it created.
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
			SELECT * FROM (VALUES ('engagement_metrics', 'measured_at'), ('sentiment_analysis', 'analyzed_at'))
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
REVOKE ALL ON FUNCTION ensure_range_partition(text, text, text, timestamptz, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION ensure_partitions(date, integer) FROM PUBLIC;--> statement-breakpoint
SELECT count(*) AS partitions_created FROM ensure_partitions('2026-01-01', 12);
