-- Row-level security: the second wall behind the application's own organisation scoping. Each
-- request sets `app.org_id` for its transaction (set_config(..., true), the first statement of its
-- batch); a query that forgets the organisation still sees only that tenant's rows. Without the
-- setting, nullif(...) yields NULL and nothing matches (never an error).
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY[
		'approval_actions', 'approval_requests', 'approval_workflows', 'audit_logs', 'campaigns', 'content',
		'content_templates', 'delegates', 'engagement_metrics', 'event_phases', 'events', 'idempotency_keys',
		'media_assets', 'mfa_recovery_codes', 'notifications', 'publish_attempts', 'published_posts',
		'refresh_tokens', 'sentiment_analysis', 'social_accounts', 'users'
	]
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
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON organizations;--> statement-breakpoint
CREATE POLICY tenant_isolation ON organizations
	USING (id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (id = nullif(current_setting('app.org_id', true), '')::uuid);--> statement-breakpoint
-- Sign-in must find a user before it knows the organisation, and refresh must find a token. These
-- two narrow functions are the only cross-tenant reads the application role has; they run as the
-- owner and return just what those flows need.
CREATE OR REPLACE FUNCTION auth_user_by_email(p_email text)
RETURNS TABLE (
	id uuid, organization_id uuid, email text, password_hash text, role text, permissions jsonb,
	is_active boolean, deleted_at timestamptz, totp_enabled boolean, totp_secret text,
	totp_last_used_step bigint, organization_status text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT u.id, u.organization_id, u.email, u.password_hash, u.role, u.permissions, u.is_active, u.deleted_at,
	       u.totp_enabled, u.totp_secret, u.totp_last_used_step, o.status
	FROM users u JOIN organizations o ON o.id = u.organization_id
	WHERE lower(u.email) = lower(p_email)
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION auth_refresh_token(p_token_hash text)
RETURNS TABLE (
	id uuid, organization_id uuid, user_id uuid, family_id uuid, expires_at timestamptz,
	revoked_at timestamptz, replaced_by uuid, role text, permissions jsonb, user_active boolean,
	user_deleted_at timestamptz, organization_status text
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT t.id, t.organization_id, t.user_id, t.family_id, t.expires_at, t.revoked_at, t.replaced_by,
	       u.role, u.permissions, u.is_active, u.deleted_at, o.status
	FROM refresh_tokens t
	JOIN users u ON u.id = t.user_id
	JOIN organizations o ON o.id = t.organization_id
	WHERE t.token_hash = p_token_hash
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_user_by_email(text) FROM PUBLIC;--> statement-breakpoint
REVOKE ALL ON FUNCTION auth_refresh_token(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_user_by_email(text) TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION auth_refresh_token(text) TO guddu_app;
