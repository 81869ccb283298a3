CREATE TABLE "listening_cursors" (
	"organization_id" uuid NOT NULL,
	"listener" text NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"polled_at" timestamp with time zone,
	CONSTRAINT "listening_cursors_pkey" PRIMARY KEY("organization_id","listener")
);
--> statement-breakpoint
ALTER TABLE "listening_cursors" ADD CONSTRAINT "listening_cursors_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "social_accounts_platform_platform_user_id_idx" ON "social_accounts" USING btree ("platform","platform_user_id");