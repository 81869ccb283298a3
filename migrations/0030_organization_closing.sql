-- Closing an organisation (README, "Data lifecycle › Closing an organisation"): its owner asks, the
-- organisation is `closing` for a grace period (everything frozen, reading and exporting still work),
-- then the nightly lifecycle purges every row, object and platform token and keeps a receipt.
ALTER TABLE "organizations" DROP CONSTRAINT "organizations_status_check";--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_status_check" CHECK ("organizations"."status" in ('active', 'suspended', 'archived', 'closing'));--> statement-breakpoint
CREATE TABLE "organization_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"phase" text DEFAULT 'tokens' NOT NULL,
	"reason" text,
	"grace_days" integer NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purge_after" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"purge_started_at" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"removed_rows" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"removed_objects" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"token_revocations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_closures_status_check" CHECK ("organization_closures"."status" in ('pending', 'cancelled', 'purging', 'purged')),
	CONSTRAINT "organization_closures_phase_check" CHECK ("organization_closures"."phase" in ('tokens', 'uploads', 'deliveries', 'rows', 'objects', 'receipt', 'done')),
	CONSTRAINT "organization_closures_grace_days_check" CHECK ("organization_closures"."grace_days" between 7 and 90)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "organization_closures_open_key" ON "organization_closures" USING btree ("organization_id") WHERE status in ('pending', 'purging');--> statement-breakpoint
CREATE INDEX "organization_closures_organization_id_requested_at_idx" ON "organization_closures" USING btree ("organization_id","requested_at");--> statement-breakpoint
CREATE INDEX "organization_closures_status_purge_after_idx" ON "organization_closures" USING btree ("status","purge_after");--> statement-breakpoint
-- Tenant data: the same policy as 0005. No foreign key to organizations: the receipt outlives it.
ALTER TABLE "organization_closures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organization_closures" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "organization_closures"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- The write guard: a request that writes on a closing organisation's behalf sets its tenant with this
-- beside set_config (src/db/tenant.ts), so the check rides in the statement every batch starts with
-- and costs no round trip. GUCLS becomes 409 organization_closing.
CREATE OR REPLACE FUNCTION assert_organization_writable(p_org uuid) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM organizations WHERE id = p_org AND status = 'closing') THEN
		RAISE EXCEPTION 'organization % is closing: it takes no writes', p_org USING ERRCODE = 'GUCLS';
	END IF;
END;
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION assert_organization_writable(uuid) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION assert_organization_writable(uuid) TO guddu_app;--> statement-breakpoint
-- An API key of a closing organisation still reads (and exports, where a key may): its request is
-- counted as before; the middleware refuses its writes. Otherwise as 0024.
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
		  AND f.organization_status IN ('active', 'closing')
		RETURNING k.id, k.window_started_at, k.window_requests
	)
	SELECT f.id, f.organization_id, f.secret_hash, f.permissions, f.event_id, f.expires_at, f.revoked_at,
	       f.organization_status, c.window_started_at, c.window_requests, now()
	FROM found f LEFT JOIN counted c ON c.id = f.id
