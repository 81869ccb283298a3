-- claim_due_posts of 0033, with its pause and embargo conditions written so that a burst of due posts
-- costs joins, not a function call per row: 10,000 posts due in one minute took 6.1 s to claim with
-- publishing_pause_for and content_embargoed called on each row (0.5-0.8 s before they existed).
-- The pause condition is publishing_pause_for's rule (0033) as an anti-join; content_embargoed is
-- only asked of content that has an embargo of its own or media (whose embargoes it reads).
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
		AND NOT EXISTS (
			SELECT 1 FROM publishing_pauses z
			WHERE z.event_id = c.event_id
				AND (z.until IS NULL OR z.until > now())
				AND (z.platform IS NULL OR z.platform = p.platform)
				AND (z.social_account_id IS NULL OR z.social_account_id = p.social_account_id)
		)
		AND (
			(c.embargo_until IS NULL AND c.embargo_session_id IS NULL AND cardinality(c.media_assets) = 0)
			OR NOT content_embargoed(c.id, now())
		)
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
GRANT EXECUTE ON FUNCTION claim_due_posts(integer, integer, integer) TO guddu_app;
