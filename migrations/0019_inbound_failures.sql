-- Webhook deliveries that could not be stored, per organisation holding their account (src/db/schema/inbound-failures.ts).
CREATE TABLE "inbound_failures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"platform" text NOT NULL,
	"delivery_id" text NOT NULL,
	"error" text NOT NULL,
	"attempts" integer NOT NULL,
	"replays" integer DEFAULT 0 NOT NULL,
	"first_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_failed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "inbound_failures_delivery_key" UNIQUE("organization_id","platform","delivery_id"),
	CONSTRAINT "inbound_failures_platform_check" CHECK ("inbound_failures"."platform" in ('bluesky', 'x', 'facebook', 'instagram', 'linkedin', 'threads'))
);
--> statement-breakpoint
ALTER TABLE "inbound_failures" ADD CONSTRAINT "inbound_failures_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inbound_failures_organization_id_last_failed_at_index" ON "inbound_failures" USING btree ("organization_id","last_failed_at");--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "inbound_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "inbound_failures" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "inbound_failures"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