$$;--> statement-breakpoint
-- Nothing of a closing organisation goes out or comes in: the cross-tenant claims and lookups below
-- are those of 0018, 0020, 0023 and 0025 with one more condition, the organisation's status (the one
-- place it is kept); claim_due_posts (0033, which redefines it) has it too. Its posts, measurements,
-- listeners and webhook deliveries simply wait, and carry on if the closure is cancelled.
CREATE OR REPLACE FUNCTION claim_due_measurements(p_limit integer, p_lease_seconds integer)
RETURNS TABLE (id uuid, organization_id uuid, social_account_id uuid, platform text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
	UPDATE published_posts p SET metrics_due_at = NULL
	WHERE p.metrics_due_at <= now()
		AND (p.social_account_id IS NULL OR p.publish_status <> 'published' OR p.platform_post_id IS NULL);
	RETURN QUERY
	WITH due AS (
		SELECT p.id
		FROM published_posts p
		JOIN organizations o ON o.id = p.organization_id
		WHERE p.metrics_due_at <= now() AND o.status = 'active'
		ORDER BY p.metrics_due_at
		LIMIT p_limit
		FOR UPDATE OF p SKIP LOCKED
	)
	UPDATE published_posts p
	SET metrics_due_at = now() + make_interval(secs => p_lease_seconds)
	FROM due
	WHERE p.id = due.id
	RETURNING p.id, p.organization_id, p.social_account_id, p.platform;
END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION claim_due_webhook_deliveries(p_limit integer, p_lease_seconds integer)
RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH due AS (
		SELECT d.id
		FROM webhook_deliveries d
		JOIN webhook_endpoints e ON e.id = d.endpoint_id
		JOIN organizations o ON o.id = d.organization_id
		WHERE (
			(d.status = 'pending' AND d.next_attempt_at <= now())
			OR (d.status = 'queued' AND d.next_attempt_at <= now() - make_interval(secs => p_lease_seconds))
			OR (d.status = 'sending' AND d.claimed_at <= now() - make_interval(secs => p_lease_seconds))
		)
		AND e.enabled
		AND o.status = 'active'
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
CREATE OR REPLACE FUNCTION inbound_recipients(p_platform text, p_ids text[])
RETURNS TABLE (recipient text, organization_id uuid, social_account_id uuid, event_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT r.id, a.organization_id, a.id, a.event_id
	FROM unnest(p_ids) AS r(id)
	JOIN social_accounts a
	  ON a.platform = p_platform
	 AND (a.platform_user_id = r.id OR a.metadata->>'authorUrn' = r.id)
	JOIN organizations o ON o.id = a.organization_id AND o.status = 'active'
	WHERE a.deleted_at IS NULL AND a.is_active
$$;--> statement-breakpoint
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
	JOIN organizations o ON o.id = w.organization_id AND o.status = 'active'
	LEFT JOIN listening_cursors c ON c.organization_id = w.organization_id AND c.listener = w.listener
	-- 5 seconds of slack: a cron run a little early must not skip a listener for a whole interval.
	WHERE c.polled_at IS NULL OR c.polled_at <= p_now - w.every + interval '5 seconds'
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION public_event(p_key text)
RETURNS TABLE (organization_id uuid, event_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT w.organization_id, w.event_id
	FROM event_widgets w JOIN events e ON e.id = w.event_id AND e.deleted_at IS NULL
	JOIN organizations o ON o.id = w.organization_id AND o.status = 'active'
	WHERE w.public_key = p_key AND w.enabled
$$;--> statement-breakpoint
-- The closures whose purge is due as of p_now (the grace period is over), or under way (a run that
-- stopped resumes). Crossing tenants is its only job: each purge then runs inside its tenant.
CREATE OR REPLACE FUNCTION closures_due(p_now timestamptz)
RETURNS TABLE (organization_id uuid, closure_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT c.organization_id, c.id FROM organization_closures c
	WHERE (c.status = 'pending' AND c.purge_after <= p_now) OR c.status = 'purging'
$$;--> statement-breakpoint
-- Webhook deliveries kept in R2 for a purging organisation (its inbound_failures) that no other
-- organisation's failures name: those objects go with it; a delivery shared with another organisation
-- stays for that one's replays.
CREATE OR REPLACE FUNCTION closure_kept_deliveries(p_closure uuid)
RETURNS TABLE (platform text, delivery_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT DISTINCT f.platform, f.delivery_id
	FROM organization_closures c
	JOIN inbound_failures f ON f.organization_id = c.organization_id
	WHERE c.id = p_closure AND c.status = 'purging'
	  AND NOT EXISTS (SELECT 1 FROM inbound_failures o WHERE o.platform = f.platform
		AND o.delivery_id = f.delivery_id AND o.organization_id <> c.organization_id)
$$;--> statement-breakpoint
-- The purge's rows, a bounded chunk per call: up to p_limit rows of the first table (children before
-- the tables they reference, so no delete cascades without bound; partitions one by one) that still
-- holds the organisation's rows, counted into the closure's receipt in the same transaction. Every
-- table of the schema with an organization_id column is covered, whoever adds it. When none is left,
-- the organisation's own row goes. Answers what it deleted; no row once nothing is left. Runs as the
-- owner: audit_logs lets rows go only in its transaction (see audit_logs_append_only below).
CREATE OR REPLACE FUNCTION closure_purge_chunk(p_closure uuid, p_limit integer)
RETURNS TABLE (table_name text, deleted integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
	org uuid;
	target record;
	n integer;
BEGIN
	SELECT c.organization_id INTO org FROM organization_closures c
	WHERE c.id = p_closure AND c.status = 'purging' AND c.phase = 'rows';
	IF org IS NULL THEN
		RAISE EXCEPTION 'closure_purge_chunk: closure % is not purging rows', p_closure;
	END IF;
	PERFORM set_config('app.org_id', org::text, true);
	PERFORM set_config('app.closure_purge', org::text, true);
	FOR target IN
		WITH RECURSIVE tenant_tables AS (
			SELECT c.oid, c.relname::text AS name, c.relkind
			FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
			WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
			  AND c.relname NOT IN ('organizations', 'organization_closures')
			  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid
				AND a.attname = 'organization_id' AND NOT a.attisdropped)
		),
		refs AS (
			SELECT DISTINCT k.conrelid AS child, k.confrelid AS parent
			FROM pg_constraint k
			WHERE k.contype = 'f' AND k.conrelid <> k.confrelid
			  AND k.conrelid IN (SELECT t.oid FROM tenant_tables t)
			  AND k.confrelid IN (SELECT t.oid FROM tenant_tables t)
		),
		depth AS (
			SELECT t.oid, 0 AS d FROM tenant_tables t
			UNION
			SELECT r.parent, depth.d + 1 FROM refs r JOIN depth ON depth.oid = r.child WHERE depth.d < 32
		),
		ordered AS (SELECT depth.oid, max(depth.d) AS d FROM depth GROUP BY depth.oid)
		SELECT t.name, leaf.relid AS leaf
		FROM ordered o JOIN tenant_tables t ON t.oid = o.oid
		CROSS JOIN LATERAL (
			SELECT t.oid::regclass AS relid WHERE t.relkind = 'r'
			UNION ALL
			SELECT p.relid FROM pg_partition_tree(t.oid) p WHERE t.relkind = 'p' AND p.isleaf
		) leaf
		ORDER BY o.d, t.name, leaf.relid
	LOOP
		EXECUTE format(
			'WITH gone AS (DELETE FROM %s WHERE ctid = ANY(ARRAY(SELECT ctid FROM %s WHERE organization_id = $1 LIMIT $2)) RETURNING 1) SELECT count(*)::integer FROM gone',
			target.leaf, target.leaf)
			INTO n USING org, p_limit;
		IF n > 0 THEN
			UPDATE organization_closures SET
				removed_rows = jsonb_set(removed_rows, ARRAY[target.name],
					to_jsonb(coalesce((removed_rows->>target.name)::bigint, 0) + n)),
				version = version + 1, updated_at = now()
			WHERE id = p_closure;
			table_name := target.name;
			deleted := n;
			RETURN NEXT;
			RETURN;
		END IF;
	END LOOP;
	DELETE FROM organizations WHERE id = org;
	GET DIAGNOSTICS n = ROW_COUNT;
	IF n > 0 THEN
		UPDATE organization_closures SET
			removed_rows = jsonb_set(removed_rows, ARRAY['organizations'], to_jsonb(n)),
			version = version + 1, updated_at = now()
		WHERE id = p_closure;
		table_name := 'organizations';
		deleted := n;
		RETURN NEXT;
	END IF;
	RETURN;
END;
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION closures_due(timestamptz) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION closure_kept_deliveries(uuid) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION closure_purge_chunk(uuid, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION closures_due(timestamptz) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION closure_kept_deliveries(uuid) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION closure_purge_chunk(uuid, integer) TO guddu_app;--> statement-breakpoint
-- As 0002, and one more way a row may leave: the closure purge of its organisation, inside
-- closure_purge_chunk's transaction (which marks it with app.closure_purge). The application role
-- holds no DELETE on audit_logs, so only that owner-run function gets this far.
CREATE OR REPLACE FUNCTION audit_logs_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
BEGIN
	IF TG_OP = 'UPDATE' THEN
		IF OLD.user_id IS NOT NULL AND NEW.user_id IS NULL
			AND (to_jsonb(NEW) - 'user_id') = (to_jsonb(OLD) - 'user_id') THEN
			RETURN NEW;
		END IF;
	ELSIF TG_OP = 'DELETE' THEN
		IF NOT EXISTS (SELECT 1 FROM public.organizations WHERE id = OLD.organization_id) THEN
			RETURN OLD;
		END IF;
		IF current_setting('app.closure_purge', true) = OLD.organization_id::text THEN
			RETURN OLD;
		END IF;
	END IF;
	RAISE EXCEPTION 'audit_logs is append-only'
		USING ERRCODE = '55000', DETAIL = format('%s on audit_logs is not allowed', TG_OP);
END;
$$;
