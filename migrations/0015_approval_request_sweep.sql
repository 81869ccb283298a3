-- An approval request's Durable Object drives its reminders, escalation and expiry from its alarm. If
-- the object was never started (its start was lost after the submission committed), nothing would. The
-- per-minute cron asks this function for pending requests whose deadline passed more than p_grace ago
-- without the object having acted on it (no `escalate` action for the current step, or still pending
-- after its expiry), and wakes their objects, which load themselves from Postgres and catch up.
-- Crossing tenants is this narrow function's job; it answers only ids and organisations.
CREATE OR REPLACE FUNCTION approval_requests_overdue(p_now timestamptz, p_grace interval, p_limit integer)
RETURNS TABLE (id uuid, organization_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT r.id, r.organization_id
	FROM approval_requests r
	WHERE r.status = 'pending'
	  AND (
		r.expires_at <= p_now - p_grace
		OR (r.step_due_at <= p_now - p_grace AND NOT EXISTS (
			SELECT 1 FROM approval_actions a
			WHERE a.approval_request_id = r.id AND a.step_number = r.current_step AND a.action = 'escalate'))
	  )
	ORDER BY least(r.expires_at, r.step_due_at), r.id
	LIMIT p_limit
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION approval_requests_overdue(timestamptz, interval, integer) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION approval_requests_overdue(timestamptz, interval, integer) TO guddu_app;
