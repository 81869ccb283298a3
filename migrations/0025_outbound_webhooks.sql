CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"url" text NOT NULL,
	"description" text,
	"event_types" text[] NOT NULL,
	"secret" text NOT NULL,
	"previous_secret" text,
	"previous_secret_expires_at" timestamp with time zone,
	"enabled" boolean DEFAULT true NOT NULL,
	"disabled_reason" text,
	"disabled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_organization_id_id_key" UNIQUE("organization_id","id"),
	CONSTRAINT "webhook_endpoints_event_types_check" CHECK (cardinality("webhook_endpoints"."event_types") > 0)
);
--> statement-breakpoint
CREATE TABLE "webhook_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"type" text NOT NULL,
	"resource_id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_events_organization_id_id_key" UNIQUE("organization_id","id")
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "webhook_deliveries_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"resource_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"last_attempt_at" timestamp with time zone,
	"response_status" integer,
	"response_body" text,
	"duration_ms" integer,
	"error" text,
	"delivered_at" timestamp with time zone,
	"replay_of" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'queued', 'sending', 'succeeded', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD CONSTRAINT "webhook_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_fk" FOREIGN KEY ("organization_id","endpoint_id") REFERENCES "public"."webhook_endpoints"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_event_fk" FOREIGN KEY ("organization_id","event_id") REFERENCES "public"."webhook_events"("organization_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webhook_endpoints_organization_id_created_at_idx" ON "webhook_endpoints" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_events_occurred_at_idx" ON "webhook_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint_id_created_at_idx" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_event_id_idx" ON "webhook_deliveries" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_unfinished_idx" ON "webhook_deliveries" USING btree ("endpoint_id","resource_id","seq") WHERE status in ('pending', 'queued', 'sending');--> statement-breakpoint
CREATE INDEX "webhook_deliveries_status_next_attempt_at_idx" ON "webhook_deliveries" USING btree ("status","next_attempt_at") WHERE status in ('pending', 'queued', 'sending');--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "webhook_endpoints" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "webhook_endpoints"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "webhook_events"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "webhook_deliveries"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- The every-minute cron's cross-tenant claim of due webhook deliveries (services/webhooks/dispatch.ts),
-- as claim_due_posts (0013) does for posts: a pending delivery whose time has come, a queued one whose
-- message never arrived and a sending one whose worker vanished (both after p_lease_seconds), of an
-- enabled endpoint, and only the first unfinished delivery of each endpoint and resource, so a later
-- event about the same resource never overtakes an earlier one. FOR UPDATE SKIP LOCKED: two runs at
-- once never claim the same row.
CREATE OR REPLACE FUNCTION claim_due_webhook_deliveries(p_limit integer, p_lease_seconds integer)
RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH due AS (
		SELECT d.id
		FROM webhook_deliveries d
		JOIN webhook_endpoints e ON e.id = d.endpoint_id
		WHERE (
			(d.status = 'pending' AND d.next_attempt_at <= now())
			OR (d.status = 'queued' AND d.next_attempt_at <= now() - make_interval(secs => p_lease_seconds))
			OR (d.status = 'sending' AND d.claimed_at <= now() - make_interval(secs => p_lease_seconds))
		)
		AND e.enabled
		AND NOT EXISTS (
			SELECT 1 FROM webhook_deliveries p
			WHERE p.endpoint_id = d.endpoint_id AND p.resource_id = d.resource_id AND p.seq < d.seq
				AND p.status IN ('pending', 'queued', 'sending')
		)
		ORDER BY d.seq
		LIMIT p_limit
		FOR UPDATE OF d SKIP LOCKED
	)
	UPDATE webhook_deliveries d
	SET status = 'queued', claimed_at = now(), next_attempt_at = now()
	FROM due
	WHERE d.id = due.id
	RETURNING d.id, d.organization_id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION claim_due_webhook_deliveries(integer, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION claim_due_webhook_deliveries(integer, integer) TO guddu_app;--> statement-breakpoint
-- The cron's answer when the claimed deliveries' messages could not be sent: pending again, due now.
CREATE OR REPLACE FUNCTION release_webhook_deliveries(p_ids uuid[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH released AS (
		UPDATE webhook_deliveries SET status = 'pending', claimed_at = NULL
		WHERE id = ANY(p_ids) AND status = 'queued'
		RETURNING 1
	)
	SELECT count(*)::integer FROM released
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION release_webhook_deliveries(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION release_webhook_deliveries(uuid[]) TO guddu_app;--> statement-breakpoint
-- The nightly cron forgets events older than p_days (their deliveries go with them), except those
-- with a delivery still under way.
CREATE OR REPLACE FUNCTION purge_webhook_history(p_days integer) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH purged AS (
		DELETE FROM webhook_events ev
		WHERE ev.occurred_at < now() - make_interval(days => p_days)
			AND NOT EXISTS (
				SELECT 1 FROM webhook_deliveries d
				WHERE d.event_id = ev.id AND d.status IN ('pending', 'queued', 'sending')
			)
		RETURNING 1
	)
	SELECT count(*)::integer FROM purged
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION purge_webhook_history(integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION purge_webhook_history(integer) TO guddu_app;
