-- The per-request access guard of 0035, made cheap: it ran in the first statement of every batch a
-- signed-in user sends, and read the user through `auth_user_access`, a SQL function that cannot be
-- inlined (SECURITY DEFINER) and so was planned afresh at every call — about 0.25 ms of database time
-- per batch. It now reads the user's row itself (PL/pgSQL keeps the plan of its queries for the
-- connection's life), looks at the event only for a window that ends with one, and the whole check
-- costs about 10 µs. `auth_user_access` (sign-in and refresh) is unchanged and resolves the window the
-- same way (an event that is gone ends it).
--
-- It also stops the tokens of a user who is no longer there: deactivated, deleted or erased (GU401
-- account_disabled, as sign-in answers), where 0035 let an unknown user pass and left a deactivated
-- user's access token working until it expired (15 minutes at most). A change of role or permissions
-- bumps the access version (services/users/update.ts), so those tokens stop too (token_revoked) and
-- the next refresh carries the new role.
CREATE OR REPLACE FUNCTION assert_user_access(p_user_id uuid, p_version integer, p_at timestamptz)
RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
	v_version integer;
	v_starts timestamptz;
	v_ends timestamptz;
	v_with_event boolean;
	v_event uuid;
	v_active boolean;
BEGIN
	SELECT u.access_version, u.access_starts_at, u.access_ends_at, u.access_ends_with_event, u.access_ends_with_event_id,
	       u.is_active AND u.deleted_at IS NULL
	INTO v_version, v_starts, v_ends, v_with_event, v_event, v_active
	FROM users u WHERE u.id = p_user_id;
	IF NOT FOUND OR NOT v_active THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'account_disabled';
	END IF;
	IF v_version <> p_version THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'token_revoked';
	END IF;
	IF v_with_event THEN
		v_ends := coalesce((SELECT e.end_date FROM events e WHERE e.id = v_event), '-infinity');
	END IF;
	IF p_at < v_starts THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_not_started';
	END IF;
	IF p_at >= v_ends THEN
		RAISE EXCEPTION USING ERRCODE = 'GU401', MESSAGE = 'access_ended';
	END IF;
	RETURN true;
END;
$$;
