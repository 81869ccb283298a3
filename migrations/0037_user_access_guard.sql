-- The per-request access guard of 0035, made cheap. It runs in the first statement of every batch a
-- signed-in user sends, and read the user through `auth_user_access`, a SQL function that cannot be
-- inlined (SECURITY DEFINER) and so was planned afresh at every call: about 0.25 ms of database time
-- per batch. `auth_user_access` is now PL/pgSQL, which keeps the plan of its query for the
-- connection's life; it stays the one resolution of a user's window (sign-in, refresh, the users API
-- and this guard), with the same answers.
--
-- The guard also stops the tokens of a user who is no longer there: deactivated, deleted or erased
-- (GU401 account_disabled, as sign-in answers), where 0035 let an unknown user pass and left a
-- deactivated user's access token working until it expired (15 minutes at most). A change of role or
-- permissions bumps the access version (services/users/update.ts), so those tokens stop too
-- (token_revoked) and the next refresh carries the new role.
CREATE OR REPLACE FUNCTION auth_user_access(p_user_id uuid)
RETURNS TABLE (
	access_version integer, access_starts_at timestamptz, access_ends_at timestamptz,
	access_ends_with_event boolean, access_event_ids uuid[]
)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
BEGIN
	RETURN QUERY
	SELECT u.access_version, u.access_starts_at,
	       CASE WHEN u.access_ends_with_event THEN coalesce(e.end_date, '-infinity') ELSE u.access_ends_at END,
	       u.access_ends_with_event,
	       CASE WHEN u.limited_to_events THEN coalesce(
	         (SELECT array_agg(a.event_id ORDER BY a.event_id) FROM user_event_access a WHERE a.user_id = u.id),
	         '{}'
	       ) END
	FROM users u LEFT JOIN events e ON e.id = u.access_ends_with_event_id
	WHERE u.id = p_user_id;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION assert_user_access(p_user_id uuid, p_version integer, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
	v_active boolean;
	a record;
BEGIN
	SELECT u.is_active AND u.deleted_at IS NULL INTO v_active FROM users u WHERE u.id = p_user_id;
	IF NOT FOUND OR NOT v_active THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'account_disabled';
	END IF;
	SELECT * INTO a FROM auth_user_access(p_user_id);
	IF a.access_version <> p_version THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'token_revoked';
	END IF;
	IF p_at < a.access_starts_at THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_not_started';
	END IF;
	IF p_at >= a.access_ends_at THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_ended';
	END IF;
	RETURN true;
END;
$$;
