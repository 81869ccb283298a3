-- audit_logs is an immutable record: rows can be added, never changed or removed. Two changes made by
-- foreign keys are let through, because the data model requires them (GDPR erasure):
--   * deleting a user sets audit_logs.user_id to null (ON DELETE SET NULL): an update that changes
--     nothing but user_id, to null;
--   * deleting an organisation deletes its audit rows (ON DELETE CASCADE): a delete of a row whose
--     organisation no longer exists.
-- Retention works on whole partitions (detach or drop a quarter), which fires no row trigger.
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
	END IF;
	RAISE EXCEPTION 'audit_logs is append-only'
		USING ERRCODE = '55000', DETAIL = format('%s on audit_logs is not allowed', TG_OP);
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_logs_append_only
	BEFORE UPDATE OR DELETE ON audit_logs
	FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_truncate
	BEFORE TRUNCATE ON audit_logs
	FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
