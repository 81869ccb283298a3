-- Public widgets: each event's public face (src/db/schema/event-widgets.ts), the wall's moderation state on
-- inbound items, and delegates shown by the speakers widget.
CREATE TABLE "event_widgets" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"public_key" text NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"moderation" text DEFAULT 'automatic' NOT NULL,
	"filters" jsonb NOT NULL,
	"show_official_posts" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_widgets_moderation_check" CHECK ("event_widgets"."moderation" in ('automatic', 'manual')),
	CONSTRAINT "event_widgets_public_key_check" CHECK ("event_widgets"."public_key" ~ '^[A-Za-z0-9]{12}$')
);
--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "photo_media_id" uuid;--> statement-breakpoint
ALTER TABLE "delegates" ADD COLUMN "featured" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "event_widgets" ADD CONSTRAINT "event_widgets_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_widgets" ADD CONSTRAINT "event_widgets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_widgets_public_key_key" ON "event_widgets" USING btree ("public_key");--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_photo_media_id_media_assets_id_fk" FOREIGN KEY ("photo_media_id") REFERENCES "public"."media_assets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- inbound_items is hand-made (partitioned, 0018): its wall columns are added here.
ALTER TABLE "inbound_items" ADD COLUMN "wall_status" text;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "wall_reason" text;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "pinned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "moderated_by" uuid;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD COLUMN "moderated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_items" ADD CONSTRAINT "inbound_items_wall_status_check" CHECK ("wall_status" in ('pending', 'approved', 'hidden'));--> statement-breakpoint
CREATE INDEX "inbound_items_event_id_wall_status_received_at_idx" ON "inbound_items" USING btree ("event_id","wall_status","received_at");--> statement-breakpoint
-- Tenant data: the same policy as 0005.
ALTER TABLE "event_widgets" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "event_widgets" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY tenant_isolation ON "event_widgets"
	USING (organization_id = nullif(current_setting('app.org_id', true), '')::uuid)
	WITH CHECK (organization_id = nullif(current_setting('app.org_id', true), '')::uuid);
--> statement-breakpoint
-- The public API knows an event only by its public key. Crossing tenants is this function's only
-- job: which organisation and event a key of switched-on widgets names; the reads then run inside it.
CREATE OR REPLACE FUNCTION public_event(p_key text)
RETURNS TABLE (organization_id uuid, event_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
	SELECT w.organization_id, w.event_id
	FROM event_widgets w JOIN events e ON e.id = w.event_id AND e.deleted_at IS NULL
	WHERE w.public_key = p_key AND w.enabled
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION public_event(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION public_event(text) TO guddu_app;
