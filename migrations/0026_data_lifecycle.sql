CREATE TABLE "data_archives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'writing' NOT NULL,
	"prefix" text NOT NULL,
	"cursor_at" text,
	"cursor_id" uuid,
	"parts" integer DEFAULT 0 NOT NULL,
	"rows" bigint DEFAULT 0 NOT NULL,
	"deleted_rows" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"drop_checked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	CONSTRAINT "data_archives_source_check" CHECK ("data_archives"."source" in ('engagement_metrics', 'sentiment_analysis', 'inbound_items', 'audit_logs')),
	CONSTRAINT "data_archives_status_check" CHECK ("data_archives"."status" in ('writing', 'archived', 'deleting', 'deleted', 'superseded'))
);
--> statement-breakpoint
CREATE TABLE "data_exports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid,
	"scope" text NOT NULL,
	"subject" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"plan" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"cursor" text,
	"part" integer DEFAULT 0 NOT NULL,
	"rows_total" bigint DEFAULT 0 NOT NULL,
	"rows_written" bigint DEFAULT 0 NOT NULL,
	"media_total" integer DEFAULT 0 NOT NULL,
	"media_written" integer DEFAULT 0 NOT NULL,
	"chunks" integer DEFAULT 0 NOT NULL,
	"schema_version" integer,
	"version" integer DEFAULT 0 NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "data_exports_scope_check" CHECK ("data_exports"."scope" in ('organization', 'user', 'delegate', 'inbound_author')),
	CONSTRAINT "data_exports_status_check" CHECK ("data_exports"."status" in ('queued', 'running', 'completed', 'failed', 'expired')),
	CONSTRAINT "data_exports_subject_platform_check" CHECK ("data_exports"."subject"->>'platform' is null or "data_exports"."subject"->>'platform' in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads'))
);
--> statement-breakpoint
ALTER TABLE "data_archives" ADD CONSTRAINT "data_archives_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_exports" ADD CONSTRAINT "data_exports_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "data_archives_active_period_key" ON "data_archives" USING btree ("organization_id","source","period_start") WHERE status in ('writing', 'archived', 'deleting');--> statement-breakpoint
CREATE INDEX "data_archives_source_period_start_idx" ON "data_archives" USING btree ("source","period_start");--> statement-breakpoint
CREATE INDEX "data_exports_organization_id_created_at_idx" ON "data_exports" USING btree ("organization_id","created_at");--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "data_archives" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "data_archives" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "data_archives"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "data_exports" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "data_exports" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "data_exports"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- How many months an organisation keeps a time series before it is archived and deleted: its
-- settings' retention.<source>_months, 24 when unset, NULL (kept) when set to null. The same rule as
-- src/services/retention/sources.ts.
CREATE OR REPLACE FUNCTION retention_months(p_settings jsonb, p_source text) RETURNS integer
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, public
AS $$
	SELECT CASE
		WHEN jsonb_typeof(p_settings->'retention') = 'object' AND (p_settings->'retention') ? (p_source || '_months')
			THEN (p_settings->'retention'->>(p_source || '_months'))::integer
		ELSE 24
	END
$$;
--> statement-breakpoint
-- The organisations the nightly retention has work for: soft-deleted rows past 90 days, rows of a
-- time series in a period wholly past the organisation's retention (audit logs: 5 years, by quarter),
-- archives still in progress, exports to expire or stuck. Crossing tenants is its only job: it answers
-- ids, and each organisation's work then runs inside its tenant.
CREATE OR REPLACE FUNCTION retention_due_organizations(p_now timestamptz)
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
	SELECT o.id FROM organizations o
	WHERE EXISTS (SELECT 1 FROM data_archives a WHERE a.organization_id = o.id
			AND a.status IN ('writing', 'archived', 'deleting'))
		OR EXISTS (SELECT 1 FROM data_exports x WHERE x.organization_id = o.id
			AND ((x.status IN ('completed', 'failed') AND x.expires_at <= p_now)
				OR (x.status IN ('queued', 'running') AND x.updated_at < p_now - interval '15 minutes')))
		OR EXISTS (SELECT 1 FROM users t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM events t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM event_phases t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM delegates t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM campaigns t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM content t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM content_templates t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM media_assets t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM social_accounts t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM approval_workflows t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM inbound_items t WHERE t.organization_id = o.id AND t.deleted_at < p_now - interval '90 days')
		OR EXISTS (SELECT 1 FROM engagement_metrics t WHERE t.organization_id = o.id AND t.measured_at
			< date_trunc('month', p_now - make_interval(months => retention_months(o.settings, 'engagement_metrics')), 'UTC'))
		OR EXISTS (SELECT 1 FROM sentiment_analysis t WHERE t.organization_id = o.id AND t.analyzed_at
			< date_trunc('month', p_now - make_interval(months => retention_months(o.settings, 'sentiment_analysis')), 'UTC'))
		OR EXISTS (SELECT 1 FROM inbound_items t WHERE t.organization_id = o.id AND t.received_at
			< date_trunc('month', p_now - make_interval(months => retention_months(o.settings, 'inbound_items')), 'UTC'))
		OR EXISTS (SELECT 1 FROM audit_logs t WHERE t.organization_id = o.id AND t.created_at
			< date_trunc('quarter', p_now - interval '5 years', 'UTC'))
