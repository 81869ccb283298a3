-- Someone without an account acting through a signed approval link is audited as `external`
-- (their name and address in `changes`). The constraint lives on the partitioned parent, so
-- replacing it there replaces it on every partition.
ALTER TABLE "audit_logs" DROP CONSTRAINT "audit_logs_actor_type_check";--> statement-breakpoint
ALTER TABLE "audit_logs" ADD CONSTRAINT "audit_logs_actor_type_check" CHECK ("actor_type" in ('user', 'system', 'webhook', 'external'));
