-- Claims an Idempotency-Key inside the request's own write batch. Raises GU409 when the key is
-- taken and not yet expired, which rolls the whole batch back: a replay never writes twice. An
-- expired key (older than 24 hours) is taken over.
CREATE OR REPLACE FUNCTION claim_idempotency_key(
	p_organization_id uuid, p_key text, p_method text, p_path text, p_hash text
) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
	INSERT INTO idempotency_keys (organization_id, key, request_method, request_path, request_hash)
	VALUES (p_organization_id, p_key, p_method, p_path, p_hash)
	ON CONFLICT (organization_id, key) DO UPDATE
		SET request_method = excluded.request_method, request_path = excluded.request_path,
		    request_hash = excluded.request_hash, status = 'in_progress', response_status = NULL,
		    response_headers = NULL, response_body = NULL, created_at = now(),
		    expires_at = now() + interval '24 hours'
		WHERE idempotency_keys.expires_at < now();
	IF NOT FOUND THEN
		RAISE EXCEPTION USING ERRCODE = 'GU409', MESSAGE = 'idempotency_key_in_use';
	END IF;
END;
$$;--> statement-breakpoint
-- The nightly cron runs as the application role, which row-level security confines to one tenant;
-- purging expired keys of every tenant is this one narrow function's job.
CREATE OR REPLACE FUNCTION purge_expired_idempotency_keys() RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
	WITH gone AS (DELETE FROM idempotency_keys WHERE expires_at < now() RETURNING 1)
	SELECT count(*)::integer FROM gone
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION purge_expired_idempotency_keys() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION purge_expired_idempotency_keys() TO guddu_app;
