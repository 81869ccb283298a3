-- An upload sends its asset's processing message after the row is written; if that send failed, or the
-- message was lost, the asset would stay `pending` for good. The per-minute cron takes the assets that
-- have been pending or processing longer than the grace period and sends their message again
-- (processing is idempotent). Taking one touches `updated_at`, so an asset is re-sent at most once per
-- grace period however long the queue is away. Crossing tenants is this function's only job: it
-- answers ids and organisations, and the work runs inside each tenant.
CREATE OR REPLACE FUNCTION take_stuck_media(p_grace interval, p_limit integer)
RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH stuck AS (
		SELECT m.id
		FROM media_assets m
		WHERE m.processing_status IN ('pending', 'processing')
		  AND m.deleted_at IS NULL
		  AND m.updated_at <= now() - p_grace
		ORDER BY m.updated_at
		LIMIT p_limit
		FOR UPDATE SKIP LOCKED
	)
	UPDATE media_assets m SET updated_at = now()
	FROM stuck
	WHERE m.id = stuck.id
	RETURNING m.id, m.organization_id
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION take_stuck_media(interval, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION take_stuck_media(interval, integer) TO guddu_app;