$$;
--> statement-breakpoint
-- Drops one period's partition of a time series once every organisation with rows in it has them in
-- an archive that counts exactly those rows, then marks those archives deleted, each with an audit
-- row. This is the only way rows leave audit_logs (its trigger refuses DELETE; dropping a partition
-- fires no row trigger), and the cheap way for the others: an organisation that keeps the period
-- longer (its retention setting) keeps the partition, and the others' rows are deleted row by row
-- instead. Rows of the period still in the default partition are first moved into their own.
-- Answers whether it dropped the partition.
CREATE OR REPLACE FUNCTION retention_drop_partition(p_source text, p_period_start timestamptz)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, public
SET "TimeZone" = 'UTC'
AS $$
DECLARE
	key_column text;
	period_end timestamptz;
	part_name text;
	mismatched boolean;
BEGIN
	IF p_source IN ('engagement_metrics', 'sentiment_analysis', 'inbound_items') THEN
		IF p_period_start <> date_trunc('month', p_period_start) THEN
			RAISE EXCEPTION 'retention_drop_partition: % is not the start of a month', p_period_start;
		END IF;
		period_end := p_period_start + interval '1 month';
		part_name := p_source || '_' || to_char(p_period_start, 'YYYY_MM');
		key_column := CASE p_source WHEN 'engagement_metrics' THEN 'measured_at'
			WHEN 'sentiment_analysis' THEN 'analyzed_at' ELSE 'received_at' END;
	ELSIF p_source = 'audit_logs' THEN
		IF p_period_start <> date_trunc('quarter', p_period_start) THEN
			RAISE EXCEPTION 'retention_drop_partition: % is not the start of a quarter', p_period_start;
		END IF;
		period_end := p_period_start + interval '3 months';
		part_name := 'audit_logs_' || to_char(p_period_start, 'YYYY') || '_q' || to_char(p_period_start, 'Q');
		key_column := 'created_at';
	ELSE
		RAISE EXCEPTION 'retention_drop_partition: unknown source %', p_source;
	END IF;
	-- Dropping a partition locks its parent: give up rather than queue every writer behind it.
	PERFORM set_config('lock_timeout', '5s', true);
	PERFORM pg_advisory_xact_lock(hashtext('ensure_partitions'));
	PERFORM ensure_range_partition(p_source, part_name, key_column, p_period_start, period_end);

	EXECUTE format(
		'SELECT EXISTS (
			SELECT 1 FROM (SELECT organization_id, count(*) AS n FROM public.%I GROUP BY organization_id) p
			LEFT JOIN (SELECT organization_id, sum("rows") AS n FROM public.data_archives
				WHERE source = $1 AND period_start = $2 AND status = ''archived'' GROUP BY organization_id) a
				USING (organization_id)
			WHERE a.n IS DISTINCT FROM p.n)', part_name)
		INTO mismatched USING p_source, p_period_start;
	IF mismatched THEN
		RETURN false;
	END IF;

	EXECUTE format('DROP TABLE public.%I', part_name);
	WITH dropped AS (
		UPDATE data_archives SET status = 'deleted', deleted_rows = "rows", purged_at = now(),
			updated_at = now(), version = version + 1
		WHERE source = p_source AND period_start = p_period_start AND status = 'archived'
		RETURNING id, organization_id, "rows"
	)
	INSERT INTO audit_logs (organization_id, actor_type, action, entity_type, entity_id, changes)
	SELECT organization_id, 'system', 'retention.partition_drop', 'data_archive', id,
		jsonb_build_object('source', p_source, 'period_start', p_period_start, 'period_end', period_end, 'rows', "rows")
	FROM dropped;
	RETURN true;
END;
$$;
--> statement-breakpoint
-- The migrations applied, as archive manifests record it (their rows' shape at that version).
CREATE OR REPLACE FUNCTION archive_schema_version() RETURNS integer
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, public
AS $$
BEGIN
	RETURN (SELECT count(*)::integer FROM drizzle.__drizzle_migrations);
EXCEPTION WHEN undefined_table OR invalid_schema_name OR insufficient_privilege THEN
	RETURN NULL;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION retention_due_organizations(timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION retention_drop_partition(text, timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION archive_schema_version() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION retention_due_organizations(timestamptz) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION retention_drop_partition(text, timestamptz) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION archive_schema_version() TO guddu_app;
