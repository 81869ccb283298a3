DROP INDEX "approval_requests_organization_id_status_idx";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "publishing_paused" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "connection_status" text DEFAULT 'connected' NOT NULL;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "status_reason" text;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "token_refreshed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "social_accounts" ADD COLUMN "metadata" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "steps" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "step_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approval_requests" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "approval_actions" ADD COLUMN "external_actor_name" text;--> statement-breakpoint
ALTER TABLE "approval_actions" ADD COLUMN "external_actor_email" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
CREATE UNIQUE INDEX "published_posts_content_id_social_account_id_key" ON "published_posts" USING btree ("content_id","social_account_id") WHERE publish_status not in ('cancelled', 'deleted');--> statement-breakpoint
CREATE INDEX "approval_requests_organization_id_status_step_due_at_idx" ON "approval_requests" USING btree ("organization_id","status","step_due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_user_id_dedupe_key_key" ON "notifications" USING btree ("user_id","dedupe_key");--> statement-breakpoint
ALTER TABLE "social_accounts" ADD CONSTRAINT "social_accounts_connection_status_check" CHECK ("social_accounts"."connection_status" in ('connected', 'reauth_required'));