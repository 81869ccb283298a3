-- The per-minute cron refreshes platform tokens before they expire, for every tenant. It runs as the
-- application role, which row-level security confines to one tenant, so finding the accounts that
-- are due is this one narrow function's job: it answers only their ids and organisations, and each
-- refresh then goes through the tenant like any other write.
--
-- Due: connected, live accounts whose access token expires within max(p_min_lead, p_lifetime_fraction
-- of the token's lifetime) of p_now (a token's lifetime runs from its last refresh, else from the
-- connection), and accounts holding a token sealed with another key than p_current_kid (a key
-- rotation: re-sealed with the current key). Keep the rule in step with dueForRefresh in
-- src/services/social-accounts/refresh-due.ts.
CREATE OR REPLACE FUNCTION social_accounts_due_for_refresh(
	p_now timestamptz, p_min_lead interval, p_lifetime_fraction double precision, p_current_kid text,
	p_limit integer
) RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT a.id, a.organization_id
	FROM social_accounts a
	WHERE a.deleted_at IS NULL AND a.connection_status = 'connected'
	  AND (
		a.token_expires_at <= p_now + greatest(
			p_min_lead,
			(a.token_expires_at - coalesce(a.token_refreshed_at, a.created_at)) * p_lifetime_fraction
		)
		OR split_part(a.access_token, '.', 2) <> p_current_kid
		OR split_part(a.refresh_token, '.', 2) <> p_current_kid
	  )
	ORDER BY a.token_expires_at NULLS LAST, a.id
	LIMIT p_limit
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION social_accounts_due_for_refresh(timestamptz, interval, double precision, text, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION social_accounts_due_for_refresh(timestamptz, interval, double precision, text, integer) TO guddu_app;
