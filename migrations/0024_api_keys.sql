CREATE TABLE "api_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"prefix" text NOT NULL,
	"secret_hash" text NOT NULL,
	"permissions" text[] NOT NULL,
	"event_id" uuid,
	"created_by" uuid,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"window_started_at" timestamp with time zone,
	"window_requests" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_permissions_check" CHECK (cardinality("api_keys"."permissions") > 0)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys" USING btree ("secret_hash");--> statement-breakpoint
CREATE INDEX "api_keys_organization_id_created_at_idx" ON "api_keys" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "api_keys_event_id_idx" ON "api_keys" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "api_keys_created_by_idx" ON "api_keys" USING btree ("created_by");--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "api_keys"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- A request made with an API key is audited as the key: `actor_type = 'api_key'` and the key's id.
-- No foreign key: the trail keeps naming a key after its organisation's rows are gone, and the
-- constraint lives on the partitioned parent, so replacing it there replaces it on every partition.
ALTER TABLE "audit_logs" ADD COLUMN "api_key_id" uuid;--> statement-breakpoint
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_actor_type_check";--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_type_check" CHECK ("actor_type" in ('user', 'system', 'webhook', 'external', 'api_key'));--> statement-breakpoint
CREATE INDEX "audit_logs_api_key_id_idx" ON "audit_logs" USING btree ("api_key_id") WHERE api_key_id IS NOT NULL;--> statement-breakpoint
-- An API key arrives before its organisation is known, so finding it crosses tenants: this narrow
-- function (run as the owner) finds a key by the SHA-256 of the whole key and, in the same statement,
-- stamps `last_used_at` and counts the request in the key's one-minute window, unless the key is
-- revoked, expired or its organisation inactive. `window_requests` is null when nothing was counted
-- (a revocation that committed meanwhile included). `checked_at` is the database's clock.
CREATE OR REPLACE FUNCTION auth_api_key(p_secret_hash text)
RETURNS TABLE (
	id uuid, organization_id uuid, secret_hash text, permissions text[], event_id uuid,
	expires_at timestamptz, revoked_at timestamptz, organization_status text,
	window_started_at timestamptz, window_requests integer, checked_at timestamptz
)
LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
	WITH found AS (
		SELECT k.id, k.organization_id, k.secret_hash, k.permissions, k.event_id, k.expires_at, k.revoked_at,
		       o.status AS organization_status
		FROM api_keys k JOIN organizations o ON o.id = k.organization_id
		WHERE k.secret_hash = p_secret_hash
	),
	counted AS (
		UPDATE api_keys k SET
			last_used_at = now(),
			window_started_at = CASE WHEN k.window_started_at > now() - interval '1 minute'
				THEN k.window_started_at ELSE now() END,
			window_requests = CASE WHEN k.window_started_at > now() - interval '1 minute'
				THEN k.window_requests + 1 ELSE 1 END
		FROM found f
		WHERE k.id = f.id AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
		  AND f.organization_status = 'active'
		RETURNING k.id, k.window_started_at, k.window_requests
	)
	SELECT f.id, f.organization_id, f.secret_hash, f.permissions, f.event_id, f.expires_at, f.revoked_at,
	       f.organization_status, c.window_started_at, c.window_requests, now()
	FROM found f LEFT JOIN counted c ON c.id = f.id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_api_key(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_api_key(text) TO guddu_app;--> statement-breakpoint
-- A key limited to one event: its requests set `app.event_scope` beside `app.org_id`, and these
-- restrictive policies (ANDed with the tenant policy) leave only that event's rows. Unset, the CASE
-- answers true before it reads the row. A CASE rather than `scope IS NULL OR …`: the planner
-- estimates it at one half instead of a few hundredths, so the plans of unscoped requests barely
-- move. Rows tied to no event are outside any scope; rows that hang off content, posts or approval
-- requests follow them through those tables' own policies.
DO $$
DECLARE
	t text;
	scope constant text := 'nullif(current_setting(''app.event_scope'', true), '''')';
	rule text;
BEGIN
	FOREACH t IN ARRAY ARRAY[
		'campaigns:event_id', 'content:event_id', 'delegates:event_id', 'event_phases:event_id',
		'event_widgets:event_id', 'inbound_items:event_id', 'sentiment_alerts:event_id',
		'sentiment_analysis:event_id', 'events:id',
		'published_posts:content_id:content', 'approval_requests:content_id:content',
		'publish_attempts:published_post_id:published_posts',
		'engagement_metrics:published_post_id:published_posts',
		'approval_actions:approval_request_id:approval_requests'
	]
	LOOP
		rule := CASE WHEN split_part(t, ':', 3) = ''
			THEN format('%I = %s::uuid', split_part(t, ':', 2), scope)
			ELSE format('%I IN (SELECT id FROM %I)', split_part(t, ':', 2), split_part(t, ':', 3))
		END;
		EXECUTE format('DROP POLICY IF EXISTS api_key_event_scope ON %I', split_part(t, ':', 1));
		EXECUTE format(
			'CREATE POLICY api_key_event_scope ON %I AS RESTRICTIVE USING (CASE WHEN %s IS NULL THEN true ELSE %s END) WITH CHECK (CASE WHEN %s IS NULL THEN true ELSE %s END)',
			split_part(t, ':', 1), scope, rule, scope, rule
		);
	END LOOP;
END;
$$;
