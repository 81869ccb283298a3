-- The role the Worker runs as: no superuser, no BYPASSRLS, so row-level security applies to it. It
-- cannot log in; each environment grants it to a login role or gives it a password (roles belong to
-- the cluster, so another database may already have created it).
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'guddu_app') THEN
		CREATE ROLE guddu_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
	END IF;
END;
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO guddu_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO guddu_app;--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO guddu_app;--> statement-breakpoint
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO guddu_app;--> statement-breakpoint
-- Tables created by later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO guddu_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO guddu_app;--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO guddu_app;--> statement-breakpoint
-- The audit trail is append-only for the application.
REVOKE UPDATE, DELETE ON audit_logs FROM guddu_app;--> statement-breakpoint
-- ensure_partitions is the way in (it runs as the owner); its helper is not.
REVOKE ALL ON FUNCTION ensure_range_partition(text, text, text, timestamptz, timestamptz) FROM guddu_app;--> statement-breakpoint
-- Rows are reached through the partitioned parents only (row-level security lives there); later
-- partitions are handled by ensure_range_partition.
DO $$
DECLARE
	part regclass;
BEGIN
	FOR part IN
		SELECT c.oid::regclass
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relispartition AND c.relkind IN ('r', 'p')
	LOOP
		EXECUTE format('REVOKE ALL ON TABLE %s FROM guddu_app', part);
	END LOOP;
END;
$$;
