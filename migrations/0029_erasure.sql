CREATE TABLE "erasures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_by" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid,
	"subject_platform" text,
	"subject_key" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"cursor" text,
	"working" jsonb,
	"counts" jsonb DEFAULT '{"removed":{},"redacted":{}}'::jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "erasures_subject_type_check" CHECK ("erasures"."subject_type" in ('delegate', 'user', 'inbound_author')),
	CONSTRAINT "erasures_status_check" CHECK ("erasures"."status" in ('queued', 'running', 'completed', 'failed')),
	CONSTRAINT "erasures_subject_platform_check" CHECK ("erasures"."subject_platform" is null or "erasures"."subject_platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads'))
);
--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "erasures" ADD CONSTRAINT "erasures_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "erasures_organization_id_requested_at_idx" ON "erasures" USING btree ("organization_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "erasures_organization_id_subject_key_key" ON "erasures" USING btree ("organization_id","subject_key");--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "erasures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "erasures" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "erasures"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- An erasure's cut in JSON (services/erasure/scrub.ts): the pattern replaced in every string value at
-- any depth, keys and structure left as they are, so the result is always valid JSON.
CREATE FUNCTION erasure_scrub(p jsonb, p_pattern text, p_replacement text) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, public
AS $$
BEGIN
	IF jsonb_typeof(p) = 'object' THEN
		RETURN coalesce((SELECT jsonb_object_agg(k, erasure_scrub(v, p_pattern, p_replacement))
			FROM jsonb_each(p) AS e(k, v)), '{}'::jsonb);
	ELSIF jsonb_typeof(p) = 'array' THEN
		RETURN coalesce((SELECT jsonb_agg(erasure_scrub(v, p_pattern, p_replacement) ORDER BY n)
			FROM jsonb_array_elements(p) WITH ORDINALITY AS a(v, n)), '[]'::jsonb);
	ELSIF jsonb_typeof(p) = 'string' THEN
		RETURN to_jsonb(regexp_replace(p #>> '{}', p_pattern, p_replacement, 'gi'));
	END IF;
	RETURN p;
END;
$$;
--> statement-breakpoint
-- From now on audit rows record that a personal field changed, never its value (services/audit/record.ts,
-- PERSONAL_FIELD: the same pattern). Rows written before are brought in line once, here: the only
-- change ever made to existing audit rows besides the foreign keys' (migrations/0002), made by the
-- schema's owner with the append-only trigger off for this transaction only.
CREATE FUNCTION audit_withhold_personal(p jsonb) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE
SET search_path = pg_catalog, public
AS $$
BEGIN
	IF jsonb_typeof(p) = 'object' THEN
		RETURN coalesce((
			SELECT jsonb_object_agg(k, CASE
				WHEN k ~ '^(first_name|last_name|title|text|hashtags|designation|photo_url|author_name|blocked_authors|allowed_authors)$|(^|_)(email|emails|handle|handles|username|caption|comment|filename)(_|$)'
				THEN '"[withheld]"'::jsonb ELSE audit_withhold_personal(v) END)
			FROM jsonb_each(p) AS e(k, v)), '{}'::jsonb);
	ELSIF jsonb_typeof(p) = 'array' THEN
		RETURN coalesce((
			SELECT jsonb_agg(audit_withhold_personal(v) ORDER BY n)
			FROM jsonb_array_elements(p) WITH ORDINALITY AS a(v, n)), '[]'::jsonb);
	END IF;
	RETURN p;
END;
$$;
--> statement-breakpoint
ALTER TABLE "audit_logs" DISABLE TRIGGER audit_logs_append_only;--> statement-breakpoint
UPDATE "audit_logs" SET "changes" = audit_withhold_personal("changes")
	WHERE "changes" <> audit_withhold_personal("changes");--> statement-breakpoint
ALTER TABLE "audit_logs" ENABLE TRIGGER audit_logs_append_only;--> statement-breakpoint
DROP FUNCTION audit_withhold_personal(jsonb);
