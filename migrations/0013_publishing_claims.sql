-- Filled by the publishing pipeline (cross-tenant claim of due posts).
-- The every-minute cron runs as the application role, which row-level security confines to one
-- tenant; claiming the due posts of every tenant is this one narrow function's job. It takes what is
-- due (a pending post whose time has come; a queued post whose message never arrived, after
-- p_queued_lease_seconds; a publishing post whose worker vanished, after p_publishing_lease_seconds),
-- skips what it must hold (deleted or unscheduled content, a paused event, an account that is paused
-- or needs reconnecting), marks the rows queued and answers them; a post whose account was removed is
-- claimed too, so the consumer fails it with that reason instead of leaving it waiting. FOR UPDATE SKIP
-- LOCKED: two runs at once never claim the same row, and a row another transaction holds (being
-- unscheduled, say) is left for the next run.
CREATE OR REPLACE FUNCTION claim_due_posts(
	p_limit integer, p_queued_lease_seconds integer, p_publishing_lease_seconds integer
) RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH due AS (
		SELECT p.id
		FROM published_posts p
		JOIN content c ON c.id = p.content_id
		LEFT JOIN social_accounts a ON a.id = p.social_account_id
		LEFT JOIN events e ON e.id = c.event_id
		WHERE (
			(p.publish_status = 'pending' AND p.next_attempt_at <= now())
			OR (p.publish_status = 'queued'
				AND coalesce(p.next_attempt_at, p.claimed_at) <= now() - make_interval(secs => p_queued_lease_seconds))
			OR (p.publish_status = 'publishing'
				AND p.claimed_at <= now() - make_interval(secs => p_publishing_lease_seconds))
		)
		AND c.deleted_at IS NULL
		AND c.workflow_status IN ('scheduled', 'publishing')
		AND (e.id IS NULL OR NOT e.publishing_paused)
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
-- The cron's answer when sending the claimed rows' messages failed: they go back to pending, due now,
-- so the next run sends them instead of waiting out the queued lease.
CREATE OR REPLACE FUNCTION release_claimed_posts(p_ids uuid[]) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH released AS (
		UPDATE published_posts SET publish_status = 'pending', claimed_at = NULL, updated_at = now()
		WHERE id = ANY(p_ids) AND publish_status = 'queued'
		RETURNING 1
	)
	SELECT count(*)::integer FROM released
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION release_claimed_posts(uuid[]) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION release_claimed_posts(uuid[]) TO guddu_app;
