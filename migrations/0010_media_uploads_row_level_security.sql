-- Multipart uploads in flight are tenant data like any other: the same policy as 0005, so a query
-- that forgets its organisation still sees only the tenant its transaction set.
ALTER TABLE media_uploads ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE media_uploads FORCE ROW LEVEL SECURITY;--> statement-breakpoint
DROP POLICY IF EXISTS tenant_isolation ON media_uploads;--> statement-breakpoint
CREATE POLICY tenant_isolation ON media_uploads
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
