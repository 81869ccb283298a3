CREATE TABLE "sentiment_alerts" (
	"organization_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"items" integer NOT NULL,
	"negative_share" numeric(5, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sentiment_alerts_pkey" PRIMARY KEY("event_id","window_start")
);
--> statement-breakpoint
ALTER TABLE "published_posts" ADD COLUMN "metrics_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "published_posts" ADD COLUMN "metrics_round" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sentiment_alerts" ADD CONSTRAINT "sentiment_alerts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sentiment_alerts" ADD CONSTRAINT "sentiment_alerts_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "published_posts_metrics_due_at_idx" ON "published_posts" USING btree ("metrics_due_at") WHERE metrics_due_at is not null;--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "sentiment_alerts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "sentiment_alerts" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "sentiment_alerts"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
